package io.github.commgate.comm.cuda;

import io.github.commgate.comm.PhaseTimes;
import io.github.commgate.comm.RankContext;
import io.github.commgate.comm.WorkerPhase;
import io.github.commgate.machine.MachineFacts;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the GPU communicators of one worker share: the device with its stream, and one NCCL
 * communicator created on first use. A worker is one rank, so there is one per process; it is
 * released when the last communicator using it closes.
 */
final class CudaRank {

    private static CudaRank current;

    private final RankContext context;
    private final CudaDevice device;
    private NcclSession nccl;
    private int users;

    private CudaRank(RankContext context) throws CudaException {
        this.context = context;
        try (PhaseTimes.Span starting = context.phases().start(WorkerPhase.DEVICE)) {
            this.device = new CudaDevice(context.rank(), context.localRank());
        }
    }

    static synchronized CudaRank acquire(RankContext context) throws CudaException {
        if (current == null) {
            current = new CudaRank(context);
        }
        current.users++;
        return current;
    }

    synchronized void release() {
        if (--users == 0) {
            if (nccl != null) {
                nccl.close();
            }
            device.close();
            current = null;
        }
    }

    CudaDevice device() {
        return device;
    }

    /** The NCCL communicator over all ranks; every rank must ask for it in the same order. */
    synchronized NcclSession nccl() throws IOException {
        if (nccl == null) {
            try (PhaseTimes.Span starting = context.phases().start(WorkerPhase.NCCL)) {
                nccl = new NcclSession(device.calls(), context);
            }
        }
        return nccl;
    }

    /** GPU model and count, driver and runtime, NCCL version: what the reports name. */
    Map<String, String> describe() throws IOException {
        Map<String, String> description = new LinkedHashMap<>(device.description());
        description.put(MachineFacts.NCCL_VERSION, NcclSession.versionText(NcclSession.version(device.calls())));
        return description;
    }
}
