package dev.candor.ai.summary;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds a due date as it was said ("by Friday", "end of the week", "within ten days") in a sentence. */
final class DueDates {
    private DueDates() {}

    private static final String DAY = "(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)";
    private static final String ORDINAL = "(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
            + "eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|"
            + "twentieth|twenty[- ]\\w+|thirtieth|thirty[- ]first|\\d{1,2}(?:st|nd|rd|th))";
    private static final String MONTH =
            "(?:january|february|march|april|may|june|july|august|september|october|" + "november|december)";
    private static final String PART = "(?:\\s+(?:morning|afternoon|evening|night))?";

    private static final Pattern[] PATTERNS = {
        Pattern.compile("(?i)\\b(?:by|before|until|at|on)?\\s*(?:the\\s+)?(end of (?:the |this |next )?"
                + "(?:day|week|month|quarter|year|sprint))\\b"),
        Pattern.compile(
                "(?i)\\b(before (?:the next \\w+|any\\b[^,.;!?]*|we\\b[^,.;!?]*|the \\w+ (?:meeting|call|release)))"),
        Pattern.compile("(?i)\\b(within (?:\\w+ )?(?:\\w+ )?(?:days?|weeks?|hours?|months?))\\b"),
        Pattern.compile("(?i)\\b(?:by|on|until|before|for)\\s+((?:next |this )?" + DAY + PART
                + "(?:\\s+(?:next|this) week)?)\\b"),
        Pattern.compile("(?i)\\b(?:by|on|before)\\s+(the " + ORDINAL + "(?: of " + MONTH + ")?)\\b"),
        Pattern.compile("(?i)\\b(?:by|on|before)\\s+(" + MONTH + " (?:the )?" + ORDINAL + ")\\b"),
        Pattern.compile("(?i)\\b((?:next|this) " + DAY + PART + ")\\b"),
        Pattern.compile("(?i)\\b(tomorrow" + PART + "|tonight|today|this (?:morning|afternoon|evening|week)|"
                + "next (?:week|month))\\b"),
        Pattern.compile("(?i)\\b(?:by|before)\\s+(" + DAY + ")\\b"),
        Pattern.compile("(?i)\\b(in (?:a|one|two|three|four|\\d+) (?:days?|weeks?))\\b"),
    };

    /** The due phrase and its span in the sentence, or null. */
    static Found find(String sentence) {
        for (Pattern p : PATTERNS) {
            Matcher m = p.matcher(sentence);
            if (m.find()) {
                return new Found(m.group(1).strip(), m.start(), m.end());
            }
        }
        return null;
    }

    /** A due phrase found at [start, end) of the sentence (the span includes a leading "by"/"on"). */
    record Found(String phrase, int start, int end) {}
}
