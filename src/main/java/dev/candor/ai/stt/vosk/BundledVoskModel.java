package dev.candor.ai.stt.vosk;

import dev.candor.ai.SpeechToTextException;
import dev.candor.ai.models.ModelFolders;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The small US-English Vosk model that ships inside the app (the Maven artifact
 * {@code com.alphacephei:vosk-model-en:0.3.45}, copied onto the class path at build time). Vosk needs
 * a folder, so on first use the archive is unpacked into {@code <data-dir>/models/} while its SHA-256
 * is checked; only a complete, verified folder is ever moved into place.
 */
public final class BundledVoskModel {
    private static final Logger LOG = LoggerFactory.getLogger(BundledVoskModel.class);

    /** Folder name of the installed model. */
    public static final String NAME = "vosk-model-small-en-us-0.15";
    /** Class-path resource (next to this class) holding the Android archive with the model. */
    static final String RESOURCE = "vosk-model-en-0.3.45.aar";
    /** SHA-256 of vosk-model-en-0.3.45.aar as published on Maven Central. */
    static final String SHA256 = "8a5792fccaf873b4745dbd1b3fe19d8a77a15898e806674020eea820424771cd";

    private static final String PREFIX = "assets/model-en-us/";
    private static final String MARKER = ".candor-installed";

    /** Where the archive comes from: the class path in the app, anything in tests. */
    public interface Source {
        InputStream open() throws IOException;
    }

    private final Path modelsDir;
    private final Source source;
    private final String expectedSha256;

    public BundledVoskModel(Path modelsDir, Source source, String expectedSha256) {
        this.modelsDir = modelsDir;
        this.source = source;
        this.expectedSha256 = expectedSha256;
    }

    /** The model shipped on the class path, installed under {@code modelsDir}. */
    public static BundledVoskModel fromClassPath(Path modelsDir) {
        return new BundledVoskModel(
                modelsDir,
                () -> {
                    InputStream in = BundledVoskModel.class.getResourceAsStream(RESOURCE);
                    if (in == null) {
                        throw new IOException("resource " + RESOURCE + " is not on the class path");
                    }
                    return in;
                },
                SHA256);
    }

    /** Folder the model lives in once installed. */
    public Path folder() {
        return modelsDir.resolve(NAME);
    }

    /**
     * Returns the verified model folder, unpacking it first if it is missing or incomplete.
     *
     * @throws SpeechToTextException when the bundled archive is missing or damaged, or the disk is full
     */
    public Path install() {
        Path target = folder();
        if (isComplete(target)) {
            return target;
        }
        try {
            Files.createDirectories(modelsDir);
            if (Files.exists(target)) {
                LOG.warn("speech model folder {} is incomplete; unpacking it again", target);
                ModelFolders.deleteTree(target);
            }
            Path temp = Files.createTempDirectory(modelsDir, NAME + ".part-");
            try {
                unpack(temp);
                ModelFolders.moveIntoPlace(temp, target);
            } finally {
                ModelFolders.deleteTree(temp);
            }
            if (!isComplete(target)) {
                throw new SpeechToTextException("The built-in speech model could not be installed in " + target + ".");
            }
            LOG.info("built-in speech model unpacked into {}", target);
            return target;
        } catch (IOException e) {
            throw new SpeechToTextException(
                    ModelFolders.explain("The built-in speech model could not be unpacked", e), e);
        }
    }

    private void unpack(Path temp) throws IOException {
        MessageDigest sha = ModelFolders.sha256();
        List<String> listing = new ArrayList<>();
        try (InputStream raw = source.open();
                DigestInputStream digesting = new DigestInputStream(raw, sha);
                ZipInputStream zip = new ZipInputStream(digesting)) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                if (e.isDirectory() || !e.getName().startsWith(PREFIX)) {
                    continue;
                }
                String rel = e.getName().substring(PREFIX.length());
                Path out = temp.resolve(rel).normalize();
                if (!out.startsWith(temp)) {
                    throw new IOException("archive entry escapes the model folder: " + e.getName());
                }
                Files.createDirectories(out.getParent());
                long size;
                try (OutputStream o = Files.newOutputStream(out)) {
                    size = zip.transferTo(o);
                }
                listing.add(rel + "\t" + size);
            }
            digesting.transferTo(OutputStream.nullOutputStream()); // hash the central directory too
        }
        String actual = HexFormat.of().formatHex(sha.digest());
        if (!actual.equalsIgnoreCase(expectedSha256)) {
            throw new SpeechToTextException(
                    "The built-in speech model is damaged (checksum mismatch); reinstall Candor.");
        }
        if (listing.isEmpty()) {
            throw new SpeechToTextException("The built-in speech model archive holds no model.");
        }
        listing.add(0, "sha256\t" + actual);
        Files.write(temp.resolve(MARKER), listing, StandardCharsets.UTF_8);
    }

    /** Cheap check on every start: the marker written last exists and every file has its size. */
    static boolean isComplete(Path folder) {
        Path marker = folder.resolve(MARKER);
        if (!Files.isRegularFile(marker)) {
            return false;
        }
        try {
            for (String line : Files.readAllLines(marker, StandardCharsets.UTF_8)) {
                String[] parts = line.split("\t");
                if (parts.length != 2 || parts[0].equals("sha256")) {
                    continue;
                }
                Path f = folder.resolve(parts[0]);
                if (!Files.isRegularFile(f) || Files.size(f) != Long.parseLong(parts[1])) {
                    return false;
                }
            }
            return true;
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }
}
