package dev.candor.ai.llm;

import java.util.regex.Pattern;

/** Cleans a model's answer before parsing: drops reasoning blocks and Markdown fences, keeps the JSON object. */
final class AnswerText {
    private static final Pattern THINK = Pattern.compile("(?is)<(think|thinking|reasoning)>.*?</\\1>");
    private static final Pattern OPEN_THINK = Pattern.compile("(?is)^\\s*<(think|thinking|reasoning)>.*");
    private static final Pattern STRAY_CLOSE = Pattern.compile("(?is)^.*?</(?:think|thinking|reasoning)>");

    private AnswerText() {}

    /** The answer without {@code <think>…</think>} blocks (an unclosed one drops everything after it). */
    static String withoutReasoning(String answer) {
        String s = THINK.matcher(answer).replaceAll("");
        s = STRAY_CLOSE.matcher(s).replaceFirst("");
        if (OPEN_THINK.matcher(s).matches()) {
            return "";
        }
        return s.strip();
    }

    /** The outermost JSON object in the answer, or null when there is none. */
    static String jsonObject(String answer) {
        String s = withoutReasoning(answer);
        int start = s.indexOf('{');
        int end = s.lastIndexOf('}');
        return start < 0 || end <= start ? null : s.substring(start, end + 1);
    }
}
