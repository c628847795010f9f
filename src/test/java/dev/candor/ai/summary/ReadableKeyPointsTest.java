package dev.candor.ai.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Key points read as written English, not as a transcript's conventions. */
class ReadableKeyPointsTest {
    private final SpeechCleaner cleaner = new SpeechCleaner();

    @Test
    void spelledOutLettersReadAsTheAbbreviation() {
        assertThat(cleaner.clean("The L_C_D_ screen on the T_V_ remote."))
                .isEqualTo("The LCD screen on the TV remote.");
        assertThat(cleaner.clean("Keep my_var_ as it is.")).isEqualTo("Keep my_var_ as it is.");
    }

    @Test
    void aLoneHumIsAFillerButContractionsStay() {
        assertThat(cleaner.clean("We m have to make a new remote control."))
                .isEqualTo("We have to make a new remote control.");
        assertThat(cleaner.clean("I'm sure.")).isEqualTo("I'm sure.");
    }

    @Test
    void theGroupTakesASingularVerb() {
        Retelling retelling = new Retelling();
        assertThat(retelling.keyPoint(said("Marketing", "We have four distinctive remote controls for that.")))
                .isEqualTo("Marketing said the group has four distinctive remote controls for that.");
        assertThat(retelling.keyPoint(said("Ana", "We don't need a second screen.")))
                .isEqualTo("Ana said the group doesn't need a second screen.");
    }

    private static Utterance said(String speaker, String text) {
        String[] tokens = text.split(" ");
        return new Utterance("t1", 0, 0, speaker, text, tokens, new String[tokens.length], Set.of(), List.of(), null);
    }
}
