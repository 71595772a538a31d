package com.acme.tiering.audit;

import com.acme.tiering.support.MySqlDatabase;

@MySqlDatabase
class AuditLogMySqlTests extends AuditLogContract {
}
