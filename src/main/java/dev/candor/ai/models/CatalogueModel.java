package dev.candor.ai.models;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Objects;

/**
 * One downloadable speech model in the {@link ModelCatalogue}.
 *
 * @param id stable name, also the folder name under {@code models/}
 * @param title what the user sees
 * @param engine {@code vosk} or {@code whisper}
 * @param languages BCP 47 tags the model understands
 * @param sizeBytes size of the download (used for the disk-space check and progress)
 * @param url where it is fetched from, only on the user's request
 * @param sha256 checksum of the download, lower-case hex; null means not pinned yet, and then the
 *     model can be neither downloaded nor imported
 * @param licence the model's licence
 * @param packaging {@code file} (one model file) or {@code zip} (a folder inside a zip archive)
 * @param file name of the model file once installed (whisper) or empty for a folder (vosk)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CatalogueModel(
        String id,
        String title,
        String engine,
        List<String> languages,
        long sizeBytes,
        String url,
        String sha256,
        String licence,
        String packaging,
        String file) {
    public CatalogueModel {
        Objects.requireNonNull(id, "id");
        if (!id.matches("[a-z0-9][a-z0-9._-]{0,80}")) {
            throw new IllegalArgumentException("bad model id: " + id);
        }
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(url, "url");
        languages = languages == null ? List.of() : List.copyOf(languages);
        packaging = packaging == null ? "file" : packaging;
        file = file == null ? "" : file;
        licence = licence == null ? "" : licence;
        title = title == null ? id : title;
    }

    /** Whether its checksum is pinned, so it can be downloaded and verified. */
    public boolean verifiable() {
        return sha256 != null && sha256.matches("[0-9a-f]{64}");
    }

    /** Whether the download is a zip holding a model folder. */
    public boolean zipped() {
        return packaging.equals("zip");
    }

    /** Same model fetched from elsewhere (tests, a mirror the organisation runs). */
    public CatalogueModel withUrl(String newUrl) {
        return new CatalogueModel(id, title, engine, languages, sizeBytes, newUrl, sha256, licence, packaging, file);
    }
}
