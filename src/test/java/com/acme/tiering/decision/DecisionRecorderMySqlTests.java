package com.acme.tiering.decision;

import com.acme.tiering.support.MySqlDatabase;

@MySqlDatabase
class DecisionRecorderMySqlTests extends DecisionRecorderContract {
}
