package dev.candor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CdsTrainingCommandTest {
    @TempDir
    Path temp;

    /** Marks, from its static initialiser, that it was initialised; training must never do that. */
    static final class Probe {
        static {
            System.setProperty("candor.test.cdsProbeInitialised", "yes");
        }

        private Probe() {}
    }

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int train(Path list) {
        return Main.run(
                new String[] {"--data-dir", temp.resolve("data").toString(), "cds-training", list.toString()},
                new PrintWriter(out, true),
                new PrintWriter(err, true));
    }

    @Test
    void trainingLoadsTheListedClassesWithoutRunningTheirInitialisers() throws Exception {
        Path list = Files.writeString(
                temp.resolve("candor.classlist"),
                """
                java/lang/Object id: 0
                dev/candor/app/CdsTrainingCommandTest$Probe id: 1
                @lambda-proxy java/lang/Object run ()Ljava/lang/Runnable; ()V 6 dev/candor/app/Main lambda$x$0 ()V ()V
                dev/candor/app/Main$$Lambda$14/0x0000000800c0b000 id: 2
                dev/candor/gone/OldClass id: 3
                """);

        assertThat(train(list)).isZero();
        assertThat(out.toString()).contains("Loaded 2 classes, skipped 1");
        assertThat(System.getProperty("candor.test.cdsProbeInitialised")).isNull();
    }

    @Test
    void aMissingClassListIsReportedNotACrash() {
        assertThat(train(temp.resolve("none.classlist"))).isEqualTo(1);
        assertThat(err.toString()).contains("Cannot read the class list");
    }

    @Test
    void classListLinesGiveBinaryNames() {
        assertThat(StartupClasses.className("javafx/scene/control/Button id: 812"))
                .isEqualTo("javafx.scene.control.Button");
        assertThat(StartupClasses.className("dev/candor/app/Main$Version id: 3 super: 0 source: x.jar"))
                .isEqualTo("dev.candor.app.Main$Version");
        assertThat(StartupClasses.className("@lambda-form-invoker [LF_RESOLVE] x"))
                .isNull();
        assertThat(StartupClasses.className("   ")).isNull();
    }
}
