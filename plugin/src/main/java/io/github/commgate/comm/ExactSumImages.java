package io.github.commgate.comm;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A rank's exact-sum inputs and the exact sums of all ranks, as the bits of one dtype, computed
 * once for the run's largest point: every smaller point's inputs and sums are a prefix of them
 * ({@link ExactSumPattern} depends only on rank and index). Points then write their inputs with
 * one copy and check their output with one comparison of memory, instead of hashing every
 * element again per point and communicator; only an output that differs is compared element by
 * element, to count and describe the mismatches.
 *
 * <p>The images are computed on every core, in the background from the moment the worker has
 * its plan, while the libraries load and the communicators open. The bits are little-endian, as
 * GPUs and the hosts commgate runs on store them.
 */
public final class ExactSumImages {

    /** One buffer holds each image; a point above this is handled element by element. */
    static final long MAX_IMAGE_BYTES = 1L << 30;
    /** Below this a thread of its own costs more than it saves. */
    private static final int MIN_ELEMENTS_PER_THREAD = 1 << 18;

    private final int rank;
    private final int worldSize;
    private final DType dtype;
    private final int elements;
    private final CompletableFuture<ByteBuffer[]> images;

    private ExactSumImages(int rank, int worldSize, DType dtype, long maxElements) {
        this.rank = rank;
        this.worldSize = worldSize;
        this.dtype = dtype;
        boolean summable = worldSize >= 1 && worldSize <= ExactSumPattern.MAX_WORLD_SIZE;
        this.elements = summable && maxElements * dtype.bytes() <= MAX_IMAGE_BYTES ? (int) maxElements : 0;
        this.images = CompletableFuture.supplyAsync(this::compute, runnable -> {
            Thread thread = new Thread(runnable, "commgate-exact-sums");
            thread.setDaemon(true);
            thread.start();
        });
    }

    /**
     * Starts computing the images of points of up to {@code maxElements} of {@code dtype} in the
     * background. Other points (another dtype, more elements, more ranks than the pattern sums
     * exactly) are served element by element.
     */
    public static ExactSumImages computeInBackground(int rank, int worldSize, DType dtype, long maxElements) {
        return new ExactSumImages(rank, worldSize, dtype, maxElements);
    }

    /** On every core, each thread a contiguous range: long loops that the JIT compiles early. */
    private ByteBuffer[] compute() {
        ByteBuffer input = ByteBuffer.allocateDirect(elements * dtype.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer expected = ByteBuffer.allocateDirect(elements * dtype.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        int threads = (int) Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), elements / MIN_ELEMENTS_PER_THREAD));
        Thread[] helpers = new Thread[threads - 1];
        for (int t = 0; t < threads; t++) {
            int from = (int) ((long) elements * t / threads);
            int to = (int) ((long) elements * (t + 1) / threads);
            if (t == threads - 1) {
                fill(input, expected, from, to);
            } else {
                helpers[t] = new Thread(() -> fill(input, expected, from, to), "commgate-exact-sums-" + t);
                helpers[t].setDaemon(true);
                helpers[t].start();
            }
        }
        for (Thread helper : helpers) {
            try {
                helper.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while computing the exact sums", e);
            }
        }
        return new ByteBuffer[] {input, expected};
    }

    private void fill(ByteBuffer input, ByteBuffer expected, int from, int to) {
        for (int i = from; i < to; i++) {
            put(input, dtype, i, ExactSumPattern.inputBits(rank, i, dtype));
            put(expected, dtype, i, ExactSumPattern.expectedBits(worldSize, i, dtype));
        }
    }

    /** Whether {@code point}'s inputs and sums are a prefix of the images: its dtype, and no more elements. */
    public boolean covers(AllReducePoint point) {
        return point.dtype() == dtype && point.elementCount() <= elements;
    }

    /**
     * This rank's inputs of {@code point}, read-only, little-endian, position 0; waits for the
     * images. Only where {@link #covers} is true.
     */
    public ByteBuffer inputs(AllReducePoint point) {
        return slice(images()[0], point.elementCount());
    }

    /** Writes this rank's inputs of {@code point} into {@code target} from byte {@code offset}. */
    public void writeInputs(ByteBuffer target, int offset, AllReducePoint point) {
        if (covers(point)) {
            target.put(offset, inputs(point), 0, (int) point.bytes());
            return;
        }
        ByteBuffer view = target.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int first = offset / point.dtype().bytes();
        for (int i = 0; i < point.elementCount(); i++) {
            put(view, point.dtype(), first + i, ExactSumPattern.inputBits(rank, i, point.dtype()));
        }
    }

    /** Compares {@code point}'s output in {@code actual} from byte {@code offset} with the exact sums, bit for bit. */
    public Correctness check(ByteBuffer actual, int offset, AllReducePoint point) {
        ByteBuffer output = actual.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        if (covers(point) && output.slice(offset, (int) point.bytes()).mismatch(slice(images()[1], point.elementCount())) < 0) {
            return Correctness.exact();
        }
        ExactSumCheck check = new ExactSumCheck(worldSize, point.dtype());
        int first = offset / point.dtype().bytes();
        for (int i = 0; i < point.elementCount(); i++) {
            check.compare(i, get(output, point.dtype(), first + i));
        }
        return check.result();
    }

    private ByteBuffer slice(ByteBuffer image, long count) {
        return image.slice(0, (int) count * dtype.bytes()).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    private ByteBuffer[] images() {
        try {
            return images.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while computing the exact sums", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("computing the exact sums failed: " + e.getCause(), e.getCause());
        }
    }

    private static void put(ByteBuffer buffer, DType dtype, int index, int bits) {
        if (dtype.bytes() == 2) {
            buffer.putShort(index * 2, (short) bits);
        } else {
            buffer.putInt(index * 4, bits);
        }
    }

    private static int get(ByteBuffer buffer, DType dtype, int index) {
        return dtype.bytes() == 2 ? buffer.getShort(index * 2) & 0xFFFF : buffer.getInt(index * 4);
    }
}
