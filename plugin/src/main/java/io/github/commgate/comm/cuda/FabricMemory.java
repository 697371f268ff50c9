package io.github.commgate.comm.cuda;

import static org.bytedeco.cuda.global.cudart.CU_MEM_ACCESS_FLAGS_PROT_READWRITE;
import static org.bytedeco.cuda.global.cudart.CU_MEM_ALLOCATION_TYPE_PINNED;
import static org.bytedeco.cuda.global.cudart.CU_MEM_ALLOC_GRANULARITY_RECOMMENDED;
import static org.bytedeco.cuda.global.cudart.CU_MEM_HANDLE_TYPE_FABRIC;
import static org.bytedeco.cuda.global.cudart.CU_MEM_LOCATION_TYPE_DEVICE;
import static org.bytedeco.cuda.global.cudart.cuMemAddressFree;
import static org.bytedeco.cuda.global.cudart.cuMemAddressReserve;
import static org.bytedeco.cuda.global.cudart.cuMemCreate;
import static org.bytedeco.cuda.global.cudart.cuMemExportToShareableHandle;
import static org.bytedeco.cuda.global.cudart.cuMemGetAllocationGranularity;
import static org.bytedeco.cuda.global.cudart.cuMemImportFromShareableHandle;
import static org.bytedeco.cuda.global.cudart.cuMemMap;
import static org.bytedeco.cuda.global.cudart.cuMemRelease;
import static org.bytedeco.cuda.global.cudart.cuMemSetAccess;
import static org.bytedeco.cuda.global.cudart.cuMemUnmap;
import static org.bytedeco.cuda.global.cudart.cuMemsetD8;
import static org.bytedeco.cuda.global.cudart.cudaDeviceSynchronize;

import io.github.commgate.comm.RankContext;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.bytedeco.cuda.cudart.CUmemAccessDesc_v1;
import org.bytedeco.cuda.cudart.CUmemAllocationProp_v1;
import org.bytedeco.cuda.cudart.CUmemFabricHandle_v1;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.SizeTPointer;

/**
 * Every rank's symmetric allocation, mapped into this process at a unicast address: this rank's
 * own from cuMemCreate, exported as a 64-byte fabric handle that the coordinator all-gathers (as
 * PeerBuffers does with CUDA IPC handles), and each peer's imported from its handle. The multicast
 * object binds this rank's physical allocation ({@link #ownHandle}); the unicast addresses carry
 * the copy-in, the copy-out and the kernels' signal areas. Where a rank cannot create or export
 * memory with a fabric handle (fabric handles can need an IMEX channel even on one node), every
 * rank learns it and {@link #problem} says so: the communicator skips instead of failing the run.
 */
final class FabricMemory implements AutoCloseable {

    private final CudaCalls calls;
    private final int rank;
    private final int device;
    private final long bytes;
    private final long alignment;
    private final long[] handles;
    private final long[] addresses;
    private final Optional<String> problem;

    FabricMemory(CudaCalls calls, RankContext context, int device, SymmetricLayout layout) throws IOException {
        this.calls = calls;
        this.rank = context.rank();
        this.device = device;
        this.bytes = layout.allocationBytes();
        this.alignment = layout.granularity();
        this.handles = new long[context.worldSize()];
        this.addresses = new long[context.worldSize()];
        byte[] mine;
        try {
            handles[rank] = create();
            mapAndZeroOwn();
            mine = export();
        } catch (FabricHandleException e) {
            mine = FabricHandleBlob.ofProblem("cannot share memory through fabric handles here (" + e.getMessage()
                    + "; fabric handles can need an IMEX channel, /dev/nvidia-caps-imex-channels)");
        }
        List<byte[]> exported = context.rendezvous().allGather(mine);
        this.problem = FabricHandleBlob.firstProblem(exported);
        if (problem.isPresent()) {
            close();
            return;
        }
        for (int peer = 0; peer < handles.length; peer++) {
            if (peer != rank) {
                handles[peer] = importFrom(FabricHandleBlob.handle(exported.get(peer)), "symmetric buffer of rank " + peer);
                addresses[peer] = map(handles[peer], "symmetric buffer of rank " + peer);
            }
        }
    }

    /** cuMemCreate's properties: pinned memory on {@code device}, exportable as a fabric handle. */
    static CUmemAllocationProp_v1 fabricProperties(int device) {
        CUmemAllocationProp_v1 prop = new CUmemAllocationProp_v1();
        Pointer.memset(prop, 0, prop.sizeof());
        prop.type(CU_MEM_ALLOCATION_TYPE_PINNED);
        prop.requestedHandleTypes(CU_MEM_HANDLE_TYPE_FABRIC);
        prop.location().type(CU_MEM_LOCATION_TYPE_DEVICE).id(device);
        return prop;
    }

