package com.acme.tiering.api;

import com.acme.tiering.support.MySqlDatabase;

@MySqlDatabase
class ManualOverrideMySqlTests extends ManualOverrideContract {
}
