package dev.candor.ai.summary;

import dev.candor.ai.SummaryPoint;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds open questions: matters the meeting said it left open ("let's park it", "that one stays
 * open", "I don't know yet", "still waiting to hear"), reported with the question they answer
 * when one was asked just before.
 */
final class OpenQuestionFinder {
    private static final Pattern OPEN =
            Pattern.compile("(?i)\\b(?:open question|stays open|leave (?:it|that|this) open|leave it for now|"
                    + "leave that for now|park (?:it|that|this)|come back to (?:it|that|this|the)|haven't settled|"
                    + "not settled|don't know yet|still don't know|still waiting|haven't (?:heard|answered)|"
                    + "still haven't|depends on|we'll decide|let's find out|not decided|undecided|no answer yet)\\b");
    private static final Pattern ASKS = Pattern.compile("(?i)\\b(?:whether|one (?:open )?question|what about)\\b|\\?$");

    private final Retelling retelling;

    OpenQuestionFinder(Retelling retelling) {
        this.retelling = retelling;
    }

    List<SummaryPoint> find(List<Turn> turns) {
        List<Open> found = new ArrayList<>();
        for (Turn turn : turns) {
            found.addAll(inTurn(turns, turn));
        }
        return combine(found);
    }

    /** A sentence that leaves a matter open, with the question it answers; looks only backwards. */
    record Open(int turn, Utterance question, Utterance cue) {}

    /** The open matters said in one turn; depends on this turn and earlier ones only. */
    List<Open> inTurn(List<Turn> turns, Turn turn) {
        List<Open> out = new ArrayList<>(0);
        for (Utterance s : turn.sentences()) {
            if (!OPEN.matcher(s.text()).find()) {
                continue;
            }
            Utterance question =
                    ASKS.matcher(s.text()).find() && s.wordCount() >= 6 ? s : questionBefore(turns, turn, s);
            out.add(new Open(turn.index(), question == null ? s : question, s));
        }
        return out;
    }

    /** Merges open matters said close together into one item, in meeting order. */
    List<SummaryPoint> combine(List<Open> inOrder) {
        List<SummaryPoint> out = new ArrayList<>();
        int lastTurn = -10;
        for (Open o : inOrder) {
            Set<String> sources = new LinkedHashSet<>();
            sources.add(o.question().itemId());
            sources.add(o.cue().itemId());
            if (o.turn() - lastTurn <= 3 && !out.isEmpty()) {
                // Same matter, still being left open: one item, more sources.
                SummaryPoint last = out.remove(out.size() - 1);
                Set<String> merged = new LinkedHashSet<>(last.sourceIds());
                merged.addAll(sources);
                out.add(SummaryPoint.grounded(last.text(), List.copyOf(merged)));
            } else {
                out.add(SummaryPoint.grounded(retelling.openQuestion(o.question(), o.cue()), List.copyOf(sources)));
            }
            lastTurn = o.turn();
        }
        return out;
    }

    private static Utterance questionBefore(List<Turn> turns, Turn turn, Utterance s) {
        for (int t = turn.index(); t >= Math.max(0, turn.index() - 4); t--) {
            List<Utterance> ss = turns.get(t).sentences();
            for (int i = ss.size() - 1; i >= 0; i--) {
                Utterance q = ss.get(i);
                if (t == turn.index() && q.position() >= s.position()) {
                    continue;
                }
                if (ASKS.matcher(q.text()).find() && q.wordCount() >= 4) {
                    return q;
                }
            }
        }
        return null;
    }
}
