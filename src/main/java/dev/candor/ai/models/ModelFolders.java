package dev.candor.ai.models;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * File operations every model install shares: an install is built in a temporary folder and moved
 * into place in one step, so nothing half-installed is ever seen under a model's name.
 */
public final class ModelFolders {
    private ModelFolders() {}

    /** Deletes a file or folder tree if present. */
    public static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * Moves a completed temporary folder to its final name atomically. If another process installed
     * the same model meanwhile, theirs is kept and the temporary folder is left for the caller to
     * delete.
     */
    public static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            // Someone else finished first; both copies were verified, keep theirs.
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the models folder does not support atomic moves: " + target.getParent(), e);
        }
    }

    /** A fresh SHA-256 digest. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** A sentence for a person about a failed file operation, starting with {@code what}. */
    public static String explain(String what, IOException e) {
        String detail = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (detail.contains("no space left") || detail.contains("disk full") || detail.contains("quota")) {
            return what + ": the disk is full. Free some space and try again.";
        }
        if (e instanceof NoSuchFileException) {
            return what + ": " + e.getMessage() + " does not exist.";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return what + ": " + fse.getReason() + " (" + fse.getFile() + ").";
        }
        return what + ": " + e.getMessage();
    }
}
