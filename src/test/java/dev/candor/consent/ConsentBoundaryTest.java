package dev.candor.consent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The consent core stays plain Java (ARCHITECTURE.md, "core"): no UI toolkit, no browser, no SQL,
 * no HTTP, and it depends on no adapter. The project-wide ArchitectureTest covers every package;
 * this one keeps the consent package honest on its own branch too.
 */
class ConsentBoundaryTest {
    private static final JavaClasses CONSENT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("dev.candor.consent");

    @Test
    void consentImportsNoFrameworkOrIo() {
        noClasses()
                .that()
                .resideInAPackage("dev.candor.consent..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("javafx..", "org.cef..", "me.friwi..", "java.sql..", "java.net.http..")
                .check(CONSENT);
    }

    @Test
    void consentDependsOnNoAdapter() {
        noClasses()
                .that()
                .resideInAPackage("dev.candor.consent..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.candor.meeting..",
                        "dev.candor.browser..",
                        "dev.candor.record.sqlite..",
                        "dev.candor.ui..",
                        "dev.candor.app..")
                .check(CONSENT);
    }
}
