package dev.candor.record;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The ledger model and review queries stay free of SQL and UI, so the core can use them (STYLE habit 1). */
class RecordCoreDependenciesTest {
    private final JavaClasses record = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.candor.record");

    @Test
    void theRecordCoreImportsNoSqlUiOrBrowser() {
        noClasses()
                .that()
                .resideInAPackage("dev.candor.record")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "java.sql..", "javafx..", "org.cef..", "me.friwi..", "java.net.http..", "org.sqlite..")
                .check(record);
    }

    @Test
    void theRecordCoreDoesNotDependOnItsSqliteAdapter() {
        noClasses()
                .that()
                .resideInAPackage("dev.candor.record")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.candor.record.sqlite..")
                .check(record);
    }
}
