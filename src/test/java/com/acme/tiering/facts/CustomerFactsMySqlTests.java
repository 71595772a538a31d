package com.acme.tiering.facts;

import com.acme.tiering.support.MySqlDatabase;

@MySqlDatabase
class CustomerFactsMySqlTests extends CustomerFactsContract {
}
