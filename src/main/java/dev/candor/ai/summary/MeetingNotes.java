package dev.candor.ai.summary;

import dev.candor.ai.MeetingItem;
import dev.candor.ai.Summary;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The analysed meeting so far: one {@link Turn} per item, analysed once when added. Building a
 * summary from it only runs the finders and the key-point picker over work already done.
 */
final class MeetingNotes {
    private final Analyser analyser;
    private final Retelling retelling = new Retelling();
    private final List<Turn> turns = new ArrayList<>();

    MeetingNotes(Analyser analyser) {
        this.analyser = analyser;
    }

    synchronized void add(MeetingItem item) {
        turns.add(analyser.analyse(item, turns.size()));
    }

    synchronized int size() {
        return turns.size();
    }

    synchronized List<Turn> turns() {
        return Collections.unmodifiableList(new ArrayList<>(turns));
    }

    Summary summary(String engine) {
        List<Turn> now = turns();
        Set<String> speakers = new LinkedHashSet<>();
        now.forEach(t -> speakers.add(t.speaker()));
        return new Summary(
                new KeyPointPicker(retelling).pick(now),
                new DecisionFinder(retelling).find(now),
                new ActionItemFinder(speakers).find(now),
                new OpenQuestionFinder(retelling).find(now),
                Summary.Status.COMPLETE,
                "",
                engine);
    }
}
