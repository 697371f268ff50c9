package io.github.commgate.launch;

import java.io.IOException;

/**
 * When Maven itself is stopped mid-run (Ctrl-C, SIGTERM), the JVM runs its shutdown hooks but
 * not the launcher's {@code finally} blocks; this hook does their work in their order: stop every
 * worker first (so that none writes into the directory while it goes), then remove the scratch
 * directory, before the JVM exits. Both steps may also run in the launcher, at the same time.
 */
final class StopOnShutdown implements AutoCloseable {

    private final Thread hook;

    StopOnShutdown(WorkerProcesses workers, ScratchDirectory scratch) {
        this.hook = new Thread(() -> {
            workers.killAll();
            try {
                scratch.close();
            } catch (IOException e) {
                System.err.println("commgate: could not remove " + scratch.path() + " while stopping: " + e.getMessage());
            }
        }, "commgate-stop-run");
        Runtime.getRuntime().addShutdownHook(hook);
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
