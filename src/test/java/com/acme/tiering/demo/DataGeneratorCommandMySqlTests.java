package com.acme.tiering.demo;

import com.acme.tiering.support.MySqlDatabase;

/** On MySQL Connector/J the writer sends multi-row INSERTs, on MariaDB Connector/J bulk batches: both end here. */
@MySqlDatabase
class DataGeneratorCommandMySqlTests extends DataGeneratorCommandContract {
}
