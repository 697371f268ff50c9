package io.github.commgate.worker;

import io.github.commgate.files.FileTrees;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The run's scratch directory on this worker's node. The launcher makes it on the Maven host and
 * removes it whatever happens there; an engine may place every rank on another node (a host file
 * that leaves out the Maven host), where the node's first rank makes the same directory before it
 * joins, and removes it when it exits, so a one-node run there works as on the Maven host and
 * leaves nothing behind.
 */
final class NodeScratch {

    /** The directory this worker made, removed on its way out; null where the launcher made it. */
    private static volatile Path made;

    private NodeScratch() {
    }

    /** {@code path}, made here by the node's first rank if this node lacks it. */
    static Path ensure(Path path, boolean firstRankOnNode) throws IOException {
        if (Files.isDirectory(path) || !firstRankOnNode) {
            return path;
        }
        Files.createDirectories(path.getParent());
        try {
            Files.createDirectory(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (FileAlreadyExistsException raced) {
            return path;
        }
        made = path;
        Runtime.getRuntime().addShutdownHook(new Thread(NodeScratch::removeIfMade, "commgate-node-scratch"));
        return path;
    }

    /** Removes the directory if this worker made it; also called before a halt, which runs no shutdown hook. */
    static void removeIfMade() {
        Path path = made;
        if (path == null) {
            return;
        }
        // The hook and a halt may both get here; a tree removed already is no error.
        try {
            FileTrees.remove(path);
        } catch (IOException e) {
            System.err.println("commgate worker: could not remove " + path + ": " + e.getMessage());
        }
    }
}
