package dev.candor.consent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The consent core stays plain Java (ARCHITECTURE.md, "core"): no UI toolkit, no browser, no SQL,
 * no HTTP, and it depends on no adapter. The project-wide ArchitectureTest covers every package;
 * this one keeps the consent package honest on its own branch too.
 */
class ConsentBoundaryTest {
    // Imported from the compiled classes folder only: scanning the class path would open every jar
    // (the JCEF natives alone are 357 MB) and take many seconds.
    private static final JavaClasses CONSENT = importConsent();

    private static JavaClasses importConsent() {
        try {
            Path root = Path.of(Switchboard.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            // Dependencies are checked by name; resolving them from jars only costs time.
            com.tngtech.archunit.ArchConfiguration config = com.tngtech.archunit.ArchConfiguration.get();
            boolean resolve = config.resolveMissingDependenciesFromClassPath();
            config.setResolveMissingDependenciesFromClassPath(false);
            try {
                return new ClassFileImporter().importPath(root.resolve("dev/candor/consent"));
            } finally {
                config.setResolveMissingDependenciesFromClassPath(resolve);
            }
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

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
