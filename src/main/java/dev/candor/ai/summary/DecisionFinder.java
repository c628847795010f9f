package dev.candor.ai.summary;

import dev.candor.ai.SummaryPoint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds decisions: said outright ("we decided to…", "Lisbon it is"), proposed with "let's" on a
 * matter of substance, or a proposal restated and agreed ("So, four thousand for equipment only.
 * Agreed?" — "Agreed."). Sentences about the meeting itself ("let's start with…") and deferrals
 * ("let's leave it for now") are not decisions.
 */
final class DecisionFinder {
    private static final Pattern DECIDED = Pattern.compile(
            "(?i)\\b(?:we(?:'ve| have)? decided|(?:it was|it's|it is) decided|we(?:'ve| have)? agreed (?:to|that|on)|the decision is)\\b");
    private static final Pattern IT_IS =
            Pattern.compile("(?i)^(?:okay, |ok, |so, |right, |then )?[\\w ]{2,30} it is[.!]$");
    private static final Pattern LETS = Pattern.compile("(?i)\\blet's\\s+(\\w+)(?:\\s+(\\w+))?(?:\\s+(\\w+))?");
    private static final Set<String> PROCEDURAL = Set.of(
            "start",
            "begin",
            "talk",
            "discuss",
            "get",
            "keep",
            "park",
            "come",
            "see",
            "find",
            "plan",
            "go",
            "look",
            "have",
            "hear",
            "continue",
            "focus",
            "try",
            "think",
            "wrap",
            "take",
            "not",
            "say",
            "check",
            "turn",
            "recap",
            "review",
            "finish",
            "stop",
            "call",
            "meet",
            "wait",
            "hope",
            "just",
            "all",
            "skip",
            "return",
            "quickly",
            "first",
            "now",
            "also",
            "do",
            "be",
            "make",
            "jump",
            "pick",
            "deal",
            "circle",
            "revisit",
            "assume",
            "imagine",
            "put",
            "leave");
    private static final Pattern LEAVE_OUT = Pattern.compile(
            "(?i)\\blet's (?:leave|take|keep) (?!it\\b|that\\b|this\\b)\\w+(?: \\w+){0,3} (?:out|off)\\b|\\blet's put (?:it|that|them|\\w+) back\\b");
    private static final Pattern DEFERRAL = Pattern.compile(
            "(?i)\\b(?:for now|open question|still open|stays open|leave (?:it|that|this) open|come back to|park|"
                    + "not sure|don't know|next time|later|we'll decide|depends on|find out)\\b");
    private static final Pattern REJECTED =
            Pattern.compile("(?i)\\b(?:forget|never mind|scrap|just an idea|just a thought|long shot|drop it)\\b");
    private static final Pattern STARTS_CONCLUDING =
            Pattern.compile("(?i)^(?:(?:okay|ok|right|great|good|alright|so|then|agreed|fine)[,.]?\\s+)+");
    private static final Pattern THEN_WE = Pattern.compile(
            "(?i)^(?:(?:okay|ok|right|great|good|alright|so|then|agreed|fine)[,.]?\\s+)+(?:we|the \\w+)\\s+(?:will |'ll |are going to )?\\w+.*");
    private static final Pattern CONSENT_QUESTION = Pattern.compile(
            "(?i)^(?:agreed|everyone (?:happy|okay|ok|fine) with (?:that|this)|(?:okay|ok|fine) with everyone|"
                    + "anyone against|any objections|all agreed|does that work(?: for everyone)?|are we agreed|happy with that)\\?$");
    private static final Pattern AGREE = Pattern.compile(
            "(?i)^(?:agreed|yes|yeah|yep|sure|okay|ok|fine(?: by me| with me)?|works for me|sounds good|same|"
                    + "none from me|no objections?|that seems fair|that's fair|good|great|i like (?:it|that)|me too|"
                    + "makes sense|deal|perfect|absolutely|definitely|let's do it)\\b.*");
    private static final Pattern PROPOSAL = Pattern.compile(
            "(?i)\\b(?:i suggest|i propose|i'd like|i would like|what about|how about|i was thinking|we could|"
                    + "should we|why not|i'd go|let's|how does|instead)\\b|\\?$");

    private final Retelling retelling;

    DecisionFinder(Retelling retelling) {
        this.retelling = retelling;
    }

    /** How many later turns a turn's judgement looks at ("Agreed?" — "Agreed."). */
    static final int LOOKAHEAD = 1;

    List<SummaryPoint> find(List<Turn> turns) {
        List<Found> found = new ArrayList<>();
        for (Turn turn : turns) {
            found.addAll(inTurn(turns, turn));
        }
        return combine(found);
    }

    /**
     * The decisions said in one turn, before merging. It depends only on earlier turns and the
     * next {@link #LOOKAHEAD}, so a running summary keeps it once those have been said.
     */
    List<Found> inTurn(List<Turn> turns, Turn turn) {
        List<Found> out = new ArrayList<>(0);
        List<Utterance> ss = turn.sentences();
        for (int i = 0; i < ss.size(); i++) {
            Found f = judge(turns, turn, i, ss.get(i));
            if (f != null) {
                out.add(f);
            }
        }
        return out;
    }

    /** Merges the per-turn findings (in meeting order) that restate one decision, and retells them. */
    List<SummaryPoint> combine(List<Found> inOrder) {
        List<Found> found = new ArrayList<>();
        for (Found f : inOrder) {
            addOrMerge(found, f);
        }
        List<SummaryPoint> out = new ArrayList<>();
        for (Found f : found) {
            out.add(SummaryPoint.grounded(retelling.decision(f.sentence), List.copyOf(f.sources)));
        }
        return out;
    }

    record Found(Utterance sentence, Set<String> sources) {}

    private Found judge(List<Turn> turns, Turn turn, int at, Utterance s) {
        String text = s.text();
        if (s.isQuestion() || DEFERRAL.matcher(text).find() || s.wordCount() < 2) {
            return null;
        }
        Set<String> sources = new LinkedHashSet<>(List.of(s.itemId()));
        if (DECIDED.matcher(text).find() || IT_IS.matcher(text).matches()) {
            return new Found(s, sources);
        }
        var lets = LETS.matcher(text);
        if (lets.find()) {
            String verb = Words.lower(lets.group(1));
            if (verb.equals("do") && at + 1 < turn.sentences().size()) {
                // "Okay, let's do it. The lamb comes off and the stew goes on."
                Utterance next = turn.sentences().get(at + 1);
                if (!next.isQuestion() && !DEFERRAL.matcher(next.text()).find()) {
                    sources.add(next.itemId());
                    return new Found(next, sources);
                }
            }
            String next = lets.group(2) == null ? "" : Words.lower(lets.group(2));
            boolean procedural = PROCEDURAL.contains(verb)
                    ? !(verb.equals("go") && (next.equals("for") || next.equals("with")))
                    : verb.equals("move") && (next.equals("on") || next.equals("to") && "next".equals(lets.group(3)));
            if (!procedural || LEAVE_OUT.matcher(text).find()) {
                return new Found(s, sources);
            }
            return null;
        }
        boolean consentAsked = at + 1 < turn.sentences().size()
                && CONSENT_QUESTION.matcher(turn.sentences().get(at + 1).text()).matches();
        boolean agreedAfter = agreedBy(turns, turn.index() + 1, turn.speaker());
        if (consentAsked && agreedAfter && s.wordCount() >= 3) {
            if (turn.index() + 1 < turns.size()) {
                sources.add(turns.get(turn.index() + 1).id());
            }
            return new Found(s, sources);
        }
        boolean concluding = STARTS_CONCLUDING.matcher(text).find()
                || (at > 0
                        && STARTS_CONCLUDING
                                .matcher(turn.sentences().get(at - 1).text() + " ")
                                .matches());
        boolean agreedBefore =
                (at > 0 && AGREE.matcher(turn.sentences().get(at - 1).text()).matches())
                        || (turn.index() > 0 && agreedBy(turns, turn.index() - 1, turn.speaker()));
        if (concluding
                && !REJECTED.matcher(text).find()
                && !Words.lower(text).matches(".*\\bthere(?:'s| is| are)\\b.*")
                && s.wordCount() >= 4) {
            Utterance proposal = proposalBefore(turns, turn, s, 3);
            if (proposal != null) {
                sources.add(proposal.itemId());
                return new Found(s, sources);
            }
            if (THEN_WE.matcher(text).matches()
                    && (agreedBefore || Words.lower(text).matches("^(?:\\w+[,.] )*then we \\w+.*"))) {
                return new Found(s, sources);
            }
        }
        if (agreedBefore && !concluding && s.wordCount() >= 3 && at > 0 && !hasVerb(s)) {
            Utterance proposal = proposalBefore(turns, turn, s, 2);
            if (proposal != null) {
                sources.add(proposal.itemId());
                return new Found(s, sources);
            }
        }
        return null;
    }

    /** A verbless restatement ("Tuesday to Thursday, second week of September.") names what was agreed. */
    private static boolean hasVerb(Utterance s) {
        for (String tag : s.tags()) {
            if (tag.startsWith("VB") || tag.equals("MD")) {
                return true;
            }
        }
        return false;
    }

    private static boolean agreedBy(List<Turn> turns, int index, String notSpeaker) {
        if (index < 0 || index >= turns.size()) {
            return false;
        }
        Turn t = turns.get(index);
        return !t.speaker().equals(notSpeaker)
                && !t.sentences().isEmpty()
                && AGREE.matcher(t.sentences().get(0).text()).matches();
    }

    /** An earlier proposal (up to six turns back) that shares at least two content words with the sentence. */
    private static Utterance proposalBefore(List<Turn> turns, Turn turn, Utterance s, int minShared) {
        for (int t = turn.index(); t >= Math.max(0, turn.index() - 6); t--) {
            for (Utterance p : turns.get(t).sentences()) {
                if (p == s || (t == turn.index() && p.position() >= s.position())) {
                    continue;
                }
                if (PROPOSAL.matcher(p.text()).find() && overlap(p.stems(), s.stems()) >= minShared) {
                    return p;
                }
            }
        }
        return null;
    }

    static int overlap(Set<String> a, Set<String> b) {
        Set<String> c = new HashSet<>(a);
        c.retainAll(b);
        return c.size();
    }

    private static void addOrMerge(List<Found> found, Found f) {
        for (int i = 0; i < found.size(); i++) {
            Found k = found.get(i);
            int shared = overlap(k.sentence.stems(), f.sentence.stems());
            boolean near = Math.abs(k.sentence.turn() - f.sentence.turn()) <= 4;
            if (near
                    && shared
                            >= Math.max(
                                    2,
                                    Math.min(
                                                    k.sentence.stems().size(),
                                                    f.sentence.stems().size())
                                            / 2)) {
                Set<String> sources = new LinkedHashSet<>(k.sources);
                sources.addAll(f.sources);
                found.set(i, new Found(f.sentence, sources));
                return;
            }
        }
        found.add(f);
    }
}
