package dev.candor.ai.summary;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Retells a cleaned spoken sentence for reading, in the third person with the speaker's name
 * ("I think we should wait" → "Ana thinks the group should wait"). It only moves and swaps
 * pronouns and leading discourse words; every content word comes from the sentence itself.
 */
final class Retelling {
    private static final Pattern DISCOURSE = Pattern.compile(
            "(?i)^(?:(?:okay|ok|so|well|right|yeah|yes|and|but|oh|alright|all right|great|good|now|anyway|"
                    + "then|agreed|fine|hmm|also|actually|basically|no|yep|sure|ha|thanks|thank you)[,.!]?\\s+)+");
    private static final Pattern OPINION =
            Pattern.compile("(?i)^I (think|guess|believe|feel|suppose|reckon)(?: that)?\\s+(.+)$");
    private static final Pattern FIRST_PERSON = Pattern.compile("(?i)^I(?:'m| am|'ve|'ll|'d| (\\w+))\\b\\s*(.*)$");
    private static final Pattern WE = Pattern.compile("^We(?:'re| are|'ve|'ll|'d)?\\b");
    private static final Pattern LETS = Pattern.compile("(?i)^let's\\s+(.+)$");
    private static final Pattern MODAL = Pattern.compile(
            "(?i)can|could|should|will|would|might|must|may|was|did|had|need|needed|want|wanted|went|said|thought|"
                    + "found|made|got|took|saw|knew|told|just|also|really|actually|still|don't|didn't|can't|won't|"
                    + "wouldn't|shouldn't|never|always|only|already|probably|definitely|mean");

    String keyPoint(Utterance s) {
        String name = Words.displayName(s.speaker());
        String t = strip(s.text());
        if (t.isEmpty()) {
            return "";
        }
        if (s.isQuestion()) {
            return name + " asked: " + t;
        }
        Matcher m = OPINION.matcher(t);
        if (m.matches()) {
            String verb = m.group(1).toLowerCase(Locale.ROOT);
            return name + " " + third(verb) + " " + others(lowerFirst(m.group(2)), name);
        }
        m = LETS.matcher(t);
        if (m.matches()) {
            return name + " proposed that the group " + others(m.group(1), name);
        }
        m = FIRST_PERSON.matcher(t);
        if (m.matches()) {
            String verb;
            String lowerHead = t.toLowerCase(Locale.ROOT);
            if (lowerHead.startsWith("i'm") || lowerHead.startsWith("i am")) {
                verb = "is";
            } else if (lowerHead.startsWith("i've")) {
                verb = "has";
            } else if (lowerHead.startsWith("i'll")) {
                verb = "will";
            } else if (lowerHead.startsWith("i'd")) {
                verb = "would";
            } else {
                String v = m.group(1);
                verb = MODAL.matcher(v).matches() ? v.toLowerCase(Locale.ROOT) : third(v.toLowerCase(Locale.ROOT));
            }
            return name + " " + verb + " " + others(m.group(2), name);
        }
        if (WE.matcher(t).find()) {
            String rest = t.replaceFirst("^We're|^We are", "the group is")
                    .replaceFirst("^We've", "the group has")
                    .replaceFirst("^We'll", "the group will")
                    .replaceFirst("^We'd", "the group would")
                    .replaceFirst("^We\\b", "the group")
                    // "the group" takes a singular verb.
                    .replaceFirst("^the group have\\b", "the group has")
                    .replaceFirst("^the group were\\b", "the group was")
                    .replaceFirst("^the group don't\\b", "the group doesn't")
                    .replaceFirst("^the group do\\b", "the group does");
            return name + " said " + others(rest, name);
        }
        return name + " said that " + others(lowerFirst(t), name);
    }

    String decision(Utterance s) {
        String t = strip(s.text());
        Matcher m = LETS.matcher(t);
        if (m.matches()) {
            t = Words.capitalise(m.group(1));
        }
        t = t.replaceFirst("(?i)^we(?:'ve| have)? decided (?:that |to )?", "")
                .replaceFirst("(?i)^it (?:was|is) decided (?:that )?", "");
        return Words.capitalise(t.strip());
    }

    String openQuestion(Utterance question, Utterance cue) {
        String q = strip(question.text())
                .replaceFirst("(?i)^one (?:open )?question is\\s+", "")
                .replaceFirst("(?i)^the (?:one )?thing I'm not sure about is(?: the \\w+)?[.,]?\\s*", "");
        if (!q.endsWith("?")) {
            q = q.replaceAll("[.!]+$", "");
        }
        String by = Words.displayName(question.speaker());
        return Words.capitalise(q) + (q.endsWith("?") ? "" : ".") + " (raised by " + by + ")";
    }

    static String strip(String text) {
        String t = DISCOURSE.matcher(text).replaceFirst("");
        return Words.capitalise(t.strip());
    }

    private static String lowerFirst(String s) {
        if (s.length() > 1 && Character.isUpperCase(s.charAt(0)) && Character.isLowerCase(s.charAt(1))) {
            String first = s.split("\\s+", 2)[0];
            if (!first.equals("I") && !first.startsWith("I'")) {
                return Character.toLowerCase(s.charAt(0)) + s.substring(1);
            }
        }
        return s;
    }

    /** Swaps the remaining first-person pronouns for the speaker and the group. */
    private static String others(String rest, String name) {
        return rest.replaceAll("\\bI'm\\b", name + " is")
                .replaceAll("\\bI've\\b", name + " has")
                .replaceAll("\\bI'll\\b", name + " will")
                .replaceAll("\\bI'd\\b", name + " would")
                .replaceAll("\\bI\\b", name)
                .replaceAll("\\b[Mm]y\\b", "their")
                .replaceAll("\\bme\\b", "them")
                .replaceAll("\\b[Ww]e're\\b", "they are")
                .replaceAll("\\b[Ww]e've\\b", "they have")
                .replaceAll("\\b[Ww]e'll\\b", "they will")
                .replaceAll("\\b[Ww]e\\b", "they")
                .replaceAll("\\b[Oo]ur\\b", "their")
                .replaceAll("\\bus\\b", "them");
    }

    private static String third(String verb) {
        switch (verb) {
            case "have":
                return "has";
            case "do":
                return "does";
            case "go":
                return "goes";
            case "am":
                return "is";
            default:
                break;
        }
        if (verb.endsWith("s") || verb.endsWith("sh") || verb.endsWith("ch") || verb.endsWith("x")) {
            return verb + "es";
        }
        if (verb.endsWith("y") && verb.length() > 2 && "aeiou".indexOf(verb.charAt(verb.length() - 2)) < 0) {
            return verb.substring(0, verb.length() - 1) + "ies";
        }
        return verb + "s";
    }
}
