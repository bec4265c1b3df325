package com.nemorouter.console;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Function;

import com.nemorouter.console.connection.Database;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The layering rules of docs/architecture.md: checked, not just written down.
 *
 * <p>Layers are defined by package and by what a class depends on, never by its name, so a class cannot
 * leave a layer by being called {@code …Dialog} instead of {@code …View}:
 * <ul>
 *   <li><b>UI code</b>: everything in {@code ui} and {@code app}, and any class that uses JavaFX;</li>
 *   <li><b>data code</b>: any class that uses JPA, Hibernate, JDBC, the entities or {@link Database};</li>
 *   <li><b>views</b>: classes that build scene graphs (use {@code javafx.scene}, {@code javafx.stage} or
 *       {@code javafx.fxml}); view models only hold properties and never reach a view.</li>
 * </ul>
 * Every rule is written against a root package, so that {@link #eachRuleCatchesItsViolation} can run it
 * against deliberately bad classes under {@code archfixture} (test code) and see it fail. A rule whose
 * {@code that} matches nothing fails too ({@code allowEmptyShould(false)}), so a package rename cannot
 * silently turn a rule off.
 */
class ArchitectureTest {

    static final String ROOT = "com.nemorouter.console";
    /** Deliberately bad classes, at least one per rule, laid out like the real packages (src/test only). */
    static final String FIXTURES = ROOT + ".archfixture";

    private static JavaClasses production;
    private static JavaClasses fixtures;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
        fixtures = new ClassFileImporter().importPackages(FIXTURES);
    }

    /** A rule by name, built for a root package, and the fixture class (under that root) that must make it fail. */
    private record Rule(String name, Function<String, ArchRule> build, String violator) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule("UI code never touches persistence, Hibernate, JDBC or Database",
                    ArchitectureTest::uiCodeNeverTouchesData, "organization.LeakyDialog"),
            new Rule("data code and the non-UI packages never touch JavaFX",
                    ArchitectureTest::dataCodeNeverTouchesJavaFx, "organization.FxAwareService"),
            new Rule("the shared wiring uses no JavaFX, app, cli or ui",
                    ArchitectureTest::wiringIsHeadless, "wiring.WindowedWiring"),
            new Rule("persistence depends on no feature and no JavaFX",
                    ArchitectureTest::persistenceIsALeaf, "persistence.EntityKnowingAFeature"),
            new Rule("cli never depends on app", ArchitectureTest::cliNeverDependsOnApp, "cli.CommandUsingTheWindow"),
            new Rule("app never depends on cli", ArchitectureTest::appNeverDependsOnCli, "app.WindowRunningACommand"),
            new Rule("only the Launcher reaches into app or cli",
                    ArchitectureTest::onlyTheLauncherReachesAppOrCli, "organization.ServiceReachingTheWindow"),
            new Rule("view models never reach views", ArchitectureTest::viewModelsNeverReachViews,
                    "organization.ViewModelReachingAView"),
            new Rule("only ui.FxTaskRunner calls Platform.runLater",
                    ArchitectureTest::onlyTheTaskRunnerHandsWorkToTheFxThread, "organization.SneakyViewModel"),
            new Rule("only ui.FxTaskRunner uses javafx.concurrent", ArchitectureTest::onlyTheTaskRunnerUsesFxConcurrency,
                    "organization.ViewModelWithItsOwnTask"),
            new Rule("top-level packages are free of cycles", ArchitectureTest::topLevelPackagesAreFreeOfCycles,
                    "app.WindowRunningACommand"),
            new Rule("no mutable static state", ArchitectureTest::noMutableStaticState, "organization.GlobalState"),
            new Rule("no static field holds a connection", ArchitectureTest::noStaticConnection,
                    "organization.StaticDatabase"));

    @TestFactory
    List<DynamicTest> theCodeKeepsEveryRule() {
        return RULES.stream().map(rule -> DynamicTest.dynamicTest(rule.name(),
                () -> rule.build().apply(ROOT).check(production)))
                .toList();
    }

    @TestFactory
    List<DynamicTest> eachRuleCatchesItsViolation() {
        return RULES.stream().map(rule -> DynamicTest.dynamicTest(rule.name(),
                () -> assertThatThrownBy(() -> rule.build().apply(FIXTURES).check(fixtures))
                        .isInstanceOf(AssertionError.class)
                        .hasMessageContaining(FIXTURES + "." + rule.violator())))
                .toList();
    }

    @Test
    void aRuleThatMatchesNothingFails() {
        JavaClasses nothingInUi = new ClassFileImporter().importClasses(String.class);
        assertThatThrownBy(() -> uiCodeNeverTouchesData(ROOT + ".nowhere").check(nothingInUi))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("failed to check any classes");
    }

    // ---- the rules --------------------------------------------------------------------------------

    static ArchRule uiCodeNeverTouchesData(String root) {
        return noClasses().that(uiCode(root)).should().dependOnClassesThat(dataApi())
                .because("the FX thread never touches the database: views and view models get records "
                        + "from services through the task runner")
                .allowEmptyShould(false);
    }

    static ArchRule dataCodeNeverTouchesJavaFx(String root) {
        return noClasses().that(dataCode().or(resideInAnyPackage(root + ".persistence..", root + ".connection..",
                        root + ".wiring..", root + ".cli..", root + ".bench..")))
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .because("services, queries and the command line run without a display and never "
                        + "hand work to the FX thread themselves")
                .allowEmptyShould(false);
    }

    static ArchRule wiringIsHeadless(String root) {
        return noClasses().that().resideInAPackage(root + ".wiring..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", root + ".app..", root + ".cli..",
                        root + ".ui..")
                .because("the window and the command line both wire their services here")
                .allowEmptyShould(false);
    }

    static ArchRule persistenceIsALeaf(String root) {
        return noClasses().that().resideInAPackage(root + ".persistence..")
                .should().dependOnClassesThat(resideInAPackage("javafx..")
                        .or(resideInAPackage(root + "..").and(resideOutsideOfPackage(root + ".persistence.."))))
                .because("the entities map the schemas and know nothing of the screens or services")
                .allowEmptyShould(false);
    }

    static ArchRule cliNeverDependsOnApp(String root) {
        return noClasses().that().resideInAPackage(root + ".cli..")
                .should().dependOnClassesThat().resideInAPackage(root + ".app..")
                .because("the command line shares services with the window through the wiring package, "
                        + "not through the window's composition root")
                .allowEmptyShould(false);
    }

    static ArchRule appNeverDependsOnCli(String root) {
        return noClasses().that().resideInAPackage(root + ".app..")
                .should().dependOnClassesThat().resideInAPackage(root + ".cli..")
                .because("only the Launcher chooses between the window and the command line")
                .allowEmptyShould(false);
    }

    static ArchRule onlyTheLauncherReachesAppOrCli(String root) {
        return noClasses().that().resideOutsideOfPackages(root + ".app..", root + ".cli..")
                .and().doNotHaveFullyQualifiedName(root + ".Launcher")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".app..", root + ".cli..")
                .because("app and cli are the two entry points; features never depend on an entry point")
                .allowEmptyShould(false);
    }

    static ArchRule viewModelsNeverReachViews(String root) {
        return noClasses().that(resideInAPackage(root + "..").and(DescribedPredicate.not(view())))
                .and().doNotHaveFullyQualifiedName(root + ".Launcher")
                .should().dependOnClassesThat(resideInAPackage(root + "..").and(view()))
                .because("a view model holds state that a view binds to; it must be testable without one")
                .allowEmptyShould(false);
    }

    static ArchRule onlyTheTaskRunnerHandsWorkToTheFxThread(String root) {
        return noClasses().that().resideInAPackage(root + "..")
                .and().doNotHaveFullyQualifiedName(root + ".ui.FxTaskRunner")
                .should().callMethod(javafx.application.Platform.class, "runLater", Runnable.class)
                .because("one threading seam: results reach the FX thread only through the task runner")
                .allowEmptyShould(false);
    }

    static ArchRule onlyTheTaskRunnerUsesFxConcurrency(String root) {
        return noClasses().that().resideInAPackage(root + "..")
                .and().doNotHaveFullyQualifiedName(root + ".ui.FxTaskRunner")
                .should().dependOnClassesThat().resideInAPackage("javafx.concurrent..")
                .because("a JavaFX Task or Service is a second way back to the FX thread, beside the task runner")
                .allowEmptyShould(false);
    }

    static ArchRule topLevelPackagesAreFreeOfCycles(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles().allowEmptyShould(false);
    }

    static ArchRule noMutableStaticState(String root) {
        return fields().that().areStatic().and().areDeclaredInClassesThat().resideInAPackage(root + "..")
                .should().beFinal()
                .because("no static singletons: the composition roots (app, cli) pass every collaborator in")
                .allowEmptyShould(false);
    }

    static ArchRule noStaticConnection(String root) {
        return noFields().that().areStatic().and().areDeclaredInClassesThat().resideInAPackage(root + "..")
                .should().haveRawType(DATA_API)
                .because("one Database per connection, owned by whoever opened it; never a global one")
                .allowEmptyShould(false);
    }

    // ---- the layers -------------------------------------------------------------------------------

    /** JPA, Hibernate, JDBC, the entities and the console's own connection to them. */
    private static final DescribedPredicate<JavaClass> DATA_API = resideInAnyPackage("jakarta.persistence..",
            "org.hibernate..", "java.sql..", "javax.sql..", ROOT + ".persistence..").or(belongToAnyOf(Database.class))
            .as("JPA, Hibernate, JDBC, the entities or Database");

    private static DescribedPredicate<JavaClass> dataApi() {
        return DATA_API;
    }

    private static DescribedPredicate<JavaClass> uiCode(String root) {
        return resideInAnyPackage(root + ".ui..", root + ".app..").or(dependsOn("JavaFX", "javafx."))
                .as("are UI code (in ui or app, or using JavaFX)");
    }

    private static DescribedPredicate<JavaClass> dataCode() {
        return DescribedPredicate.describe("are data code (using JPA, Hibernate, JDBC, the entities or Database)",
                type -> type.getDirectDependenciesFromSelf().stream()
                        .anyMatch(dependency -> DATA_API.test(dependency.getTargetClass())));
    }

    /** A class that builds scene graphs, or is nested in one that does. */
    private static DescribedPredicate<JavaClass> view() {
        DescribedPredicate<JavaClass> buildsScenes = dependsOn("scene graphs", "javafx.scene.", "javafx.stage.",
                "javafx.fxml.");
        return DescribedPredicate.describe("views (classes using javafx.scene, javafx.stage or javafx.fxml)",
                type -> buildsScenes.test(outermost(type)));
    }

    private static JavaClass outermost(JavaClass type) {
        JavaClass outer = type;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer;
    }

    private static DescribedPredicate<JavaClass> dependsOn(String what, String... packagePrefixes) {
        List<String> prefixes = List.of(packagePrefixes);
        return DescribedPredicate.describe("use " + what, type -> type.getDirectDependenciesFromSelf().stream()
                .map(dependency -> dependency.getTargetClass().getBaseComponentType().getPackageName() + ".")
                .anyMatch(packageName -> prefixes.stream().anyMatch(packageName::startsWith)));
    }
}
