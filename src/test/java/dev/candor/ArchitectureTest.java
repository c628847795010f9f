package dev.candor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the shape of ARCHITECTURE.md true: the core knows no frameworks, Chromium stays in the
 * browser layer, views bind to view-models, and only the composition root builds adapters.
 */
class ArchitectureTest {
    private static final String[] FRAMEWORKS = {
        "javafx..", "org.cef..", "me.friwi..", "java.sql..", "java.net.http..", "org.eclipse.jetty.."
    };
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.candor", "org.cef.browser");
    }

    @Test
    void coreImportsNoFrameworks() {
        noClasses()
                .that()
                .resideInAnyPackage("dev.candor.call..", "dev.candor.consent..")
                .or()
                .resideInAPackage("dev.candor.record")
                .or()
                .resideInAPackage("dev.candor.ai")
                .or()
                .resideInAPackage("dev.candor.sharing")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(FRAMEWORKS)
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void chromiumStaysInTheBrowserLayer() {
        noClasses()
                .that()
                .resideOutsideOfPackages("dev.candor.browser..", "org.cef..", "dev.candor.app..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.cef..", "me.friwi..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void viewModelsDoNotTouchTheSceneGraph() {
        noClasses()
                .that()
                .haveSimpleNameEndingWith("ViewModel")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("javafx.scene..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void coreDoesNotDependOnAdaptersOrUi() {
        noClasses()
                .that()
                .resideInAnyPackage("dev.candor.call..", "dev.candor.consent..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.candor.ui..",
                        "dev.candor.app..",
                        "dev.candor.browser..",
                        "dev.candor.meeting..",
                        "dev.candor.record.sqlite..",
                        "dev.candor.media..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void uiDoesNotDependOnAdapters() {
        noClasses()
                .that()
                .resideInAPackage("dev.candor.ui..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.candor.meeting..", "dev.candor.record.sqlite..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void meetingAdaptersDoNotDependOnEachOther() {
        noClasses()
                .that()
                .resideInAPackage("dev.candor.meeting.jitsi..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.candor.meeting.localroom..")
                .allowEmptyShould(true)
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage("dev.candor.meeting.localroom..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.candor.meeting.jitsi..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void nothingButTheCompositionRootDependsOnTheApp() {
        classes()
                .that()
                .resideInAPackage("dev.candor.app..")
                .should()
                .onlyHaveDependentClassesThat()
                .resideInAPackage("dev.candor.app..")
                .allowEmptyShould(true)
                .check(classes);
    }
}
