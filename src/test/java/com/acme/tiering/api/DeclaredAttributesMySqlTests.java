package com.acme.tiering.api;

import com.acme.tiering.support.MySqlDatabase;

@MySqlDatabase
class DeclaredAttributesMySqlTests extends DeclaredAttributesContract {
}
