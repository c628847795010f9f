package dev.candor.consent;

import java.util.Objects;

/**
 * Something an AI feature produced that could leave the device (e.g. a summary), referred to by its
 * id; the outbox holds the content. The switchboard only decides whether it may go.
 */
public record ShareItem(String id, String kind, Feature producedBy) {
    public ShareItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(producedBy, "producedBy");
    }
}
