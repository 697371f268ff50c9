import io.github.commgate.comm.AllReducePoint;
import io.github.commgate.comm.Correctness;
import io.github.commgate.comm.DType;
import io.github.commgate.comm.ExactSumCheck;
import io.github.commgate.comm.ExactSumImages;
import io.github.commgate.comm.ExactSumPattern;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * What a point's inputs and check cost a worker, before and after the exact-sum images: element
 * by element (ExactSumPattern per element, as every point did) against the images (computed once
 * per run on every core, then one copy and one comparison of memory per point). Checks the two
 * agree on the same output.
 *
 *   java -cp plugin/target/classes bench/ExactSumProbe.java [world size] [MiB...]
 */
public final class ExactSumProbe {

    public static void main(String[] args) {
        int worldSize = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int[] mebibytes = {2, 8, 32, 128};
        if (args.length > 1) {
            mebibytes = java.util.Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray();
        }
        int largest = java.util.Arrays.stream(mebibytes).max().orElse(2);
        for (int round = 0; round < 2; round++) {
            System.out.printf("round %d (%s), world size %d, %d cores%n", round, round == 0 ? "JIT cold" : "JIT warm", worldSize,
                    Runtime.getRuntime().availableProcessors());
            long start = System.nanoTime();
            ExactSumImages images = ExactSumImages.computeInBackground(0, worldSize, DType.BF16, (long) largest << 19);
            images.await();
            System.out.printf("  images of %d MiB computed in %d ms%n", largest, (System.nanoTime() - start) / 1_000_000);
            for (int mib : mebibytes) {
                AllReducePoint point = new AllReducePoint(mib * 64, 8192, DType.BF16);
                ByteBuffer buffer = ByteBuffer.allocateDirect((int) point.bytes()).order(ByteOrder.LITTLE_ENDIAN);
                long t0 = System.nanoTime();
                for (int i = 0; i < point.elementCount(); i++) {
                    buffer.putShort(2 * i, (short) ExactSumPattern.inputBits(0, i, DType.BF16));
                }
                long t1 = System.nanoTime();
                for (int i = 0; i < point.elementCount(); i++) {
                    buffer.putShort(2 * i, (short) ExactSumPattern.expectedBits(worldSize, i, DType.BF16));
                }
                ExactSumCheck check = new ExactSumCheck(worldSize, DType.BF16);
                long t2 = System.nanoTime();
                for (int i = 0; i < point.elementCount(); i++) {
                    check.compare(i, buffer.getShort(2 * i) & 0xFFFF);
                }
                long t3 = System.nanoTime();
                ByteBuffer inputs = ByteBuffer.allocateDirect((int) point.bytes());
                images.writeInputs(inputs, 0, point);
                long t4 = System.nanoTime();
                Correctness fast = images.check(buffer, 0, point);
                long t5 = System.nanoTime();
                if (!fast.equals(check.result()) || !fast.correct()) {
                    throw new AssertionError("the two checks disagree: " + fast + " and " + check.result());
                }
                System.out.printf("  %4d MiB: element by element inputs %5d ms, check %5d ms; images inputs %4d ms, check %4d ms%n",
                        mib, (t1 - t0) / 1_000_000, (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000, (t5 - t4) / 1_000_000);
            }
        }
    }
}
