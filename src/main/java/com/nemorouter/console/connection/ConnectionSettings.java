package com.nemorouter.console.connection;

import java.time.Duration;

/**
 * How a connection behaves, apart from where it goes: timeouts now; a profile's read-only flag and
 * similar switches belong here too.
 *
 * @param connectTimeout   how long opening a connection may take (pgjdbc's connectTimeout and the pool's wait)
 * @param readStatementTimeout the default bound on each read statement; zero for none
 * @param readOnly         every transaction is {@code READ ONLY} (a profile's flag)
 * @param auditAs          a profile's "Audit as": who audit rows name in {@code changed_by}; empty for nobody
 */
public record ConnectionSettings(Duration connectTimeout, Duration readStatementTimeout, boolean readOnly,
                                 String auditAs) {

    public static final ConnectionSettings DEFAULT =
            new ConnectionSettings(Duration.ofSeconds(10), Duration.ofSeconds(60), false);

    public ConnectionSettings(Duration connectTimeout, Duration readStatementTimeout, boolean readOnly) {
        this(connectTimeout, readStatementTimeout, readOnly, "");
    }

    public ConnectionSettings {
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("The connect timeout must be positive.");
        }
        if (readStatementTimeout.isNegative()) {
            throw new IllegalArgumentException("The statement timeout cannot be negative.");
        }
        auditAs = ConnectionProfile.auditAs(auditAs);
    }

    public ConnectionSettings withReadStatementTimeout(Duration timeout) {
        return new ConnectionSettings(connectTimeout, timeout, readOnly, auditAs);
    }

    public ConnectionSettings withConnectTimeout(Duration timeout) {
        return new ConnectionSettings(timeout, readStatementTimeout, readOnly, auditAs);
    }

    public ConnectionSettings withReadOnly(boolean newReadOnly) {
        return new ConnectionSettings(connectTimeout, readStatementTimeout, newReadOnly, auditAs);
    }

    public ConnectionSettings withAuditAs(String newAuditAs) {
        return new ConnectionSettings(connectTimeout, readStatementTimeout, readOnly, newAuditAs);
    }
}
