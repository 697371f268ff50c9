package io.github.commgate.launch;

import io.github.commgate.comm.Backend;
import io.github.commgate.machine.HostAddresses;
import io.github.commgate.protocol.WorkerEnvironment;
import java.io.File;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The command line and environment of one worker, built in one pure place so that what a
 * worker receives can be read and tested without forking anything.
 */
public final class WorkerCommandLine {

    public static final String MAIN_CLASS = "io.github.commgate.worker.WorkerMain";

    private WorkerCommandLine() {
    }

    /**
     * {@code java [--add-modules=ALL-SYSTEM] <class data sharing> <user jvmArgs> -XX:ErrorFile=...
     * -cp <classpath> WorkerMain}. The rank is named in a system property only so that {@code ps}
     * tells the workers apart; the token travels in the environment, where other users cannot
     * read it. {@code rank} is null under an engine, which starts the same command for every rank
     * (each hs_err file is then told apart by its pid alone) and maps no class data archive: its
     * ranks may run on nodes whose cache holds none.
     */
    public static List<String> command(LaunchSettings settings, Integer rank, Backend backend, ClassDataArchive classData) {
        List<String> command = new ArrayList<>();
        command.add(settings.javaExecutable().toString());
        if (backend == Backend.CPU) {
            // Resolves the incubating Vector API where this java has it, and starts anyway where it
            // does not (a jlink'd runtime); naming the module itself would fail there. Only the
            // cpu backend's sums use it; resolving every system module costs a cuda worker's start.
            command.add("--add-modules=ALL-SYSTEM");
        }
        if (rank != null) {
            command.addAll(classData.jvmArgs(rank));
        }
        command.addAll(settings.jvmArgs());
        if (rank != null) {
            command.add("-XX:ErrorFile=" + settings.logDirectory().resolve("hs_err_rank-" + rank + "_pid%p.log"));
            command.add("-Dcommgate.rank=" + rank);
        } else {
            command.add("-XX:ErrorFile=" + settings.logDirectory().resolve("hs_err_pid%p.log"));
        }
        command.add("-cp");
        command.add(settings.classpath().stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        command.add(MAIN_CLASS);
        return command;
    }

    /** The variables a worker needs to join the run, added to the user's own. */
    public static Map<String, String> environment(LaunchSettings settings, InetSocketAddress coordinator,
                                                  String token, int rank, int worldSize, Path scratchDirectory,
                                                  Backend backend) {
        Map<String, String> environment = shared(settings, coordinator, token, worldSize, scratchDirectory, backend);
        environment.put(WorkerEnvironment.RANK, Integer.toString(rank));
        // One node: the local rank is the rank, and it picks the GPU.
        environment.put(WorkerEnvironment.LOCAL_RANK, Integer.toString(rank));
        // NCCL writes its debug output to stdout unless told otherwise; give each rank its own file.
        environment.putIfAbsent("NCCL_DEBUG_FILE", settings.logDirectory().resolve("nccl-rank-" + rank + ".%h.%p.log").toString());
        return environment;
    }

    /**
     * What every rank of an engine's run receives alike (the engine adds each rank's place); the
     * engine passes it on from its own environment, where commgate puts it.
     */
    static Map<String, String> engineEnvironment(LaunchSettings settings, InetSocketAddress coordinator,
                                                 String token, int worldSize, Path scratchDirectory, Backend backend) {
        Map<String, String> environment = shared(settings, coordinator, token, worldSize, scratchDirectory, backend);
        environment.put(WorkerEnvironment.LAUNCHER, settings.launch().launcher().label());
        environment.putIfAbsent("NCCL_DEBUG_FILE", settings.logDirectory().resolve("nccl.%h.%p.log").toString());
        return environment;
    }

    private static Map<String, String> shared(LaunchSettings settings, InetSocketAddress coordinator, String token,
                                              int worldSize, Path scratchDirectory, Backend backend) {
        Map<String, String> environment = new HashMap<>(settings.environment());
        environment.put(WorkerEnvironment.COORDINATOR, HostAddresses.text(coordinator.getAddress()) + ":" + coordinator.getPort());
        environment.put(WorkerEnvironment.TOKEN, token);
        environment.put(WorkerEnvironment.WORLD_SIZE, Integer.toString(worldSize));
        environment.put(WorkerEnvironment.SCRATCH_DIRECTORY, scratchDirectory.toString());
        environment.put(WorkerEnvironment.BACKEND, backend.label());
        // CUDA_MODULE_LOADING is left to CUDA (lazy since 12.2) or the user: our kernels are loaded
        // by cuFuncLoad before any launch (KernelLibrary), and EAGER would load every kernel of
        // NCCL and the CUDA libraries while the context is created, start-up time PyTorch does
        // not pay. A user's CUDA_MODULE_LOADING=EAGER in Maven's environment reaches the workers.
        return environment;
    }
}
