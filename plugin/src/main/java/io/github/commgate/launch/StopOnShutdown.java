package io.github.commgate.launch;

import java.io.IOException;
import java.nio.file.Path;

/**
 * When Maven itself is stopped mid-run (Ctrl-C, SIGTERM), the JVM runs its shutdown hooks but
 * not the launcher's {@code finally} blocks; this hook does their work in their order: stop every
 * worker first (so that none writes into the directory while it goes), then remove the scratch
 * directory, before the JVM exits. Both steps may also run in the launcher, at the same time.
 */
final class StopOnShutdown implements AutoCloseable {

    private final Thread hook;
    private volatile boolean stopping;

    StopOnShutdown(WorkerProcesses workers, ScratchDirectory scratch) {
        this.hook = new Thread(() -> {
            stopping = true;
            workers.killAll();
            try {
                scratch.close();
                // Maven may be halted before it logs the launcher's error; this line always gets out.
                System.err.println("commgate: " + stoppedMessage(scratch.path()));
            } catch (IOException e) {
                System.err.println("commgate: could not remove " + scratch.path() + " while stopping: " + e.getMessage());
            }
        }, "commgate-stop-run");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    static String stoppedMessage(Path scratch) {
        return "the build was stopped (Ctrl-C or SIGTERM) while measuring; every rank was stopped and " + scratch + " removed";
    }

    /** True once the JVM is shutting down: the ranks' deaths that follow are the hook's doing. */
    boolean stopping() {
        return stopping;
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to; it does the same work as the launcher's closing.
        }
    }
}
