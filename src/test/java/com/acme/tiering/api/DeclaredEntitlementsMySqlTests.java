package com.acme.tiering.api;

import com.acme.tiering.support.MySqlDatabase;

@MySqlDatabase
class DeclaredEntitlementsMySqlTests extends DeclaredEntitlementsContract {
}
