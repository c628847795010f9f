package dev.candor.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Who may capture the screen: only the meeting's page, only what the user just chose. */
class ScreenShareGateTest {
    private static final String MEETING = "http://127.0.0.1:8765";
    private static final DesktopSource SCREEN =
            new DesktopSource("screen:-1:0", DesktopSource.Kind.SCREEN, "Entire screen", 1280, 1024, new byte[] {1});
    private static final DesktopSource WINDOW =
            new DesktopSource("window:77:0", DesktopSource.Kind.WINDOW, "Notes", 0, 0, null);

    private final AtomicInteger pickersShown = new AtomicInteger();
    private CompletableFuture<Optional<DesktopSource>> answer = new CompletableFuture<>();

    private final DesktopPicker picker = sources -> {
        pickersShown.incrementAndGet();
        return answer;
    };

    private ScreenShareGate gate(DesktopPicker p) {
        return new ScreenShareGate(Set.of(MEETING), () -> List.of(SCREEN, WINDOW), p, Runnable::run);
    }

    private static Optional<DesktopSource> get(CompletionStage<Optional<DesktopSource>> s) throws Exception {
        return s.toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    @Test
    void theMeetingPageGetsTheSourceTheUserPickedAndKeepsItUntilSharingStops() throws Exception {
        ScreenShareGate gate = gate(picker);
        CompletionStage<Optional<DesktopSource>> request = gate.request(MEETING);
        assertThat(request.toCompletableFuture()).isNotDone(); // waits for the user
        answer.complete(Optional.of(WINDOW));

        assertThat(get(request)).contains(WINDOW);
        assertThat(gate.granted()).contains(WINDOW);
        gate.stopped();
        assertThat(gate.granted()).isEmpty();
    }

    @Test
    void whenTheCallEndsAnOpenPickerIsCancelledAndNothingMoreIsGranted() throws Exception {
        ScreenShareGate gate = gate(picker);
        CompletionStage<Optional<DesktopSource>> request = gate.request(MEETING);
        assertThat(request.toCompletableFuture()).isNotDone();

        gate.close();

        assertThat(answer).isCancelled(); // FxDesktopPicker closes its dialog on this
        assertThat(get(request)).isEmpty();
        assertThat(gate.granted()).isEmpty();
        assertThat(get(gate.request(MEETING))).isEmpty();
        assertThat(pickersShown).hasValue(1);
    }

    @Test
    void aPageOfAnotherOriginIsRefusedWithoutAPicker() throws Exception {
        ScreenShareGate gate = gate(picker);
        assertThat(get(gate.request("https://evil.example"))).isEmpty();
        assertThat(get(gate.request("http://127.0.0.1:8766"))).isEmpty();
        assertThat(pickersShown).hasValue(0);
        assertThat(gate.granted()).isEmpty();
    }

    @Test
    void cancelStartsNothing() throws Exception {
        ScreenShareGate gate = gate(picker);
        CompletionStage<Optional<DesktopSource>> request = gate.request(MEETING);
        answer.complete(Optional.empty());
        assertThat(get(request)).isEmpty();
        assertThat(gate.granted()).isEmpty();
    }

    @Test
    void onlyOnePickerAtATimeAndASecondRequestMeanwhileIsRefused() throws Exception {
        ScreenShareGate gate = gate(picker);
        CompletionStage<Optional<DesktopSource>> first = gate.request(MEETING);
        assertThat(get(gate.request(MEETING))).isEmpty();
        assertThat(pickersShown).hasValue(1);
        answer.complete(Optional.of(SCREEN));
        assertThat(get(first)).contains(SCREEN);

        answer = new CompletableFuture<>();
        CompletionStage<Optional<DesktopSource>> again = gate.request(MEETING);
        answer.complete(Optional.of(WINDOW));
        assertThat(get(again)).contains(WINDOW);
    }

    @Test
    void aSourceThatWasNotOfferedIsNeverGranted() throws Exception {
        DesktopSource invented = new DesktopSource("window:1:0", DesktopSource.Kind.WINDOW, "Other", 0, 0, null);
        ScreenShareGate gate = gate(sources -> CompletableFuture.completedFuture(Optional.of(invented)));
        assertThat(get(gate.request(MEETING))).isEmpty();
        assertThat(gate.granted()).isEmpty();
    }

    @Test
    void aFailingPickerOrListingRefusesAndTheNextRequestCanAskAgain() throws Exception {
        ScreenShareGate gate = gate(sources -> CompletableFuture.failedFuture(new IllegalStateException("no FX")));
        assertThat(get(gate.request(MEETING))).isEmpty();
        ScreenShareGate broken = new ScreenShareGate(
                Set.of(MEETING),
                () -> {
                    throw new IllegalStateException("X server gone");
                },
                picker,
                Runnable::run);
        assertThat(get(broken.request(MEETING))).isEmpty();
        assertThat(get(gate.request(MEETING))).isEmpty(); // not stuck as "picker open"
    }
}
