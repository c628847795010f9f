package dev.candor.consent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.consent.NoticeWording.Announced;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NoticeWordingTest {
    private final NoticeWording wording = NoticeWording.english();
    private static final Announced SUMMARY = new Announced(Set.of(Feature.SUMMARY), false);
    private static final Announced BOTH = new Announced(Set.of(Feature.SUMMARY, Feature.COMPOSE), false);

    @Test
    void turningSummaryOnSaysWhereItRunsAndThatNothingIsShared() {
        assertThat(wording.change("Ana", Announced.OFF, SUMMARY, true, null))
                .isEqualTo("Ana turned on AI meeting summary. It runs on Ana's computer; nothing is sent to a cloud"
                        + " service. Data sharing: off.");
    }

    @Test
    void turningOneOfTwoOffSaysWhatIsStillOn() {
        assertThat(wording.change("Ana", BOTH, SUMMARY, true, null))
                .isEqualTo("Ana turned off AI chat help. Still on: AI meeting summary. It runs on Ana's computer;"
                        + " nothing is sent to a cloud service. Data sharing: off.");
    }

    @Test
    void turningEverythingOffSaysAiIsOff() {
        assertThat(wording.change("Ana", new Announced(Set.of(Feature.COMPOSE), false), Announced.OFF, true, null))
                .isEqualTo("Ana turned off AI chat help. AI is now off for Ana; nothing more from this call is"
                        + " processed.");
    }

    @Test
    void dataSharingNamesTheDestination() {
        assertThat(wording.change("Ana", SUMMARY, new Announced(Set.of(Feature.SUMMARY), true), true, "Acme corpus"))
                .isEqualTo("Ana turned on data sharing. Also on: AI meeting summary. It runs on Ana's computer."
                        + " Data sharing: on. Ana's AI notes from this call may be sent to Acme corpus.");
        assertThat(wording.change("Ana", new Announced(Set.of(Feature.SUMMARY), true), SUMMARY, true, "Acme"))
                .isEqualTo("Ana turned off data sharing. Also on: AI meeting summary. It runs on Ana's computer;"
                        + " nothing is sent to a cloud service. Data sharing: off.");
    }

    @Test
    void processingElsewhereIsNotCalledLocal() {
        assertThat(wording.change("Ana", Announced.OFF, SUMMARY, false, null))
                .contains("It runs on an AI server Ana has chosen, not on Ana's computer.")
                .doesNotContain("nothing is sent");
    }

    @Test
    void aLaterJoinerIsToldWhatIsOnAndHowToObject() {
        assertThat(wording.joiner("Ana", BOTH, true, null))
                .isEqualTo("Ana has AI on in this call: AI meeting summary and AI chat help. It runs on Ana's"
                        + " computer; nothing is sent to a cloud service. Data sharing: off. If you object, tell Ana"
                        + " in the chat.");
    }

    @Test
    void bannerAndDisplayNameUseShortNames() {
        assertThat(wording.banner("Ana", Set.of(Feature.SUMMARY), false)).isEqualTo("Ana has AI notes on.");
        assertThat(wording.banner("Ana", Set.of(Feature.SUMMARY, Feature.COMPOSE), true))
                .isEqualTo("Ana has AI notes and AI chat help on, with data sharing.");
        assertThat(wording.displayName("Ana", Set.of(Feature.SUMMARY))).isEqualTo("Ana \u00b7 AI notes on");
        assertThat(wording.displayName("Ana", Set.of())).isEqualTo("Ana");
    }

    @Test
    void namesWithFormatCharactersAreInsertedLiterally() {
        assertThat(wording.banner("{0} O'Brien", Set.of(Feature.COMPOSE), false))
                .isEqualTo("{0} O'Brien has AI chat help on.");
    }

    @Test
    void anotherLanguageFallsBackToTheEnglishBaseBundleWithEveryKey() {
        NoticeWording german = new NoticeWording(Locale.GERMAN);
        assertThat(german.featureName(Feature.SUMMARY)).isEqualTo("AI meeting summary");
        ResourceBundle base = ResourceBundle.getBundle(NoticeWording.BUNDLE, Locale.ROOT);
        assertThat(base.keySet()).contains("change.on", "joiner", "banner", "suffix", "sharing.on");
    }
}
