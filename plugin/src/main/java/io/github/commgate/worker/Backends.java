package io.github.commgate.worker;

import io.github.commgate.comm.Backend;
import io.github.commgate.comm.Communicator;
import io.github.commgate.comm.RankContext;
import io.github.commgate.comm.cpu.SharedMemoryCommunicators;
import java.io.IOException;

/** Opens a communicator of a backend by name; the only place that knows every backend's factory. */
final class Backends {

    private Backends() {
    }

    static Communicator open(Backend backend, String name, RankContext context) throws IOException {
        return switch (backend) {
            case CPU -> SharedMemoryCommunicators.open(name, context);
            case CUDA, AUTO -> throw new IOException("backend " + backend + " cannot run in a worker of this version");
        };
    }
}
