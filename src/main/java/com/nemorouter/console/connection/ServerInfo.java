package com.nemorouter.console.connection;

/**
 * What the status bar says about the session: never the password.
 *
 * @param encrypted  the session runs over TLS (from {@code pg_stat_ssl})
 * @param verified   the server's certificate was checked against a root certificate (verify-ca or verify-full)
 * @param tlsVersion e.g. {@code TLSv1.3}; empty when not encrypted
 */
public record ServerInfo(String target, String serverVersion, String databaseRole, boolean demo,
                         boolean encrypted, boolean verified, String tlsVersion) {

    public ServerInfo(String target, String serverVersion, String databaseRole, boolean demo) {
        this(target, serverVersion, databaseRole, demo, false, false, "");
    }

    /** For the status bar: "TLSv1.3, verified", "TLSv1.3, certificate not verified", "not encrypted". */
    public String tlsDescription() {
        if (!encrypted) {
            return "not encrypted";
        }
        return tlsVersion + (verified ? ", verified" : ", certificate not verified");
    }
}
