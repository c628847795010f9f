package dev.candor.ai.models;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How many bytes may still be written under a folder. The file store's usable space in the app; a
 * small quota in tests, so "disk full" can be tested without filling a disk.
 */
@FunctionalInterface
public interface StorageSpace {
    long usableBytes(Path dir) throws IOException;

    /** The real free space of the file store holding {@code dir}. */
    static StorageSpace fileStore() {
        return dir -> Files.getFileStore(dir).getUsableSpace();
    }
}
