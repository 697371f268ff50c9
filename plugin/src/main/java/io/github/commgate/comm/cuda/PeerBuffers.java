package io.github.commgate.comm.cuda;

import static org.bytedeco.cuda.global.cudart.CUDA_IPC_HANDLE_SIZE;
import static org.bytedeco.cuda.global.cudart.cudaDeviceSynchronize;
import static org.bytedeco.cuda.global.cudart.cudaFree;
import static org.bytedeco.cuda.global.cudart.cudaIpcCloseMemHandle;
import static org.bytedeco.cuda.global.cudart.cudaIpcGetMemHandle;
import static org.bytedeco.cuda.global.cudart.cudaIpcMemLazyEnablePeerAccess;
import static org.bytedeco.cuda.global.cudart.cudaIpcOpenMemHandle;
import static org.bytedeco.cuda.global.cudart.cudaMalloc;
import static org.bytedeco.cuda.global.cudart.cudaMemset;

import io.github.commgate.comm.RankContext;
import java.io.IOException;
import java.util.List;
import org.bytedeco.cuda.cudart.cudaIpcMemHandle_t;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;

/**
 * One zeroed cudaMalloc buffer per rank, every one of them mapped into every rank through CUDA
 * IPC: each rank exports a 64-byte handle, the coordinator all-gathers them, and each rank opens
 * its peers'. {@link #peers()} is the struct of pointers (Peers) the kernels take by value.
 */
final class PeerBuffers implements AutoCloseable {

    /** What a buffer holds before any peer can see it, beyond zeros; applied to this rank's own buffer. */
    @FunctionalInterface
    interface Contents {
        Contents ZEROS = own -> { };

        void write(Pointer own) throws CudaException;
    }

    private final CudaCalls calls;
    private final Pointer own = new Pointer();
    private final Pointer[] all;
    private final BytePointer peers;

    PeerBuffers(CudaCalls calls, RankContext context, KernelAbi abi, long bytes, String what) throws IOException {
        this(calls, context, abi, bytes, what, Contents.ZEROS);
    }

    PeerBuffers(CudaCalls calls, RankContext context, KernelAbi abi, long bytes, String what, Contents contents) throws IOException {
        this.calls = calls;
        this.all = new Pointer[context.worldSize()];
        this.peers = new BytePointer(abi.peersBytes());
        calls.cuda(cudaMalloc(own, bytes), "cudaMalloc(" + what + ", " + bytes + " bytes)");
        calls.cuda(cudaMemset(own, 0, bytes), "cudaMemset(" + what + ")");
        contents.write(own);
        // note: flags, counters and sentinels must be in place on every rank before any peer's
        // kernel reads or writes them. A memset of device memory returns before it has run, so
        // wait for it here: only then does the all-gather below hand the handle to the peers.
        calls.cuda(cudaDeviceSynchronize(), "cudaDeviceSynchronize(after filling " + what + ")");
        cudaIpcMemHandle_t handle = new cudaIpcMemHandle_t();
        calls.cuda(cudaIpcGetMemHandle(handle, own), "cudaIpcGetMemHandle(" + what + ")");
        byte[] mine = new byte[CUDA_IPC_HANDLE_SIZE];
        handle.reserved().get(mine, 0, mine.length);
        List<byte[]> handles = context.rendezvous().allGather(mine);
        for (int rank = 0; rank < all.length; rank++) {
            if (rank == context.rank()) {
                all[rank] = own;
                continue;
            }
            cudaIpcMemHandle_t peer = new cudaIpcMemHandle_t();
            peer.reserved().put(handles.get(rank), 0, CUDA_IPC_HANDLE_SIZE);
            all[rank] = new Pointer();
            calls.cuda(cudaIpcOpenMemHandle(all[rank], peer, cudaIpcMemLazyEnablePeerAccess),
                    "cudaIpcOpenMemHandle(" + what + " of rank " + rank + ")");
        }
        for (int rank = 0; rank < abi.maxRanks(); rank++) {
            peers.putLong(rank * (long) Long.BYTES, rank < all.length ? all[rank].address() : 0L);
        }
    }

    Pointer own() {
        return own;
    }

    /** Host memory holding the by-value kernel argument; cuLaunchKernel copies it at launch (and capture). */
    BytePointer peers() {
        return peers;
    }

    @Override
    public void close() {
        for (Pointer pointer : all) {
            if (pointer != null && pointer != own && !pointer.isNull()) {
                cudaIpcCloseMemHandle(pointer);
            }
        }
        cudaFree(own);
        peers.close();
    }

    CudaCalls calls() {
        return calls;
    }
}
