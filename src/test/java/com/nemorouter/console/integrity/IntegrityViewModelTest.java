package com.nemorouter.console.integrity;

import static com.nemorouter.console.testing.Seed.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.nemorouter.console.presence.PresenceQuery;
import com.nemorouter.console.testing.TestDatabases;
import com.nemorouter.console.ui.SameThreadTaskRunner;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The locate and audit ViewModels on the seeded database, with work run on the calling thread. */
class IntegrityViewModelTest {

    private final List<LocatedEntity> opened = new ArrayList<>();
    private final LocateViewModel locate = new LocateViewModel(
            new LocateService(TestDatabases.seeded(), new PresenceQuery(100)), new SameThreadTaskRunner(), opened::add);
    // Never asked to apply a repair here: the seeded database is shared read-only (RepairServiceTest writes).
    private final AuditViewModel audit = new AuditViewModel(new AuditService(TestDatabases.seeded()),
            new RepairService(TestDatabases.seeded(), null, null), new SameThreadTaskRunner(), opened::add);

    @Test
    void locateListsTablesLinksAndSkippedColumnsThenScansThem() {
        locate.inputProperty().set(ACME.replace("-", "").toUpperCase(java.util.Locale.ROOT));
        locate.locate();
        assertThat(locate.errorProperty().get()).isEmpty();
        assertThat(locate.entities()).extracting(LocatedEntity::id).containsExactly(ACME);
        assertThat(locate.canScanAnywayProperty().get()).isTrue();
        assertThat(locate.messageProperty().get()).contains("not searched");
        assertThat(locate.places()).anyMatch(place -> place.rows() < 0 && place.table().equals("LiteLLM_SpendLogs"));

        locate.scanAnyway();
        assertThat(locate.canScanAnywayProperty().get()).isFalse();
        assertThat(locate.places()).noneMatch(place -> place.rows() < 0);

        locate.open(locate.entities().get(0));
        assertThat(opened).extracting(LocatedEntity::type, LocatedEntity::id)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("organization", ACME));
    }

    @Test
    void locateExplainsABadIdWithoutSearching() {
        locate.inputProperty().set("0b5e55ed-0000-4000");
        locate.locate();
        assertThat(locate.errorProperty().get()).contains("not a valid UUID");
        assertThat(locate.places()).isEmpty();
    }

    @Test
    void theAuditFillsEveryCheckAndDrillsDownToFindings(@TempDir Path directory) throws Exception {
        audit.run();
        assertThat(audit.runningProperty().get()).isFalse();
        assertThat(audit.progressProperty().get()).isEqualTo(1.0);
        assertThat(audit.statusProperty().get()).isEqualTo("15 checks: 9 findings (7 errors, 1 warning, 1 info).");
        CheckRow mismatch = audit.checks().stream().filter(row -> row.check() == AuditCheck.TEAM_ORG_MISMATCH)
                .findFirst().orElseThrow();
        assertThat(mismatch.status()).isEqualTo("✘ 1");
        assertThat(mismatch.severities()).isEqualTo("1 error");

        assertThat(audit.badgeFor(BLUE_HARBOR)).isEqualTo("✘ 3 audit findings");
        assertThat(audit.badgeFor(CEDAR_POINT)).isEqualTo("✘ 2 audit findings");
        assertThat(audit.badgeFor(SANDBOX_TEAM_EMPTY_OBJECT)).isEqualTo("⚠ 1 audit finding");
        assertThat(audit.badgeFor(UMA_AUTH_ID)).isEqualTo("✘ 1 audit finding");
        assertThat(audit.badgeFor(ACME)).isEmpty();
        audit.selectedCheckProperty().set(mismatch);
        assertThat(audit.findings()).extracting(Finding::entityId).containsExactly(DATA_SCIENCE_TEAM_ORG_MISMATCH);
        audit.open(audit.findings().get(0));
        assertThat(opened).containsExactly(new LocatedEntity("team", DATA_SCIENCE_TEAM_ORG_MISMATCH, null, BLUE_HARBOR));

        assertThat(audit.repairChoices(audit.findings().get(0)))
                .containsExactly(RepairChoice.NEMO_IS_RIGHT, RepairChoice.LITELLM_IS_RIGHT);
        audit.planRepair(audit.findings().get(0), RepairChoice.NEMO_IS_RIGHT);
        assertThat(audit.pendingRepairProperty().get().preview())
                .contains("update public.\"LiteLLM_TeamTable\" set organization_id = '" + BLUE_HARBOR + "'");
        audit.discardRepair();
        assertThat(audit.pendingRepairProperty().get()).isNull();

        Path csv = directory.resolve("audit.csv");
        audit.exportCsv(csv);
        assertThat(Files.readAllLines(csv, StandardCharsets.UTF_8)).hasSize(10).first()
                .isEqualTo(FindingsCsv.HEADER);
    }

    @Test
    void readOnlyModeRefusesAPlannedRepairWithItsReason() {
        audit.run();
        CheckRow mismatch = audit.checks().stream().filter(row -> row.check() == AuditCheck.TEAM_ORG_MISMATCH)
                .findFirst().orElseThrow();
        audit.selectedCheckProperty().set(mismatch);
        audit.planRepair(audit.findings().get(0), RepairChoice.NEMO_IS_RIGHT);
        audit.repairDisabledReasonProperty().set("Read-only: started with --read-only");

        // The repair service here has no audit trail or locks: reaching it would throw, so this proves it was not called.
        audit.confirmRepair();

        assertThat(audit.pendingRepairProperty().get()).isNull();
        assertThat(audit.errorProperty().get()).isEqualTo("Repair not run: Read-only: started with --read-only");
        assertThat(audit.repairingProperty().get()).isFalse();
    }
}
