package io.github.commgate.plan;

import io.github.commgate.comm.Backend;
import io.github.commgate.comm.BackendRegistry;
import io.github.commgate.comm.CommunicatorDeclaration;
import io.github.commgate.comm.cpu.SharedMemoryCommunicators;
import io.github.commgate.comm.cuda.CudaCommunicators;
import java.util.List;

/**
 * Every backend's registry, the one list that validation, the workers and the reports read.
 * Reading it loads no native code: the registries declare their communicators as data.
 */
public final class CommunicatorCatalog {

    private static final List<BackendRegistry> REGISTRIES = List.of(SharedMemoryCommunicators.REGISTRY,
            CudaCommunicators.REGISTRY);

    private CommunicatorCatalog() {
    }

    /** @throws IllegalArgumentException for {@link Backend#AUTO}, which a plan resolves first */
    public static BackendRegistry registry(Backend backend) {
        return REGISTRIES.stream().filter(r -> r.backend() == backend).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no registry for backend " + backend + "; resolve it first"));
    }

    public static List<String> names(Backend backend) {
        return registry(backend).names();
    }

    /** What runs when the user selects nothing. */
    public static List<String> defaults(Backend backend) {
        return registry(backend).communicators().stream().filter(CommunicatorDeclaration::onByDefault)
                .map(CommunicatorDeclaration::name).toList();
    }

    public static CommunicatorDeclaration declaration(Backend backend, String name) {
        return registry(backend).declaration(name);
    }

    /** The communicator that speedups are measured against: NCCL on GPUs, the first otherwise. */
    public static String reference(List<String> communicators) {
        return communicators.contains("nccl") ? "nccl" : communicators.get(0);
    }
}
