package io.github.commgate.comm.cuda;

import static org.bytedeco.cuda.global.cudart.CU_MEM_HANDLE_TYPE_FABRIC;
import static org.bytedeco.cuda.global.cudart.CU_MULTICAST_GRANULARITY_RECOMMENDED;
import static org.bytedeco.cuda.global.cudart.cuDeviceGet;
import static org.bytedeco.cuda.global.cudart.cuMemAddressFree;
import static org.bytedeco.cuda.global.cudart.cuMemAddressReserve;
import static org.bytedeco.cuda.global.cudart.cuMemExportToShareableHandle;
import static org.bytedeco.cuda.global.cudart.cuMemImportFromShareableHandle;
import static org.bytedeco.cuda.global.cudart.cuMemMap;
import static org.bytedeco.cuda.global.cudart.cuMemRelease;
import static org.bytedeco.cuda.global.cudart.cuMemSetAccess;
import static org.bytedeco.cuda.global.cudart.cuMemUnmap;
import static org.bytedeco.cuda.global.cudart.cuMulticastAddDevice;
import static org.bytedeco.cuda.global.cudart.cuMulticastBindMem;
import static org.bytedeco.cuda.global.cudart.cuMulticastCreate;
import static org.bytedeco.cuda.global.cudart.cuMulticastGetGranularity;
import static org.bytedeco.cuda.global.cudart.cuMulticastUnbind;

import io.github.commgate.comm.RankContext;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bytedeco.cuda.cudart.CUmemAccessDesc_v1;
import org.bytedeco.cuda.cudart.CUmemFabricHandle_v1;
import org.bytedeco.cuda.cudart.CUmulticastObjectProp_v1;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.SizeTPointer;

/**
 * The multicast object of {@code symm-multimem}, the only place in commgate that creates one. Rank 0
 * creates it (cuMulticastCreate) and exports it as a fabric handle that the other ranks import;
 * every rank adds its GPU, binds its symmetric allocation and maps the object at a multicast
 * address, where the kernels' multimem instructions reach every rank's allocation at once.
 * Creating one can take a shared host's GPUs out of service, so every entry point takes the
 * {@link MulticastGuard.Permit} that only passing every guard on every rank yields.
 */
final class MulticastObject implements AutoCloseable {

    private final CudaCalls calls;
    private final long bytes;
    private final int device;
    private long handle;
    private boolean bound;
    private long address;

    MulticastObject(MulticastGuard.Permit permit, CudaCalls calls, RankContext context, FabricMemory memory) throws IOException {
        Objects.requireNonNull(permit, "a multicast object needs MulticastGuard's permit");
        this.calls = calls;
        this.bytes = memory.bytes();
        int[] cuDevice = new int[1];
        calls.driver(cuDeviceGet(cuDevice, permit.device()), "cuDeviceGet(" + permit.device() + ")");
        this.device = cuDevice[0];
        this.handle = createOrImport(permit, context);
        calls.driver(cuMulticastAddDevice(handle, device), "cuMulticastAddDevice(GPU " + permit.device() + ")");
        // note: every device must join before memory is bound or the object is mapped (the driver
        // blocks a bind until then); meeting first bounds that wait by the run's timeout.
        context.rendezvous().barrier();
        calls.driver(cuMulticastBindMem(handle, 0L, memory.ownHandle(), 0L, bytes, 0L), "cuMulticastBindMem(" + bytes + " bytes)");
        bound = true;
        long[] reserved = new long[1];
        calls.driver(cuMemAddressReserve(reserved, bytes, memory.alignment(), 0L, 0L), "cuMemAddressReserve(multicast)");
        address = reserved[0];
        calls.driver(cuMemMap(address, bytes, 0L, handle, 0L), "cuMemMap(multicast)");
        try (CUmemAccessDesc_v1 access = FabricMemory.readWrite(permit.device())) {
            calls.driver(cuMemSetAccess(address, bytes, access, 1L), "cuMemSetAccess(multicast)");
        }
        // note: a multimem access reaches every rank's allocation, so none may be issued before
        // every rank has bound its memory.
        context.rendezvous().barrier();
    }

