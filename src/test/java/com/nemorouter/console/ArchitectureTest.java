package com.nemorouter.console;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering rules of docs/architecture: checked, not just written down. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.nemorouter.console");
    }

    @Test
    void viewsAndViewModelsNeverTouchJpaOrHibernate() {
        noClasses().that().haveSimpleNameEndingWith("View").or().haveSimpleNameEndingWith("ViewModel")
                .or().resideInAPackage("..console.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.hibernate..",
                        "..console.persistence..", "java.sql..")
                .check(classes);
    }

    @Test
    void persistenceNeverTouchesJavaFxOrFeatures() {
        noClasses().that().resideInAPackage("..console.persistence..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "..console.app..", "..console.cli..",
                        "..console.organization..", "..console.team..", "..console.member..", "..console.presence..",
                        "..console.ui..")
                .check(classes);
    }

    @Test
    void servicesAndQueriesStayOffTheFxThreadApi() {
        noClasses().that().haveSimpleNameEndingWith("Service").or().haveSimpleNameEndingWith("Query")
                .or().haveSimpleNameEndingWith("Queries").or().resideInAPackage("..console.connection..")
                .or().resideInAPackage("..console.cli..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(classes);
    }

    @Test
    void onlyTheTaskRunnerHandsWorkBackToTheFxThread() {
        noClasses().that().doNotHaveSimpleName("FxTaskRunner")
                .should().callMethod(javafx.application.Platform.class, "runLater", Runnable.class)
                .check(classes);
    }

    @Test
    void viewModelsDoNotDependOnViews() {
        classes().that().haveSimpleNameEndingWith("ViewModel")
                .should().onlyDependOnClassesThat().haveSimpleNameNotEndingWith("View")
                .check(classes);
    }

    @Test
    void featurePackagesAreFreeOfCycles() {
        slices().matching("com.nemorouter.console.(*)..").should().beFreeOfCycles().check(classes);
    }
}
