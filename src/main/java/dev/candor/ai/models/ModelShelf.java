package dev.candor.ai.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The models installed in {@code <data-dir>/models/}: one folder per catalogue model, moved into
 * place only after its checksum was verified and its files written (a marker file written last says
 * so). Lists, imports from a local file, and deletes. Partial downloads live beside it as
 * {@code <id>.part} and are never used as models.
 */
public final class ModelShelf {
    private static final Logger LOG = LoggerFactory.getLogger(ModelShelf.class);
    static final String MARKER = ".candor-installed";

    private final Path dir;
    private final ModelCatalogue catalogue;
    private final StorageSpace space;

    public ModelShelf(Path modelsDir, ModelCatalogue catalogue, StorageSpace space) {
        this.dir = modelsDir;
        this.catalogue = catalogue;
        this.space = space;
    }

    public Path dir() {
        return dir;
    }

    public ModelCatalogue catalogue() {
        return catalogue;
    }

    StorageSpace space() {
        return space;
    }

    /** Where a download of this model is kept until it is complete and verified. */
    public Path partFile(CatalogueModel m) {
        return dir.resolve(m.id() + ".part");
    }

    /** Whether the model is installed completely. */
    public boolean isInstalled(CatalogueModel m) {
        return Files.isRegularFile(dir.resolve(m.id()).resolve(MARKER));
    }

    /**
     * What an engine loads: the model folder (Vosk) or the model file (whisper.cpp), if installed.
     */
    public Optional<Path> modelPath(CatalogueModel m) {
        if (!isInstalled(m)) {
            return Optional.empty();
        }
        Path folder = dir.resolve(m.id());
        return Optional.of(m.file().isEmpty() ? folder : folder.resolve(m.file()));
    }

    /** Catalogue models installed now. */
    public List<CatalogueModel> installed() {
        return catalogue.models().stream().filter(this::isInstalled).toList();
    }

    /** Removes an installed model and any partial download of it. */
    public void delete(CatalogueModel m) throws ModelInstallException {
        try {
            ModelFolders.deleteTree(dir.resolve(m.id()));
            Files.deleteIfExists(partFile(m));
            LOG.info("model {} deleted", m.id());
        } catch (IOException e) {
            throw new ModelInstallException(
                    ModelFolders.explain("The model " + m.title() + " could not be deleted", e), e);
        }
    }

    /**
     * Installs a model from a file the user already has (e.g. downloaded on another computer). The
     * file must match the catalogue's checksum; it is copied, never moved.
     */
    public Path importFile(CatalogueModel m, Path file) throws ModelInstallException {
        if (!m.verifiable()) {
            throw new ModelInstallException(
                    "The catalogue has no checksum for " + m.title() + ", so a copy of it cannot be verified.");
        }
        if (!Files.isRegularFile(file)) {
            throw new ModelInstallException("The file " + file + " does not exist.");
        }
        try {
            Files.createDirectories(dir);
            Path copy = Files.createTempFile(dir, m.id() + ".import-", ".tmp");
            try {
                long size = Files.size(file);
                if (space.usableBytes(dir) < size * (m.zipped() ? 3 : 2)) {
                    throw new ModelInstallException(notEnoughSpace(m, size * (m.zipped() ? 3 : 2)));
                }
                Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                String actual = sha256Of(copy);
                if (!actual.equals(m.sha256())) {
                    throw new ModelInstallException("The file " + file.getFileName() + " is not " + m.title()
                            + " (its checksum does not match); nothing was installed.");
                }
                return install(m, copy);
            } finally {
                Files.deleteIfExists(copy);
            }
        } catch (IOException e) {
            throw new ModelInstallException(ModelFolders.explain("The model could not be imported", e), e);
        }
    }

    /** Installs a verified download (file or zip) under the model's name, in one atomic step. */
    Path install(CatalogueModel m, Path verified) throws IOException, ModelInstallException {
        Path target = dir.resolve(m.id());
        Path temp = Files.createTempDirectory(dir, m.id() + ".installing-");
        try {
            if (m.zipped()) {
                unzipFolder(verified, temp);
            } else {
                String name = m.file().isEmpty() ? "model.bin" : m.file();
                Files.copy(verified, temp.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.writeString(temp.resolve(MARKER), "sha256\t" + m.sha256() + "\n", StandardCharsets.UTF_8);
            ModelFolders.deleteTree(target); // a stale, unmarked folder is never used; replace it
            ModelFolders.moveIntoPlace(temp, target);
        } finally {
            ModelFolders.deleteTree(temp);
        }
        LOG.info("model {} installed", m.id());
        return modelPath(m)
                .orElseThrow(() -> new ModelInstallException("The model " + m.title() + " could not be installed."));
    }

    /** Unpacks a zip whose entries sit in one top folder (as Vosk's do) into {@code into}. */
    private static void unzipFolder(Path zipFile, Path into) throws IOException, ModelInstallException {
        List<String> names = new ArrayList<>();
        try (InputStream in = Files.newInputStream(zipFile);
                ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                String name = e.getName();
                int slash = name.indexOf('/');
                String rel = slash >= 0 ? name.substring(slash + 1) : name; // strip the top folder
                if (rel.isEmpty() || e.isDirectory()) {
                    continue;
                }
                Path out = into.resolve(rel).normalize();
                if (!out.startsWith(into)) {
                    throw new ModelInstallException("The model archive is unsafe (" + name + " points outside it).");
                }
                Files.createDirectories(out.getParent());
                try (OutputStream o = Files.newOutputStream(out)) {
                    zip.transferTo(o);
                }
                names.add(rel);
            }
        }
        if (names.isEmpty()) {
            throw new ModelInstallException("The model archive is empty.");
        }
    }

    static String sha256Of(Path file) throws IOException {
        MessageDigest sha = ModelFolders.sha256();
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                sha.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    static String notEnoughSpace(CatalogueModel m, long needed) {
        return String.format(
                java.util.Locale.ROOT,
                "Not enough disk space for %s: it needs about %d MB. Free some space and try again.",
                m.title(),
                Math.max(1, needed / 1_000_000));
    }
}
