package dev.candor.ai.summary;

import dev.candor.ai.MeetingItem;
import java.util.List;

/** A meeting item with its cleaned sentences; {@code index} is its place in the call. */
record Turn(MeetingItem item, int index, List<Utterance> sentences) {
    String speaker() {
        return item.speaker();
    }

    String id() {
        return item.id();
    }
}
