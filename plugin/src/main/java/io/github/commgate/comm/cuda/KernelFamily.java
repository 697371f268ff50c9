package io.github.commgate.comm.cuda;

import io.github.commgate.comm.DType;
import java.util.Arrays;
import java.util.List;

/**
 * One algorithm of our fatbin, instantiated for every dtype and world size:
 * {@code commgate_<algorithm>_<dtype>_<ranks>}, as native/src/main/cuda/allreduce.cu defines them.
 * Each kernel communicator declares its family once, as a {@code static final} field of its
 * class; a unit test finds those fields and checks that the fatbin holds every kernel they name.
 */
record KernelFamily(String algorithm) {

    /** The rank counts every algorithm is instantiated for, as vLLM's custom all-reduce. */
    static final List<Integer> WORLD_SIZES = List.of(2, 4, 6, 8);

    String kernel(DType dtype, int ranks) {
        return "commgate_" + algorithm + "_" + dtype.label() + "_" + ranks;
    }

    /** The kernels of one world size, one per dtype. */
    List<String> kernels(int ranks) {
        return Arrays.stream(DType.values()).map(dtype -> kernel(dtype, ranks)).toList();
    }

    /** Every kernel of the family. */
    List<String> kernels() {
        return WORLD_SIZES.stream().flatMap(ranks -> kernels(ranks).stream()).toList();
    }
}