    /** The size step cuMemCreate recommends for such allocations. */
    static long allocationGranularity(CudaCalls calls, int device) throws CudaException {
        try (CUmemAllocationProp_v1 prop = fabricProperties(device); SizeTPointer granularity = new SizeTPointer(1)) {
            calls.driver(cuMemGetAllocationGranularity(granularity, prop, CU_MEM_ALLOC_GRANULARITY_RECOMMENDED),
                    "cuMemGetAllocationGranularity(FABRIC)");
            return granularity.get();
        }
    }

    /** Read-write access for {@code device}, for cuMemSetAccess. */
    static CUmemAccessDesc_v1 readWrite(int device) {
        CUmemAccessDesc_v1 access = new CUmemAccessDesc_v1();
        Pointer.memset(access, 0, access.sizeof());
        access.location().type(CU_MEM_LOCATION_TYPE_DEVICE).id(device);
        access.flags(CU_MEM_ACCESS_FLAGS_PROT_READWRITE);
        return access;
    }

    /**
     * A failure of the two calls that need fabric handles to work here: creating memory that
     * requests them, and exporting one. Every rank learns of it and skips; other failures fail the run.
     */
    private static final class FabricHandleException extends Exception {
        FabricHandleException(CudaException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private long create() throws FabricHandleException {
        try (CUmemAllocationProp_v1 prop = fabricProperties(device)) {
            long[] created = new long[1];
            calls.driver(cuMemCreate(created, bytes, prop, 0L), "cuMemCreate(FABRIC, " + bytes + " bytes)");
            return created[0];
        } catch (CudaException e) {
            throw new FabricHandleException(e);
        }
    }

    private void mapAndZeroOwn() throws CudaException {
        addresses[rank] = map(handles[rank], "own symmetric buffer");
        // note: the kernels' signal counters and flags must start at zero on every rank. The
        // memset is finished before the all-gather of handles, and peers write into this memory
        // only in kernels launched after later barriers.
        calls.driver(cuMemsetD8(addresses[rank], (byte) 0, bytes), "cuMemsetD8(own symmetric buffer)");
        calls.cuda(cudaDeviceSynchronize(), "cudaDeviceSynchronize(after zeroing)");
    }

    private byte[] export() throws FabricHandleException {
        try (CUmemFabricHandle_v1 fabric = new CUmemFabricHandle_v1()) {
            calls.driver(cuMemExportToShareableHandle(fabric, handles[rank], CU_MEM_HANDLE_TYPE_FABRIC, 0L),
                    "cuMemExportToShareableHandle(FABRIC)");
            byte[] handle = new byte[FabricHandleBlob.HANDLE_BYTES];
            fabric.data().get(handle, 0, handle.length);
            return FabricHandleBlob.ofHandle(handle);
        } catch (CudaException e) {
            throw new FabricHandleException(e);
        }
    }

    private long importFrom(byte[] handle, String what) throws CudaException {
        try (CUmemFabricHandle_v1 fabric = new CUmemFabricHandle_v1()) {
            fabric.data().put(handle, 0, handle.length);
            long[] imported = new long[1];
            calls.driver(cuMemImportFromShareableHandle(imported, fabric, CU_MEM_HANDLE_TYPE_FABRIC),
                    "cuMemImportFromShareableHandle(" + what + ")");
            return imported[0];
        }
    }

    private long map(long handle, String what) throws CudaException {
        long[] address = new long[1];
        calls.driver(cuMemAddressReserve(address, bytes, alignment, 0L, 0L), "cuMemAddressReserve(" + what + ")");
        calls.driver(cuMemMap(address[0], bytes, 0L, handle, 0L), "cuMemMap(" + what + ")");
        try (CUmemAccessDesc_v1 access = readWrite(device)) {
            calls.driver(cuMemSetAccess(address[0], bytes, access, 1L), "cuMemSetAccess(" + what + ")");
        }
        return address[0];
    }

    /** Why the ranks cannot share their memory here (the same on every rank), or empty. */
    Optional<String> problem() {
        return problem;
    }

    /** This rank's physical allocation, to bind to the multicast object. */
    long ownHandle() {
        return handles[rank];
    }

    /** Where {@code peer}'s allocation is mapped in this process (this rank's own for peer == rank). */
    long address(int peer) {
        return addresses[peer];
    }

    long bytes() {
        return bytes;
    }

    /** The granularity the allocations were sized by, which the multicast mapping is aligned to as well. */
    long alignment() {
        return alignment;
    }

    /** Unmaps and releases in the reverse order of creation: the peers' (last first), then this rank's own. */
    @Override
    public void close() {
        for (int peer = handles.length - 1; peer >= 0; peer--) {
            if (peer != rank) {
                unmapAndRelease(peer);
            }
        }
        unmapAndRelease(rank);
    }

    private void unmapAndRelease(int peer) {
        if (addresses[peer] != 0) {
            cuMemUnmap(addresses[peer], bytes);
            cuMemAddressFree(addresses[peer], bytes);
            addresses[peer] = 0;
        }
        if (handles[peer] != 0) {
            cuMemRelease(handles[peer]);
            handles[peer] = 0;
        }
    }
}