    /** The size step of multicast objects for the permitted world, for the symmetric allocations. */
    static long granularity(MulticastGuard.Permit permit, CudaCalls calls, long bytes) throws CudaException {
        Objects.requireNonNull(permit, "multicast queries need MulticastGuard's permit");
        try (CUmulticastObjectProp_v1 prop = properties(permit.worldSize(), bytes); SizeTPointer granularity = new SizeTPointer(1)) {
            // NCCL sizes its NVLS buffers by the recommended granularity too.
            calls.driver(cuMulticastGetGranularity(granularity, prop, CU_MULTICAST_GRANULARITY_RECOMMENDED),
                    "cuMulticastGetGranularity(RECOMMENDED)");
            return granularity.get();
        }
    }

    private static CUmulticastObjectProp_v1 properties(int devices, long bytes) {
        CUmulticastObjectProp_v1 prop = new CUmulticastObjectProp_v1();
        Pointer.memset(prop, 0, prop.sizeof());
        prop.numDevices(devices);
        prop.size(bytes);
        prop.handleTypes(CU_MEM_HANDLE_TYPE_FABRIC);
        return prop;
    }

    /** Rank 0 creates and exports; the others import. A failed export fails every rank, with rank 0's words. */
    private long createOrImport(MulticastGuard.Permit permit, RankContext context) throws IOException {
        long created = 0;
        byte[] mine = new byte[0];
        if (context.rank() == 0) {
            try (CUmulticastObjectProp_v1 prop = properties(permit.worldSize(), bytes)) {
                long[] multicast = new long[1];
                calls.driver(cuMulticastCreate(multicast, prop), "cuMulticastCreate(" + permit.worldSize() + " GPUs, " + bytes + " bytes)");
                created = multicast[0];
            }
            mine = export(created);
        }
        byte[] fromRankZero = context.rendezvous().allGather(mine).get(0);
        Optional<String> problem = FabricHandleBlob.firstProblem(List.of(fromRankZero));
        if (problem.isPresent()) {
            if (created != 0) {
                cuMemRelease(created);
            }
            throw new CudaException("rank 0 could not share the multicast object: " + problem.get());
        }
        if (context.rank() == 0) {
            return created;
        }
        try (CUmemFabricHandle_v1 fabric = new CUmemFabricHandle_v1()) {
            byte[] handleBytes = FabricHandleBlob.handle(fromRankZero);
            fabric.data().put(handleBytes, 0, handleBytes.length);
            long[] imported = new long[1];
            calls.driver(cuMemImportFromShareableHandle(imported, fabric, CU_MEM_HANDLE_TYPE_FABRIC),
                    "cuMemImportFromShareableHandle(multicast object of rank 0)");
            return imported[0];
        }
    }

    private byte[] export(long multicast) {
        try (CUmemFabricHandle_v1 fabric = new CUmemFabricHandle_v1()) {
            calls.driver(cuMemExportToShareableHandle(fabric, multicast, CU_MEM_HANDLE_TYPE_FABRIC, 0L),
                    "cuMemExportToShareableHandle(multicast, FABRIC)");
            byte[] handleBytes = new byte[FabricHandleBlob.HANDLE_BYTES];
            fabric.data().get(handleBytes, 0, handleBytes.length);
            return FabricHandleBlob.ofHandle(handleBytes);
        } catch (CudaException e) {
            return FabricHandleBlob.ofProblem(e.getMessage());
        }
    }

    /** The multicast address of byte 0 of every rank's symmetric allocation. */
    long address() {
        return address;
    }

    /** Undoes the constructor in reverse: unmap, free the addresses, unbind, release the handle. */
    @Override
    public void close() {
        if (address != 0) {
            cuMemUnmap(address, bytes);
            cuMemAddressFree(address, bytes);
            address = 0;
        }
        if (bound) {
            cuMulticastUnbind(handle, device, 0L, bytes);
            bound = false;
        }
        if (handle != 0) {
            cuMemRelease(handle);
            handle = 0;
        }
    }
}
