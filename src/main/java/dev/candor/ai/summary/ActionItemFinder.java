package dev.candor.ai.summary;

import dev.candor.ai.ActionItem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds action items: a speaker's own commitment ("I'll update the policy by Wednesday"), or a
 * request to a named or addressed person ("Chloe, can you check…?") that the person accepts. The
 * owner is the speaker who committed or accepted; the task is the words they or the asker said.
 */
final class ActionItemFinder {
    private static final Pattern COMMIT = Pattern.compile(
            "(?i)(?<![\\w'])I(?:'ll| will| can| am going to|'m going to| shall)\\s+(?!not\\b|n't)([^?]*)");
    private static final Pattern ANAPHORIC =
            Pattern.compile("(?i)^(?:(?:just |also |happily |gladly )?(?:do|take|handle|sort|manage|look into|get) "
                    + "(?:that|it|this|them|those)(?: one)?(?: done| on| out)?|do|be|try)\\b"
                    + "\\s*(?:[,.;!]|$|before|by|on|this|next|when|tomorrow|today|tonight|within|until|after).*");
    private static final Pattern NOT_A_TASK = Pattern.compile(
            "(?i)^(?:just )?(?:throw|say|admit|bet|guess|see|hear|tell you|be honest|imagine|assume|try to remember|"
                    + "only|never|probably|maybe)\\b.*");
    private static final Pattern TAKE_IT = Pattern.compile(
            "(?i)\\b(?:I'll take (?:that|it|this)|leave it (?:to|with) me|I can do that|I'll do (?:that|it)|"
                    + "I will do (?:that|it)|I can take (?:that|it))\\b");
    private static final Pattern REQUEST =
            Pattern.compile("(?i)\\b(?:can|could|would|will) you(?: please)?\\s+([^?]+)|\\bplease\\s+([^?.]+)|"
                    + "\\bdo you want to\\s+([^?]+)|\\bcan someone\\s+([^?]+)|\\bwho (?:can|will|wants to)\\s+([^?]+)");
    private static final Pattern NEED_FROM = Pattern.compile("(?i)^(.+?) (?:will need|needs|need) (\\w+ing)\\b(.*)$");
    private static final Pattern ACCEPT = Pattern.compile(
            "(?i)^(?:yes|yeah|yep|yup|sure|of course|okay|ok|fine|no problem|will do|absolutely|definitely|"
                    + "i can|i will|i'll|leave it|happy to|on it)\\b.*");
    private static final Pattern NEED_TO = Pattern.compile("(?i)\\bI (?:need|have|ought) to\\s+([^?]+)");

    private static final Pattern CONDITIONAL = Pattern.compile("(?i)\\b(?:if|whether|when) i (?:'ll|will|can)\\b");
    private static final Pattern WH_BEFORE = Pattern.compile("(?i)\\b(?:what|where|when|how|why|which)\\b");
    private static final Pattern HEAR_SEE = Pattern.compile("(?i)^(?:hear|see) .*");

    private final Set<String> speakers;

    private final Map<String, String> byLowerName = new HashMap<>();
    private final Pattern vocative;

    ActionItemFinder(Set<String> speakers) {
        this.speakers = speakers;
        // One pattern for all names, compiled once per summary: "Chloe, can you…" / "…, Chloe?" addresses Chloe.
        StringBuilder names = new StringBuilder();
        for (String name : speakers) {
            byLowerName.put(Words.lower(name), name);
            names.append(names.length() == 0 ? "" : "|").append(Pattern.quote(name));
        }
        vocative = speakers.isEmpty()
                ? null
                : Pattern.compile("(?i)(?:^|[.,!] *)(?:\\w+, )?(" + names + "),|, (" + names + ")[?.!]$");
    }

    /** How many later turns a turn's findings look at (a request and its acceptance). */
    static final int LOOKAHEAD = 2;

    List<ActionItem> find(List<Turn> turns) {
        List<Candidate> found = new ArrayList<>();
        for (Turn turn : turns) {
            found.addAll(inTurn(turns, turn));
        }
        return merge(found);
    }

