package dev.candor.ai;

import java.util.List;
import java.util.Objects;

/**
 * One readable line of a summary (a key point, decision or open question) with the ids of the
 * meeting items it was drawn from. {@code verified} is false when an engine produced the line
 * but the cited items do not support it; such a line must never be shown as fact.
 */
public record SummaryPoint(String text, List<String> sourceIds, boolean verified) {
    public SummaryPoint {
        Objects.requireNonNull(text, "text");
        sourceIds = List.copyOf(sourceIds);
    }

    public static SummaryPoint grounded(String text, List<String> sourceIds) {
        return new SummaryPoint(text, sourceIds, true);
    }
}
