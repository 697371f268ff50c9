package io.github.commgate.comm.cuda;

import static org.bytedeco.cuda.global.nccl.NCCL_UNIQUE_ID_BYTES;
import static org.bytedeco.cuda.global.nccl.ncclCommAbort;
import static org.bytedeco.cuda.global.nccl.ncclCommDestroy;
import static org.bytedeco.cuda.global.nccl.ncclCommGetAsyncError;
import static org.bytedeco.cuda.global.nccl.ncclCommInitRank;
import static org.bytedeco.cuda.global.nccl.ncclGetUniqueId;
import static org.bytedeco.cuda.global.nccl.ncclGetVersion;
import static org.bytedeco.cuda.global.nccl.ncclInProgress;
import static org.bytedeco.cuda.global.nccl.ncclSuccess;

import io.github.commgate.comm.RankContext;
import java.io.IOException;
import java.util.List;
import org.bytedeco.cuda.nccl.ncclComm;
import org.bytedeco.cuda.nccl.ncclUniqueId;

/**
 * One NCCL communicator over all ranks. Rank 0 makes the unique id (which starts NCCL's
 * bootstrap root inside rank 0's process) and the coordinator all-gathers its 128 bytes.
 */
final class NcclSession implements AutoCloseable {

    /** ncclCommWindowRegister with NCCL_WIN_COLL_SYMMETRIC arrived in NCCL 2.27. */
    static final int SYMMETRIC_WINDOWS_SINCE = 22700;

    private final CudaCalls calls;
    private final ncclComm comm = new ncclComm();
    private final int version;
    private boolean aborted;

    NcclSession(CudaCalls calls, RankContext context) throws IOException {
        this.calls = calls;
        this.version = version(calls);
        byte[] mine = new byte[0];
        if (context.rank() == 0) {
            ncclUniqueId id = new ncclUniqueId();
            calls.nccl(ncclGetUniqueId(id), "ncclGetUniqueId", null);
            mine = new byte[NCCL_UNIQUE_ID_BYTES];
            id.internal().get(mine, 0, mine.length);
        }
        List<byte[]> all = context.rendezvous().allGather(mine);
        ncclUniqueId id = new ncclUniqueId();
        id.internal().put(all.get(0), 0, NCCL_UNIQUE_ID_BYTES);
        calls.nccl(ncclCommInitRank(comm, context.worldSize(), id, context.rank()),
                String.format("ncclCommInitRank(%d ranks, rank %d)", context.worldSize(), context.rank()), null);
    }

    static int version(CudaCalls calls) throws CudaException {
        int[] code = new int[1];
        calls.nccl(ncclGetVersion(code), "ncclGetVersion", null);
        return code[0];
    }

    /** NCCL encodes 2.28.3 as 22803 since 2.9. */
    static String versionText(int code) {
        return (code / 10000) + "." + (code % 10000) / 100 + "." + code % 100;
    }

    int version() {
        return version;
    }

    ncclComm comm() {
        return comm;
    }

    /**
     * Raises an error that NCCL hit asynchronously (a peer vanished, a network error). The
     * communicator is aborted first, since its kernels may otherwise wait forever.
     */
    void checkAsyncErrors() throws CudaException {
        int[] state = new int[1];
        calls.nccl(ncclCommGetAsyncError(comm, state), "ncclCommGetAsyncError", comm);
        if (state[0] != ncclSuccess && state[0] != ncclInProgress) {
            aborted = true;
            ncclCommAbort(comm);
            calls.nccl(state[0], "an asynchronous NCCL operation", null);
        }
    }

    @Override
    public void close() {
        if (!aborted) {
            ncclCommDestroy(comm);
        }
    }
}
