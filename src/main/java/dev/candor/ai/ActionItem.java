package dev.candor.ai;

import java.util.List;
import java.util.Objects;

/**
 * Something a person said they (or someone they asked) will do: owner, task and the due date as
 * it was said ("Friday", "end of the week"; null when none was said), with its source item ids.
 */
public record ActionItem(String owner, String task, String due, List<String> sourceIds, boolean verified) {
    public ActionItem {
        Objects.requireNonNull(task, "task");
        sourceIds = List.copyOf(sourceIds);
    }

    /** The item as one readable line, e.g. "Ana: send the budget (due Friday)". */
    public String text() {
        String who = owner == null ? "Someone" : owner;
        return who + ": " + task + (due == null ? "" : " (due " + due + ")");
    }
}
