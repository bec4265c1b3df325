package com.nemorouter.console.membership;

import static com.nemorouter.console.testing.Seed.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.nemorouter.console.wiring.ConsoleServices;
import com.nemorouter.console.connection.ConsoleHome;
import com.nemorouter.console.connection.Database;
import com.nemorouter.console.membership.MembershipEdit.Operation;
import com.nemorouter.console.membership.MembershipEdit.Scope;
import com.nemorouter.console.testing.Sql;
import com.nemorouter.console.testing.TestDatabases;
import com.nemorouter.console.ui.SameThreadTaskRunner;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MembershipDialogViewModelTest {

    private static final String NEW_HIRE = "00000000-0000-4000-8000-0000000000e1";

    @TempDir
    Path home;

    private Database database;
    private Sql sql;
    private MembershipEditing editing;
    private final List<EditResult> applied = new ArrayList<>();
    private int reloads;

    @BeforeEach
    void open() {
        String name = TestDatabases.copyOfSeed();
        database = Database.open(TestDatabases.target(name));
        sql = new Sql(TestDatabases.dataSource(name));
        sql.execute("insert into auth.users (id, email, raw_user_meta_data, created_at) values ('" + NEW_HIRE
                + "', 'new.hire@acme.example', '{\"full_name\": \"Nova Hire\"}', now())");
        editing = new MembershipEditing(ConsoleServices.wire(database, new ConsoleHome(home)).membership(),
                new UserSearchService(database), new SameThreadTaskRunner());
    }

    @AfterEach
    void close() {
        database.close();
    }

    private MembershipDialogViewModel dialog(Scope scope, Operation operation, String target, List<UserChoice> users) {
        return editing.dialog(scope, operation, target, users, applied::add, () -> reloads++);
    }

    @Test
    void searchAsYouTypeFindsByEmailFragmentAndByUuidPrefixInAnyCase() {
        MembershipDialogViewModel dialog = dialog(Scope.ORGANIZATION, Operation.ADD, ACME, List.of());
        dialog.queryProperty().set("NEW.HI");
        assertThat(dialog.results()).extracting(UserChoice::userId).containsExactly(NEW_HIRE);
        assertThat(dialog.results().get(0).label()).isEqualTo("Nova Hire <new.hire@acme.example>  ·  " + NEW_HIRE);
        dialog.queryProperty().set("000000000000400080000000000000E");
        assertThat(dialog.results()).extracting(UserChoice::userId).containsExactly(NEW_HIRE);
        dialog.queryProperty().set("");
        assertThat(dialog.results()).isEmpty();
    }

    @Test
    void badInputIsRefusedBeforeTheDatabaseIsTouched() {
        String before = sql.fingerprint();
        long statements = database.statistics().getPrepareStatementCount();
        MembershipDialogViewModel dialog = dialog(Scope.ORGANIZATION, Operation.ADD, ACME, List.of());
        dialog.roleProperty().set("internal_user");
        dialog.apply();
        assertThat(dialog.errorProperty().get()).isEqualTo("no user given");

        dialog.pick(new UserChoice(NEW_HIRE, "new.hire@acme.example", null));
        dialog.pick(new UserChoice(NEW_HIRE, "new.hire@acme.example", null));
        assertThat(dialog.selected()).hasSize(1);
        dialog.roleProperty().set(null);
        dialog.apply();
        assertThat(dialog.errorProperty().get()).isEqualTo("no role given; organization roles are org_admin, internal_user, internal_user_viewer");

        assertThat(database.statistics().getPrepareStatementCount()).isEqualTo(statements);
        assertThat(applied).isEmpty();
        assertThat(sql.fingerprint()).isEqualTo(before);
    }

    @Test
    void aTeamAddOutsideTheOrgIsOfferedTheOrgAddAndThenDoesBothInOneEdit() {
        MembershipDialogViewModel dialog = dialog(Scope.TEAM, Operation.ADD, ACME_PLATFORM_TEAM, List.of());
        dialog.pick(new UserChoice(NEW_HIRE, "new.hire@acme.example", null));
        dialog.roleProperty().set("user");
        dialog.apply();
        assertThat(dialog.addToOrganizationOfferedProperty().get()).isTrue();
        assertThat(dialog.errorProperty().get()).startsWith("new.hire@acme.example is not a member of organization " + ACME);
        assertThat(reloads).as("a refusal is not a failure").isZero();

        dialog.addToOrganizationProperty().set(true);
        dialog.apply();
        assertThat(dialog.finishedProperty().get()).isTrue();
        assertThat(applied).singleElement().satisfies(result -> assertThat(result.lines())
                .contains("created LiteLLM_OrganizationMembership " + ACME + "/" + NEW_HIRE,
                        "updated LiteLLM_TeamTable " + ACME_PLATFORM_TEAM));
        assertThat(MembershipDialogViewModel.notice(applied.get(0))).isEqualTo("5 rows changed. "
                + "5 audit records written to LiteLLM_AuditLog. " + MembershipDialogViewModel.CACHE_NOTE);
    }

    @Test
    void aRemovalListsWhatItWillChangeAndFollowsTheTeamsOption() {
        String user = sql.value("select user_id from \"LiteLLM_VerificationToken\" "
                + "where token = encode(sha256(convert_to('sk-demo-1', 'UTF8')), 'hex')");
        MembershipDialogViewModel dialog = dialog(Scope.ORGANIZATION, Operation.REMOVE, ACME,
                List.of(new UserChoice(user, null, null)));
        String before = sql.fingerprint();
        dialog.preview();
        assertThat(dialog.consequenceLines()).contains("Remove " + user + " from team " + ACME_PLATFORM_TEAM
                + "  (LiteLLM_TeamMembership)");
        assertThat(dialog.consequenceLines()).anyMatch(line -> line.startsWith("Archive key ")
                && line.endsWith("(LiteLLM_VerificationToken)"));
        assertThat(dialog.consequencesProperty().get()).isEqualTo("This will change "
                + dialog.consequenceLines().size() + " rows:");
        dialog.includeTeamsProperty().set(false);
        assertThat(dialog.consequencesProperty().get()).isEqualTo("This will change 1 row:");
        assertThat(dialog.consequenceLines()).containsExactly("Remove " + user + " from organization " + ACME
                + "  (LiteLLM_OrganizationMembership)");
        assertThat(sql.fingerprint()).isEqualTo(before);
    }

    @Test
    void aRemovalSpeaksInWordsAndItsButtonNamesTheVerbAndCount() {
        String user = sql.value("select user_id from \"LiteLLM_VerificationToken\" "
                + "where token = encode(sha256(convert_to('sk-demo-1', 'UTF8')), 'hex')");
        String email = sql.value("select email from auth.users where id::text = ?", user);
        String alias = sql.value("select key_alias from \"LiteLLM_VerificationToken\" "
                + "where token = encode(sha256(convert_to('sk-demo-1', 'UTF8')), 'hex')");
        EditTarget acme = new EditTarget("Acme Robotics", "Acme Robotics",
                java.util.Map.of(ACME, "Acme Robotics", ACME_PLATFORM_TEAM, "Platform"), java.util.Set.of(user), null);
        MembershipDialogViewModel dialog = editing.dialog(Scope.ORGANIZATION, Operation.REMOVE, ACME, acme,
                List.of(new UserChoice(user, email, null)), applied::add, () -> reloads++);
        assertThat(dialog.title()).isEqualTo("Remove " + email + " from organization Acme Robotics");
        assertThat(dialog.applyLabelProperty().get()).isEqualTo("Remove 1 member");
        assertThat(dialog.destructive()).isTrue();
        dialog.preview();
        assertThat(dialog.consequenceLines())
                .contains("Remove " + email + " from organization Acme Robotics  (LiteLLM_OrganizationMembership)",
                        "Remove " + email + " from team Platform  (LiteLLM_TeamMembership)",
                        "Rewrite the roster of team Platform  (LiteLLM_TeamTable)")
                .anyMatch(line -> line.equals("Archive key \"" + alias + "\" of " + email + " in team Platform"
                        + "  (LiteLLM_VerificationToken)") || alias == null);
    }

    @Test
    void anAddStartsWithTheLeastRoleARoleChangeWithTheCurrentOneAndErrorsClearWhenTheInputChanges() {
        MembershipDialogViewModel add = dialog(Scope.ORGANIZATION, Operation.ADD, ACME, List.of());
        assertThat(add.roleProperty().get()).isEqualTo("internal_user");
        add.apply();
        assertThat(add.errorProperty().get()).isEqualTo("no user given");
        add.pick(new UserChoice(NEW_HIRE, "new.hire@acme.example", null));
        assertThat(add.errorProperty().get()).as("the input changed").isEmpty();
        assertThat(add.applyLabelProperty().get()).isEqualTo("Add 1 member");
        assertThat(add.destructive()).isFalse();

        EditTarget team = new EditTarget("Platform", "Acme Robotics", java.util.Map.of(), java.util.Set.of(), "admin");
        MembershipDialogViewModel role = editing.dialog(Scope.TEAM, Operation.ROLE, ACME_PLATFORM_TEAM, team,
                List.of(new UserChoice(NEW_HIRE, "new.hire@acme.example", null)), applied::add, () -> reloads++);
        assertThat(role.roleProperty().get()).isEqualTo("admin");
        assertThat(role.currentRoleText()).isEqualTo("Current role: admin");
        assertThat(role.title()).isEqualTo("Change the role of new.hire@acme.example in team Platform (Acme Robotics)");
    }

    @Test
    void aRefusalNamesTheUserAndOrganizationInWords() {
        EditTarget team = new EditTarget("Platform", "Acme Robotics", java.util.Map.of(), java.util.Set.of(), null);
        MembershipDialogViewModel dialog = editing.dialog(Scope.TEAM, Operation.ADD, ACME_PLATFORM_TEAM, team,
                List.of(), applied::add, () -> reloads++);
        dialog.pick(new UserChoice(NEW_HIRE, "new.hire@acme.example", null));
        dialog.apply();
        assertThat(dialog.errorProperty().get()).isEqualTo("new.hire@acme.example is not a member of organization "
                + "Acme Robotics. Tick \"Also add them to the organization\" to do both in one edit.");
    }

    @Test
    void aDatabaseFailureSaysWhatFailedAndReloads() {
        sql.execute("""
                create function test_refuse() returns trigger language plpgsql as $$
                begin raise exception 'audit storage is full'; end $$;
                create trigger test_refuse before insert on public."LiteLLM_AuditLog" for each row execute function test_refuse();
                """);
        MembershipDialogViewModel dialog = dialog(Scope.ORGANIZATION, Operation.ADD, ACME,
                List.of(new UserChoice(NEW_HIRE, null, null)));
        dialog.roleProperty().set("internal_user");
        dialog.apply();
        assertThat(dialog.errorProperty().get()).isEqualTo("Saving the membership change failed: audit storage is full "
                + "Nothing was written; the current state was reloaded.");
        assertThat(reloads).isEqualTo(1);
        assertThat(dialog.finishedProperty().get()).isFalse();
    }
}
