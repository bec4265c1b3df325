package com.nemorouter.console.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nemorouter.console.connection.ConnectionTarget;
import com.nemorouter.console.connection.Database;
import com.nemorouter.console.testing.TestDatabases;

import org.junit.jupiter.api.Test;

/**
 * The whole audit runs its checks in parallel transactions that import one exported snapshot; where the
 * server refuses to export one, it runs them in one transaction instead, with the same findings.
 */
class AuditSnapshotTest {

    @Test
    void withoutAnExportableSnapshotTheChecksRunInOneTransactionWithTheSameFindings() {
        String name = TestDatabases.copyOfSeed();
        String role = "no_snapshot_" + name;
        TestDatabases.execute(TestDatabases.dataSource(name), "create role " + role + " login; "
                + "grant usage on schema nemo, auth, public to " + role + "; "
                + "grant select on all tables in schema nemo, auth, public to " + role + "; "
                // Per database: pg_proc belongs to this copy only.
                + "revoke execute on function pg_export_snapshot() from public");
        try (Database owner = Database.open(TestDatabases.target(name));
             Database restricted = Database.open(ConnectionTarget.parse(
                     "postgresql://" + role + "@localhost:" + TestDatabases.port() + "/" + name))) {
            AuditReport parallel = new AuditService(owner).runAll();
            restricted.statistics().clear();
            AuditReport sequential = new AuditService(restricted).runAll();

            assertThat(AuditServiceTest.entityIdsByCheck(sequential)).isEqualTo(AuditServiceTest.entityIdsByCheck(parallel));
            assertThat(sequential.findings()).isNotEmpty();
            // The failed export is plain JDBC; then one statement per check, as in the parallel audit.
            assertThat(restricted.statistics().getPrepareStatementCount()).isEqualTo(AuditCheck.values().length);
        }
    }
}
