package com.acme.tiering.api;

import com.acme.tiering.support.MySqlDatabase;

@MySqlDatabase
class ChurnAlertMySqlTests extends ChurnAlertContract {
}
