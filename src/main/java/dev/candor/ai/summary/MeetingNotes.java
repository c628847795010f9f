package dev.candor.ai.summary;

import dev.candor.ai.ActionItem;
import dev.candor.ai.MeetingItem;
import dev.candor.ai.Summary;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The analysed meeting so far: one {@link Turn} per item, analysed once when added. A summary
 * built from it reads only what changed since the last one: the key-point picker keeps its
 * candidates and similarities, and each turn's decisions, action items and open questions are kept
 * once the later turns they look at have been said. So a "so far" summary late in a long call costs
 * about what one early in the call does, and equals a summary of the same items from scratch.
 */
final class MeetingNotes {
    private final Analyser analyser;
    private final Retelling retelling = new Retelling();
    private final List<Turn> turns = new ArrayList<>();

    // "this" guards the turns; summaryLock the summary state below, so analysing a turn (which
    // embeds its sentences) never waits for a summary and the other way round. Lock order:
    // summaryLock, then this.
    private final Object summaryLock = new Object();
    private final KeyPointPicker keyPoints = new KeyPointPicker(retelling);
    private final DecisionFinder decisionFinder = new DecisionFinder(retelling);
    private final OpenQuestionFinder openFinder = new OpenQuestionFinder(retelling);
    private final List<List<DecisionFinder.Found>> decisions = new ArrayList<>();
    private final List<List<OpenQuestionFinder.Open>> openQuestions = new ArrayList<>();
    private final List<List<ActionItemFinder.Candidate>> actions = new ArrayList<>();
    private final Set<String> speakers = new LinkedHashSet<>();
    private ActionItemFinder actionFinder = new ActionItemFinder(Set.of());

    MeetingNotes(Analyser analyser) {
        this.analyser = analyser;
    }

    /**
     * Analyses the item, then works out the findings of the turns that it settles, so a later
     * "so far" summary has at most the last few turns' findings to work out however rarely it is
     * asked for.
     */
    void add(MeetingItem item) {
        synchronized (this) {
            turns.add(analyser.analyse(item, turns.size()));
        }
        settle();
    }

    /**
     * Adds items analysed elsewhere (a summary from scratch analyses on two threads); each turn's
     * index must be its place in the call.
     */
    void addAnalysed(List<Turn> analysed) {
        synchronized (this) {
            for (Turn t : analysed) {
                if (t.index() != turns.size()) {
                    throw new IllegalArgumentException("turn " + t.index() + " added at " + turns.size());
                }
                turns.add(t);
            }
        }
        settle();
    }

    private void settle() {
        synchronized (summaryLock) {
            List<Turn> now = turns();
            settled(decisions, now, DecisionFinder.LOOKAHEAD, decisionFinder::inTurn);
            settled(openQuestions, now, 0, openFinder::inTurn);
            actionItems(now);
        }
    }

    synchronized int size() {
        return turns.size();
    }

    synchronized List<Turn> turns() {
        return Collections.unmodifiableList(new ArrayList<>(turns));
    }

    Summary summary(String engine) {
        synchronized (summaryLock) {
            // The snapshot is taken under the lock, so each summary sees at least the turns the last one saw.
            List<Turn> now = turns();
            return new Summary(
                    keyPoints.pick(now),
                    decisionFinder.combine(
                            flatten(settled(decisions, now, DecisionFinder.LOOKAHEAD, decisionFinder::inTurn))),
                    actionItems(now),
                    openFinder.combine(flatten(settled(openQuestions, now, 0, openFinder::inTurn))),
                    Summary.Status.COMPLETE,
                    "",
                    engine);
        }
    }

    /**
     * The same summary worked out from nothing over the turns analysed so far, with fresh finders
     * and no kept state: what {@link #summary} must equal. For tests and benchmarks.
     */
    Summary summaryFromScratch(String engine) {
        List<Turn> now = turns();
        Set<String> names = new LinkedHashSet<>();
        now.forEach(t -> names.add(t.speaker()));
        return new Summary(
                new KeyPointPicker(retelling).pick(now),
                new DecisionFinder(retelling).find(now),
                new ActionItemFinder(names).find(now),
                new OpenQuestionFinder(retelling).find(now),
                Summary.Status.COMPLETE,
                "",
                engine);
    }

    /** Action items so far; also settles the per-turn findings the new turns allow. */
    private List<ActionItem> actionItems(List<Turn> now) {
        // Requests are told apart by the names of the people in the call: a new name reads every turn again.
        Set<String> before = Set.copyOf(speakers);
        now.forEach(t -> speakers.add(t.speaker()));
        if (!speakers.equals(before)) {
            actionFinder = new ActionItemFinder(new LinkedHashSet<>(speakers));
            actions.clear();
        }
        return actionFinder.combine(flatten(settled(actions, now, ActionItemFinder.LOOKAHEAD, actionFinder::inTurn)));
    }

    private interface PerTurn<T> {
        List<T> find(List<Turn> turns, Turn turn);
    }

    /**
     * Per-turn findings for every turn of {@code now}: kept from earlier calls for turns already
     * followed by {@code lookahead} more, worked out (and kept once settled) for the rest.
     */
    private static <T> List<List<T>> settled(List<List<T>> kept, List<Turn> now, int lookahead, PerTurn<T> finder) {
        int settledUpTo = Math.max(0, now.size() - lookahead);
        while (kept.size() < settledUpTo) {
            Turn t = now.get(kept.size());
            kept.add(finder.find(now, t));
        }
        if (kept.size() == now.size()) {
            return kept;
        }
        List<List<T>> all = new ArrayList<>(kept);
        for (int i = kept.size(); i < now.size(); i++) {
            all.add(finder.find(now, now.get(i)));
        }
        return all;
    }

    private static <T> List<T> flatten(List<List<T>> perTurn) {
        List<T> out = new ArrayList<>();
        perTurn.forEach(out::addAll);
        return out;
    }
}
