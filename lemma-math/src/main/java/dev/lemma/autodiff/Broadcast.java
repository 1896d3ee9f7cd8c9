package dev.lemma.autodiff;

import java.util.Arrays;

/// The loop of a broadcast element-wise operation $z = a \circ b$, cut into rows along the last axis so
/// that the work inside a row is a plain counted loop the JIT compiles well.
///
/// For each row the [Row] receives the offset of its first entry in `z`, in `a` and in `b`, the step
/// of `a` and of `b` along the row (1, or 0 where the operand is repeated) and the row length. The same
/// walk serves the backward pass: adding `z`'s gradient into `a`'s at `a`'s offsets *is* the sum over
/// the broadcast axes that the chain rule asks for, because a repeated entry is visited once per copy.
final class Broadcast {
    private Broadcast() {}

    /// One row of the walk.
    @FunctionalInterface
    interface Row {
        /// @param z offset of the row's first entry in the result
        /// @param a offset of the matching entry of `a`
        /// @param aStep step of `a` along the row (0 or 1)
        /// @param b offset of the matching entry of `b`
        /// @param bStep step of `b` along the row (0 or 1)
        /// @param length entries in the row
        void run(int z, int a, int aStep, int b, int bStep, int length);
    }

    /// Walks `out` (the broadcast shape of `a` and `b`) row by row.
    static void rows(int[] out, int[] a, int[] b, Row row) {
        int size = Shapes.size(out);
        if (size == 0) {
            return;
        }
        boolean aFull = Arrays.equals(a, out);
        boolean bFull = Arrays.equals(b, out);
        // The common cases in one row: equal shapes, or an operand that is a single number.
        if ((aFull || Shapes.size(a) == 1) && (bFull || Shapes.size(b) == 1)) {
            row.run(0, 0, aFull ? 1 : 0, 0, bFull ? 1 : 0, size);
            return;
        }
        int rank = out.length;
        int[] as = Shapes.broadcastStrides(a, out);
        int[] bs = Shapes.broadcastStrides(b, out);
        int length = out[rank - 1];
        int rows = size / length;
        int[] index = new int[rank - 1];
        int aOffset = 0;
        int bOffset = 0;
        for (int r = 0; r < rows; r++) {
            row.run(r * length, aOffset, as[rank - 1], bOffset, bs[rank - 1], length);
            // Advance the odometer over the leading axes, keeping the two offsets in step.
            for (int d = rank - 2; d >= 0; d--) {
                index[d]++;
                aOffset += as[d];
                bOffset += bs[d];
                if (index[d] < out[d]) {
                    break;
                }
                aOffset -= as[d] * out[d];
                bOffset -= bs[d] * out[d];
                index[d] = 0;
            }
        }
    }
}
