package com.acme.tiering.audit;

class AuditLogH2Tests extends AuditLogContract {
}
