package dev.candor.ai;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A meeting summary: key points, decisions, action items and open questions, each citing the
 * meeting items it comes from. {@code status} says whether it is complete; a partial or failed
 * summary carries a message for the user saying why.
 */
public record Summary(
        List<SummaryPoint> keyPoints,
        List<SummaryPoint> decisions,
        List<ActionItem> actionItems,
        List<SummaryPoint> openQuestions,
        Status status,
        String message,
        String engine) {

    /** How far the engine got. */
    public enum Status {
        /** Every part of the meeting was summarised. */
        COMPLETE,
        /** Some parts could not be summarised; the message says which. */
        PARTIAL,
        /** Nothing usable came out; the message says why. */
        FAILED
    }

    public Summary {
        keyPoints = List.copyOf(keyPoints);
        decisions = List.copyOf(decisions);
        actionItems = List.copyOf(actionItems);
        openQuestions = List.copyOf(openQuestions);
        Objects.requireNonNull(status, "status");
        message = message == null ? "" : message;
        Objects.requireNonNull(engine, "engine");
    }

    public static Summary failed(String engine, String message) {
        return new Summary(List.of(), List.of(), List.of(), List.of(), Status.FAILED, message, engine);
    }

    public boolean isEmpty() {
        return keyPoints.isEmpty() && decisions.isEmpty() && actionItems.isEmpty() && openQuestions.isEmpty();
    }

    /** All readable lines in reading order (key points, decisions, actions, questions), for plain text. */
    public String text() {
        List<String> lines = new ArrayList<>();
        keyPoints.forEach(p -> lines.add(p.text()));
        decisions.forEach(p -> lines.add(p.text()));
        actionItems.forEach(a -> lines.add(a.text()));
        openQuestions.forEach(p -> lines.add(p.text()));
        return String.join("\n", lines);
    }
}
