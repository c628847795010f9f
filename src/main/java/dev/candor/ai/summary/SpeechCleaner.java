package dev.candor.ai.summary;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes spoken text readable: removes transcription marks ({@code {vocalsound}}, {@code
 * {disfmarker}}, bracketed noises), fillers (um, uh, you know), false starts ("I- I think") and
 * repeated words, and tidies spaces and punctuation. Never adds words.
 */
public final class SpeechCleaner {
    private static final Pattern MARKS = Pattern.compile("\\{[^}]*}|\\[[^]]*]|<[^>]*>");
    private static final Pattern FILLERS = Pattern.compile(
            "(?i)(?<![\\w'])(?:u+h+m*|u+m+|e+r+m+|e+h+|a+h+|hmm+|m+(?:-hmm)?|mhm+|uh-huh|um-hmm|hm+)(?![\\w'])[,.]?");
    private static final Pattern SOFT_FILLERS =
            Pattern.compile("(?i)(?:(?<=^)|(?<=[,.!?] ))(?:you know|i mean|like|sort of|kind of|well|so)\\s*,\\s*");
    private static final Pattern INNER_YOU_KNOW = Pattern.compile("(?i),\\s*(?:you know|i mean)\\s*(?=[,.!?])");
    private static final Pattern FALSE_START = Pattern.compile("(?i)(?<![\\w'])([\\w']+)-\\s+(?=\\w)");
    private static final Pattern REPEATS = Pattern.compile("(?i)(?<![\\w'])([\\w']+)(?:[\\s,]+\\1)+(?![\\w'])");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** Spelled-out letters as some transcribers write them ("L_C_D_", "T_V_"): read as "LCD", "TV". */
    private static final Pattern SPELLED = Pattern.compile("(?<![\\w])((?:[A-Za-z]_)+)(?![\\w])");

    private static final Pattern SPACE_BEFORE_PUNCT = Pattern.compile("\\s+([,.!?;:])");
    private static final Pattern DOUBLE_PUNCT = Pattern.compile("([,;:])\\s*(?=[,.!?;:])|,\\s*$");
    private static final Pattern LEADING_PUNCT = Pattern.compile("^[\\s,.;:!?-]+");

    /** Returns the cleaned text (may be empty when the turn held only fillers or noises). */
    public String clean(String raw) {
        String s = MARKS.matcher(raw).replaceAll(" ");
        s = SPELLED.matcher(s).replaceAll(m -> m.group(1).replace("_", ""));
        s = s.replace('\u2019', '\'').replace(" '", " '");
        s = FALSE_START.matcher(s).replaceAll("");
        s = FILLERS.matcher(s).replaceAll(" ");
        s = SPACES.matcher(s).replaceAll(" ").strip();
        s = INNER_YOU_KNOW.matcher(s).replaceAll("");
        s = SOFT_FILLERS.matcher(s).replaceAll("");
        s = dropRepeats(s);
        s = SPACE_BEFORE_PUNCT.matcher(s).replaceAll("$1");
        s = DOUBLE_PUNCT.matcher(s).replaceAll("");
        s = LEADING_PUNCT.matcher(s).replaceAll("");
        s = SPACES.matcher(s).replaceAll(" ").strip();
        if (s.isEmpty()) {
            return s;
        }
        s = Character.toUpperCase(s.charAt(0)) + s.substring(1);
        if (Character.isLetterOrDigit(s.charAt(s.length() - 1))) {
            s = s + ".";
        }
        return s.matches("[^\\p{L}\\p{N}]*") ? "" : s;
    }

    private static String dropRepeats(String s) {
        Matcher m = REPEATS.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            // Keep "that that" style grammatical doubles rare enough to ignore; a spoken repeat is noise.
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static final Pattern NON_LETTERS = Pattern.compile("[^a-z' ]");
    private static final Pattern BACKCHANNEL =
            Pattern.compile("(?:(?:yeah|yes|yep|yup|no|nope|okay|ok|right|sure|oh|ah|alright|all right|so|well|mm|hmm|"
                    + "great|good|cool|fine|thanks|thank you|exactly|true|agreed|and|but|i see|uh|um)\\s*)+");

    /** True when the text is only a backchannel ("yeah", "okay", "right") with nothing to summarise. */
    public static boolean isBackchannel(String cleaned) {
        String s = NON_LETTERS
                .matcher(cleaned.toLowerCase(Locale.ROOT))
                .replaceAll(" ")
                .strip();
        return s.isEmpty() || BACKCHANNEL.matcher(s).matches();
    }
}
