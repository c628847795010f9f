package dev.candor.ai.models;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The speech models a user may choose to download (name, size, languages, URL, SHA-256, licence),
 * read from the JSON resource {@code catalogue.json} next to this class. Listing them fetches
 * nothing.
 */
public final class ModelCatalogue {
    private final List<CatalogueModel> models;

    public ModelCatalogue(List<CatalogueModel> models) {
        this.models = List.copyOf(models);
    }

    /** The catalogue that ships with the app. */
    public static ModelCatalogue builtIn() {
        try (InputStream in = ModelCatalogue.class.getResourceAsStream("catalogue.json")) {
            if (in == null) {
                throw new IllegalStateException("catalogue.json missing from the class path");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a catalogue in the same JSON form ({@code {"models": [...]}}). */
    public static ModelCatalogue read(InputStream json) throws IOException {
        Root root = new ObjectMapper().readValue(json, new TypeReference<Root>() {});
        return new ModelCatalogue(root.models() == null ? List.of() : root.models());
    }

    private record Root(List<CatalogueModel> models) {}

    public List<CatalogueModel> models() {
        return models;
    }

    public Optional<CatalogueModel> find(String id) {
        return models.stream().filter(m -> m.id().equals(id)).findFirst();
    }
}
