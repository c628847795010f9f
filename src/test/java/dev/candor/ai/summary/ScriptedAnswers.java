package dev.candor.ai.summary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.ai.ActionItem;
import dev.candor.ai.MeetingItem;
import dev.candor.ai.Summary;
import dev.candor.ai.SummaryPoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import opennlp.tools.stemmer.PorterStemmer;

/**
 * The scripted meetings' answers (decisions and action items a careful reader finds) and how a
 * summary is scored against them; shared by the unit test and the benchmark.
 */
public final class ScriptedAnswers {
    private static final Set<String> TEMPLATE = Set.of(
            "group", "discussed", "said", "proposed", "asked", "raised", "thinks", "due", "someone", "is", "has");

    public record Expected(List<String> decisions, List<ExpectedAction> actions) {}

    public record ExpectedAction(String owner, String task, String due) {}

    /** Counts of one meeting: found/expected/output for decisions and action items, and groundedness failures. */
    public record Score(
            String meeting,
            int decisionsFound,
            int decisionsExpected,
            int decisionsOutput,
            int actionsFound,
            int actionsExpected,
            int actionsOutput,
            List<String> misses,
            List<String> ungrounded) {}

    public static Path sharedDir() {
        return Path.of(System.getProperty("candor.shared.dir", "../shared"));
    }

    public static List<Path> scripts() throws IOException {
        try (Stream<Path> files = Files.list(sharedDir().resolve("eval/scripted"))) {
            return files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
    }

    public static Expected expected(Path script) throws IOException {
        JsonNode root = new ObjectMapper()
                .readTree(Path.of(script.toString().replace(".txt", ".json")).toFile());
        List<String> decisions = new ArrayList<>();
        root.path("decisions").forEach(d -> decisions.add(d.asText()));
        List<ExpectedAction> actions = new ArrayList<>();
        root.path("action_items")
                .forEach(a -> actions.add(new ExpectedAction(
                        a.path("owner").asText(),
                        a.path("task").asText(),
                        a.path("due").isNull() ? null : a.path("due").asText())));
        return new Expected(decisions, actions);
    }

    public static Score score(String meeting, List<MeetingItem> items, Summary summary, Expected expected) {
        List<String> misses = new ArrayList<>();
        Set<Integer> used = new HashSet<>();
        int decisions = 0;
        for (String d : expected.decisions()) {
            boolean hit = false;
            for (int i = 0; i < summary.decisions().size() && !hit; i++) {
                if (!used.contains(i)
                        && decisionMatches(d, summary.decisions().get(i).text())) {
                    used.add(i);
                    hit = true;
                }
            }
            if (hit) {
                decisions++;
            } else {
                misses.add("decision: " + d);
            }
        }
        used.clear();
        int actions = 0;
        for (ExpectedAction a : expected.actions()) {
            boolean hit = false;
            for (int i = 0; i < summary.actionItems().size() && !hit; i++) {
                if (!used.contains(i) && actionMatches(a, summary.actionItems().get(i))) {
                    used.add(i);
                    hit = true;
                }
            }
            if (hit) {
                actions++;
            } else {
                misses.add("action: " + a);
            }
        }
        return new Score(
                meeting,
                decisions,
                expected.decisions().size(),
                summary.decisions().size(),
                actions,
                expected.actions().size(),
                summary.actionItems().size(),
                misses,
                ungrounded(items, summary));
    }

    static boolean decisionMatches(String expected, String output) {
        Set<String> e = stems(expected);
        Set<String> o = stems(output);
        Set<String> shared = new HashSet<>(e);
        shared.retainAll(o);
        // A terse restatement ("Lisbon it is.") matches when all its content words are in the answer.
        return shared.size() >= Math.max(2, Math.round(0.3 * e.size())) || (!o.isEmpty() && e.containsAll(o));
    }

    static boolean actionMatches(ExpectedAction expected, ActionItem output) {
        if (output.owner() == null || !output.owner().equalsIgnoreCase(expected.owner())) {
            return false;
        }
        if (!Objects2.equal(normalDue(expected.due()), normalDue(output.due()))) {
            return false;
        }
        Set<String> shared = stems(expected.task());
        shared.retainAll(stems(output.task()));
        return !shared.isEmpty() || stems(output.task()).isEmpty();
    }

    static String normalDue(String due) {
        if (due == null) {
            return null;
        }
        return due.toLowerCase(Locale.ROOT)
                .replaceAll("^(?:by|on|the|before the) ", "")
                .replaceAll("\\s+", " ")
                .strip();
    }

    /** Items whose sources are missing or do not contain the item's own content words. */
    public static List<String> ungrounded(List<MeetingItem> items, Summary summary) {
        Map<String, String> byId = new HashMap<>();
        items.forEach(i -> byId.put(i.id(), i.speaker() + " " + i.text()));
        List<String> bad = new ArrayList<>();
        List<Object[]> all = new ArrayList<>();
        for (SummaryPoint p : summary.keyPoints()) {
            all.add(new Object[] {p.text(), p.sourceIds()});
        }
        for (SummaryPoint p : summary.decisions()) {
            all.add(new Object[] {p.text(), p.sourceIds()});
        }
        for (SummaryPoint p : summary.openQuestions()) {
            all.add(new Object[] {p.text(), p.sourceIds()});
        }
        for (ActionItem a : summary.actionItems()) {
            all.add(new Object[] {a.owner() + " " + a.task() + " " + (a.due() == null ? "" : a.due()), a.sourceIds()});
        }
        for (Object[] o : all) {
            String text = (String) o[0];
            @SuppressWarnings("unchecked")
            List<String> ids = (List<String>) o[1];
            if (ids.isEmpty()) {
                bad.add("no sources: " + text);
                continue;
            }
            StringBuilder source = new StringBuilder();
            for (String id : ids) {
                String t = byId.get(id);
                if (t == null) {
                    bad.add("unknown source " + id + ": " + text);
                }
                source.append(' ').append(t);
            }
            Set<String> need = stems(text);
            need.removeAll(stems(source.toString()));
            need.removeAll(TEMPLATE);
            if (!need.isEmpty()) {
                bad.add("words not in sources " + need + ": " + text);
            }
        }
        return bad;
    }

    static Set<String> stems(String text) {
        PorterStemmer stemmer = new PorterStemmer();
        Set<String> out = new HashSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^a-z0-9']+")) {
            w = w.replaceAll("'.*$", "");
            if (Words.isContent(w) && !TEMPLATE.contains(w)) {
                out.add(stemmer.stem(w));
            }
        }
        return out;
    }

    private static final class Objects2 {
        static boolean equal(Object a, Object b) {
            return a == null ? b == null : a.equals(b);
        }
    }

    private ScriptedAnswers() {}
}
