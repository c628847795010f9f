package dev.candor.ai;

import java.util.List;
import java.util.Objects;

/** A chat message drafted for the user, with the meeting items it draws on; never sent by itself. */
public record Draft(String text, List<String> sourceIds) {
    public Draft {
        Objects.requireNonNull(text, "text");
        sourceIds = List.copyOf(sourceIds);
    }
}
