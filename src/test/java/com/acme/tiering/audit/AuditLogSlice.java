package com.acme.tiering.audit;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/** The audit log for test slices (e.g. {@code @DataJdbcTest}) whose features record their changes in it. */
@TestConfiguration(proxyBeanMethods = false)
@Import({ AuditLog.class, AuditStore.class })
public class AuditLogSlice {
}
