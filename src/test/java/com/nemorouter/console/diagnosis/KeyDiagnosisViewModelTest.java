package com.nemorouter.console.diagnosis;

import static com.nemorouter.console.testing.Seed.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;

import com.nemorouter.console.audit.AuditTrail;
import com.nemorouter.console.connection.ConsoleHome;
import com.nemorouter.console.connection.Database;
import com.nemorouter.console.integrity.KeyService;
import com.nemorouter.console.testing.TestDatabases;
import com.nemorouter.console.ui.SameThreadTaskRunner;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key screen's ViewModel on a private copy of the demo database (it applies fixes). */
class KeyDiagnosisViewModelTest {

    @TempDir
    Path home;

    private Database database;
    private KeyDiagnosisViewModel viewModel;

    @BeforeEach
    void open() {
        database = Database.open(TestDatabases.target(TestDatabases.copyOfSeed()));
        KeyDiagnosisService diagnosis = new KeyDiagnosisService(database);
        viewModel = new KeyDiagnosisViewModel(new KeyService(database), diagnosis, new KeyFixService(database,
                new AuditTrail(new ConsoleHome(home), "ada", "desk-1", Clock.systemUTC()), diagnosis),
                new SameThreadTaskRunner(), () -> null);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void pastingAKeyReplacesItWithItsHashAndShowsAllOfTheAuthContext() {
        viewModel.keyInputProperty().set(DEMO_KEY_WITH_ORG);
        viewModel.diagnose();
        assertThat(viewModel.keyInputProperty().get()).isEmpty();
        assertThat(viewModel.hashProperty().get()).isEqualTo(KeyService.tokenHash(DEMO_KEY_WITH_ORG));
        assertThat(viewModel.authContextProperty().get()).contains("AuthContext.org_id = " + ACME + " (from the key)")
                .contains("team_id = " + ACME_PLATFORM_TEAM).contains("key_alias = ").contains("organization: nemo")
                .doesNotContain(DEMO_KEY_WITH_ORG);
        assertThat(viewModel.authContextProperty().get().lines()).hasSize(7);
        assertThat(viewModel.verdictStateProperty().get()).isEqualTo("accepted");
        assertThat(viewModel.checks()).hasSize(15);
        assertThat(viewModel.spendProperty().get()).contains("key ").contains("organization " + ACME);
        assertThat(viewModel.caveatsProperty().get()).contains("60 s");
        assertThat(viewModel.fixes()).isEmpty();

        viewModel.keyInputProperty().set("not a key");
        viewModel.diagnose();
        assertThat(viewModel.errorProperty().get()).contains("sk-").doesNotContain("not a key");
        assertThat(viewModel.keyInputProperty().get()).isEmpty();
    }

    @Test
    void aBlockedKeyOffersUnblockWhichPreviewsAppliesAndPasses() {
        viewModel.keyInputProperty().set("sk-demo-17");
        viewModel.diagnose();
        assertThat(viewModel.verdictStateProperty().get()).isEqualTo("rejected");
        assertThat(viewModel.verdictProperty().get()).contains("key_blocked").contains("HTTP 401 auth_error");
        assertThat(viewModel.customerSawProperty().get()).contains("Key is blocked");
        assertThat(viewModel.fixes()).containsExactly(KeyFix.UNBLOCK_KEY);
        assertThat(viewModel.selectedFixProperty().get()).isEqualTo(KeyFix.UNBLOCK_KEY);
        assertThat(viewModel.canApplyProperty().get()).isFalse();
        viewModel.previewFix();
        assertThat(viewModel.fixPreviewProperty().get()).contains("set blocked = false")
                .contains(KeyService.tokenHash("sk-demo-17"));
        assertThat(viewModel.canApplyProperty().get()).isTrue();
        viewModel.applyFix();
        assertThat(viewModel.verdictStateProperty().get()).isEqualTo("accepted");
        assertThat(viewModel.fixMessageProperty().get()).contains("1 audit record written to LiteLLM_AuditLog")
                .contains("60 s");
    }

    @Test
    void readOnlyDisablesApplying() {
        viewModel.fixDisabledReasonProperty().set("the connection is marked read-only");
        viewModel.keyInputProperty().set("sk-demo-19");
        viewModel.diagnose();
        assertThat(viewModel.fixes()).containsExactly(KeyFix.RAISE_KEY_BUDGET);
        viewModel.fixValueProperty().set("1000");
        viewModel.previewFix();
        assertThat(viewModel.fixPreviewProperty().get()).contains("max_budget");
        assertThat(viewModel.canApplyProperty().get()).isFalse();
        viewModel.applyFix();
        assertThat(viewModel.verdictStateProperty().get()).isEqualTo("rejected");
    }
}
