package com.acme.tiering.governance;

import com.acme.tiering.support.MySqlDatabase;

@MySqlDatabase
class TierMigrationMySqlTests extends TierMigrationContract {
}
