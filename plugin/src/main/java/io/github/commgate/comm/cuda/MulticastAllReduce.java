package io.github.commgate.comm.cuda;

import static org.bytedeco.cuda.global.cudart.CU_DEVICE_ATTRIBUTE_MULTICAST_SUPPORTED;
import static org.bytedeco.cuda.global.cudart.cuDeviceGetAttribute;

import io.github.commgate.comm.AllReducePoint;
import io.github.commgate.comm.Communicator;
import io.github.commgate.comm.PointMeasurement;
import java.io.IOException;
import java.util.Optional;

/** {@code symm-multimem}: reports why it does not run (see {@link MulticastGuard}); it never touches multicast. */
final class MulticastAllReduce implements Communicator {

    private final CudaRank rank;
    private final String reason;

    MulticastAllReduce(CudaRank rank) throws CudaException {
        this.rank = rank;
        int[] supported = new int[1];
        // A read-only attribute query: it creates nothing.
        rank.device().calls().driver(cuDeviceGetAttribute(supported, CU_DEVICE_ATTRIBUTE_MULTICAST_SUPPORTED, rank.device().ordinal()),
                "cuDeviceGetAttribute(MULTICAST_SUPPORTED)");
        this.reason = MulticastGuard.reason(System.getenv(), supported[0] != 0).orElseThrow();
    }

    @Override
    public String name() {
        return "symm-multimem";
    }

    @Override
    public Optional<String> skipReason(AllReducePoint point) {
        return Optional.of(reason);
    }

    @Override
    public PointMeasurement measure(AllReducePoint point) throws IOException {
        throw new IllegalStateException("symm-multimem never measures: " + reason);
    }

    @Override
    public void close() {
        rank.release();
    }
}
