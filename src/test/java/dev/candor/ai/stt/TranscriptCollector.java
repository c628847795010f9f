package dev.candor.ai.stt;

import dev.candor.ai.PartialTranscript;
import dev.candor.ai.SpeechHealth;
import dev.candor.ai.TranscriptListener;
import dev.candor.ai.TranscriptSegment;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/** Keeps everything a stream reports, in arrival order, for assertions. */
public final class TranscriptCollector implements TranscriptListener {
    public final List<Object> events = new CopyOnWriteArrayList<>();
    public final List<PartialTranscript> partials = new CopyOnWriteArrayList<>();
    public final List<TranscriptSegment> segments = new CopyOnWriteArrayList<>();
    public final List<SpeechHealth> health = new CopyOnWriteArrayList<>();

    @Override
    public void onPartial(PartialTranscript partial) {
        partials.add(partial);
        events.add(partial);
    }

    @Override
    public void onSegment(TranscriptSegment segment) {
        segments.add(segment);
        events.add(segment);
    }

    @Override
    public void onHealth(SpeechHealth h) {
        health.add(h);
        events.add(h);
    }

    public String text() {
        return segments.stream().map(TranscriptSegment::text).collect(Collectors.joining(" "));
    }
}
