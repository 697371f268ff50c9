package io.github.commgate.comm.cuda;

import java.util.Map;
import java.util.Optional;

/**
 * Why {@code symm-multimem} (NVLink SHARP through a multicast object) does not run. A program
 * that creates multicast objects can take every GPU of a shared host out of service, so the
 * communicator runs only where the user selected it by name, neither NCCL_NVLS_ENABLE=0 nor
 * TORCH_SYMM_MEM_DISABLE_MULTICAST=1 is set, and the device reports multicast support. This
 * build has no multimem kernels, so it skips even then; nothing in commgate calls
 * cuMulticastCreate. Pure Java, so the guards are tested without a GPU.
 */
final class MulticastGuard {

    private MulticastGuard() {
    }

    static Optional<String> reason(Map<String, String> environment, boolean deviceSupportsMulticast) {
        if ("0".equals(environment.get("NCCL_NVLS_ENABLE"))) {
            return Optional.of("multicast is disabled here (NCCL_NVLS_ENABLE=0)");
        }
        if ("1".equals(environment.get("TORCH_SYMM_MEM_DISABLE_MULTICAST"))) {
            return Optional.of("multicast is disabled here (TORCH_SYMM_MEM_DISABLE_MULTICAST=1)");
        }
        if (!deviceSupportsMulticast) {
            return Optional.of("the GPU does not support multicast (CU_DEVICE_ATTRIBUTE_MULTICAST_SUPPORTED is 0)");
        }
        return Optional.of("multimem kernels are not part of this build of commgate");
    }
}