    /**
     * The commitments and accepted requests of one turn, before merging. They depend on earlier
     * turns, the next {@link #LOOKAHEAD} and the speakers' names only.
     */
    List<Candidate> inTurn(List<Turn> turns, Turn turn) {
        List<Candidate> out = new ArrayList<>(0);
        List<Utterance> ss = turn.sentences();
        for (int i = 0; i < ss.size(); i++) {
            Candidate c = commitment(turns, turn, i);
            if (c == null) {
                c = acceptedRequest(turns, turn, ss.get(i));
            }
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    /** One item per owner and commitment, from the per-turn findings in meeting order. */
    List<ActionItem> combine(List<Candidate> inOrder) {
        return merge(inOrder);
    }

    private Candidate commitment(List<Turn> turns, Turn turn, int at) {
        Utterance s = turn.sentences().get(at);
        if (s.isQuestion() || CONDITIONAL.matcher(s.text()).find()) {
            return null;
        }
        Set<String> sources = new LinkedHashSet<>(List.of(s.itemId()));
        boolean takeIt = TAKE_IT.matcher(s.text()).find();
        Matcher m = COMMIT.matcher(s.text());
        String task = null;
        String due = null;
        boolean committed = false;
        int from = 0;
        while (task == null && m.find(from)) {
            from = m.start(1);
            String rest = m.group(1).strip();
            if (NOT_A_TASK.matcher(rest).matches()) {
                continue;
            }
            committed = true;
            DueDates.Found d = DueDates.find(rest);
            if (d != null && due == null) {
                due = d.phrase();
            }
            if (!ANAPHORIC.matcher(rest).matches() && words(rest) >= 2) {
                task = taskText(rest, d);
            }
        }
        if (!committed && !takeIt) {
            return null;
        }
        if (task == null) {
            // "I'll take that" / "I'll do it": the task is what comes next in the same turn, what the
            // speaker said they need to do, or what someone asked of them just before.
            for (int j = at + 1; j < turn.sentences().size(); j++) {
                Matcher next = COMMIT.matcher(turn.sentences().get(j).text());
                if (next.find() && !ANAPHORIC.matcher(next.group(1).strip()).matches()) {
                    return null; // a later sentence of the turn carries the concrete commitment
                }
            }
            for (int j = at - 1; j >= 0 && task == null; j--) {
                Matcher need = NEED_TO.matcher(turn.sentences().get(j).text());
                if (need.find()) {
                    task = taskText(need.group(1), DueDates.find(need.group(1)));
                }
            }
            for (int t = turn.index() - 1; t >= Math.max(0, turn.index() - 3) && task == null; t--) {
                Turn prev = turns.get(t);
                if (prev.speaker().equals(turn.speaker())) {
                    continue;
                }
                for (Utterance p : prev.sentences()) {
                    Request r = request(p, prev, turns);
                    if (r != null && (r.addressee == null || r.addressee.equals(turn.speaker()))) {
                        task = r.task;
                        due = due != null ? due : r.due;
                        sources.add(p.itemId());
                    }
                }
            }
            if (task == null) {
                return null;
            }
        }
        return new Candidate(turn.speaker(), task, due, sources, turn.index(), false);
    }

    private Candidate acceptedRequest(List<Turn> turns, Turn turn, Utterance s) {
        Request r = request(s, turn, turns);
        if (r == null || r.addressee == null || r.addressee.equals(turn.speaker())) {
            return null;
        }
        for (int t = turn.index() + 1; t < Math.min(turns.size(), turn.index() + 3); t++) {
            Turn answer = turns.get(t);
            if (!answer.speaker().equals(r.addressee) || answer.sentences().isEmpty()) {
                continue;
            }
            String first = answer.sentences().get(0).text();
            if (!ACCEPT.matcher(first).matches()) {
                return null;
            }
            String due = r.due;
            if (due == null) {
                for (Utterance a : answer.sentences()) {
                    DueDates.Found d = DueDates.find(a.text());
                    if (d != null) {
                        due = d.phrase();
                        break;
                    }
                }
            }
            Set<String> sources = new LinkedHashSet<>(List.of(s.itemId(), answer.id()));
            return new Candidate(r.addressee, r.task, due, sources, turn.index(), true);
        }
        return null;
    }

    private record Request(String addressee, String task, String due) {}

    private Request request(Utterance s, Turn turn, List<Turn> turns) {
        String text = s.text();
        String addressee = vocative(text);
        Matcher m = REQUEST.matcher(text);
        String body = null;
        boolean toSomeone = false;
        if (m.find() && !WH_BEFORE.matcher(text.substring(0, m.start())).find()) {
            for (int g = 1; g <= 5; g++) {
                if (m.group(g) != null) {
                    body = m.group(g);
                    toSomeone = g >= 4;
                    break;
                }
            }
        } else if (addressee != null) {
            Matcher need = NEED_FROM.matcher(stripVocative(text, addressee));
            if (need.matches()) {
                // "Leah, the menu cards will need updating" → "update the menu cards"
                String verb = need.group(2).replaceAll("ing$", "");
                if (verb.endsWith("at") || verb.endsWith("dat")) {
                    verb = verb + "e";
                }
                body = verb + " " + need.group(1).replaceAll("(?i)^(and|also|so) ", "") + need.group(3);
            }
        }
        if (body == null) {
            return null;
        }
        body = body.replaceAll("[.!]+$", "").strip();
        if (words(body) < 2
                || NOT_A_TASK.matcher(body).matches()
                || HEAR_SEE.matcher(body).matches()) {
            return null;
        }
        if (addressee == null && !toSomeone && turn.index() > 0) {
            addressee = turns.get(turn.index() - 1).speaker();
            if (addressee.equals(turn.speaker())) {
                addressee = null;
            }
        }
        DueDates.Found d = DueDates.find(body);
        return new Request(toSomeone ? null : addressee, taskText(body, d), d == null ? null : d.phrase());
    }

    private String vocative(String text) {
        if (vocative == null) {
            return null;
        }
        Matcher m = vocative.matcher(text);
        if (!m.find()) {
            return null;
        }
        String name = m.group(1) != null ? m.group(1) : m.group(2);
        return byLowerName.get(Words.lower(name));
    }

    private static String stripVocative(String text, String name) {
        return text.replaceFirst("(?i)^.*?\\b" + Pattern.quote(name) + ",\\s*", "");
    }

    private static String taskText(String rest, DueDates.Found due) {
        String task = rest;
        if (due != null) {
            int i = indexOfDue(rest, due);
            if (i >= 0) {
                task = (rest.substring(0, i) + rest.substring(Math.min(rest.length(), due.end()))).strip();
            }
        }
        task = task.replaceAll("(?i)\\b(?:by|on|before|until)\\s*$", "")
                .replaceAll("(?i),?\\s*(?:so (?:she|he|they|we|you) can|if nothing else)\\b.*$", "")
                .replaceAll("(?i),\\s*(?:I|I've|I'm|it|it's|that's|the|which|because|since|as)\\b.*$", "")
                .replaceAll("[,.;:!]+$", "")
                .replaceAll("\\s+", " ")
                .strip();
        return task;
    }

    private static int indexOfDue(String rest, DueDates.Found due) {
        // The found span includes the leading preposition; recompute it on this string.
        DueDates.Found again = DueDates.find(rest);
        return again == null ? -1 : again.start();
    }

    private static int words(String s) {
        String t = s.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }

    record Candidate(String owner, String task, String due, Set<String> sources, int turn, boolean fromRequest) {}

    /** One item per owner and commitment: a request and its acceptance, or two sentences close together. */
    private static List<ActionItem> merge(List<Candidate> found) {
        List<Candidate> kept = new ArrayList<>();
        for (Candidate c : found) {
            Candidate same = null;
            for (Candidate k : kept) {
                if (k.owner.equals(c.owner) && Math.abs(k.turn - c.turn) <= 2) {
                    same = k;
                }
            }
            if (same == null) {
                kept.add(c);
                continue;
            }
            Set<String> sources = new LinkedHashSet<>(same.sources);
            sources.addAll(c.sources);
            Candidate request = same.fromRequest ? same : (c.fromRequest ? c : null);
            Candidate own = request == same ? c : same;
            Candidate other = own == same ? c : same;
            String due = own.due != null ? own.due : other.due;
            String task;
            if (request != null && request != own) {
                // The request said what; the acceptance may add how.
                task = request.task;
                Set<String> extra =
                        new LinkedHashSet<>(List.of(Words.lower(own.task).split("\\W+")));
                extra.removeAll(List.of(Words.lower(request.task).split("\\W+")));
                extra.removeIf(w -> !Words.isContent(w));
                if (extra.size() >= 3) {
                    task = request.task + ": " + own.task;
                }
            } else if (same.turn == c.turn && !same.task.equalsIgnoreCase(c.task)) {
                task = same.task + ", and " + Words.lower(c.task.substring(0, 1)) + c.task.substring(1);
            } else {
                task = own.task;
            }
            kept.set(kept.indexOf(same), new Candidate(same.owner, task, due, sources, c.turn, false));
        }
        List<ActionItem> out = new ArrayList<>();
        for (Candidate c : kept) {
            out.add(new ActionItem(
                    Words.displayName(c.owner),
                    Words.capitalise(c.task.toLowerCase(Locale.ROOT).startsWith("i ") ? c.task : c.task),
                    c.due,
                    List.copyOf(c.sources),
                    true));
        }
        return out;
    }
}
