package dev.lemma.autodiff;

import dev.lemma.numeric.DimensionMismatchException;
import java.util.Arrays;

/// Shape arithmetic for [Tensor]: sizes, row-major strides, NumPy broadcasting, axis normalisation, and
/// the messages that name shapes when they do not fit.
final class Shapes {
    private Shapes() {}

    /// The number of entries of a tensor of this shape, the product of its dimensions (1 for the shape
    /// `[]` of a scalar).
    ///
    /// @throws IllegalArgumentException if a dimension is negative or the product exceeds `int`
    static int size(int[] shape) {
        long size = 1;
        for (int d = 0; d < shape.length; d++) {
            if (shape[d] < 0) {
                throw new IllegalArgumentException(
                        "shape " + format(shape) + " has a negative dimension " + shape[d] + " at axis " + d);
            }
            size *= shape[d];
            if (size > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("shape " + format(shape) + " has more than 2^31 - 9 entries");
            }
        }
        return (int) size;
    }

    /// Row-major strides: entry $(i_0, \dots, i_{r-1})$ sits at $\sum_d i_d s_d$ with $s_{r-1} = 1$ and
    /// $s_d = s_{d+1} n_{d+1}$.
    static int[] strides(int[] shape) {
        int[] strides = new int[shape.length];
        int stride = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            strides[d] = stride;
            stride *= shape[d];
        }
        return strides;
    }

    /// The shape of `a ∘ b` under NumPy's broadcasting rule: align the shapes on the right; two
    /// dimensions fit when they are equal or one of them is 1, and the result takes the larger; a missing
    /// dimension counts as 1.
    ///
    /// @param op the operation, for the message
    /// @throws DimensionMismatchException naming both shapes and the axis where they do not fit
    static int[] broadcast(String op, int[] a, int[] b) {
        int rank = Math.max(a.length, b.length);
        int[] out = new int[rank];
        for (int d = 0; d < rank; d++) {
            int da = dimensionFromRight(a, rank - 1 - d);
            int db = dimensionFromRight(b, rank - 1 - d);
            if (da != db && da != 1 && db != 1) {
                throw new DimensionMismatchException(op + ": shapes " + format(a) + " and " + format(b)
                        + " do not broadcast (axis " + (d - rank) + ": " + da + " vs " + db
                        + "; dimensions must be equal or one of them 1)");
            }
            out[d] = da == 1 ? db : da;
        }
        return out;
    }

    /// Dimension `fromRight` places from the end (0 is the last), 1 when the shape is shorter.
    private static int dimensionFromRight(int[] shape, int fromRight) {
        int d = shape.length - 1 - fromRight;
        return d >= 0 ? shape[d] : 1;
    }

    /// The strides with which an operand of shape `shape` is read when broadcast to `out`: its own
    /// row-major stride on the axes it has with the full length, 0 on the axes where it is repeated
    /// (length 1 or missing).
    static int[] broadcastStrides(int[] shape, int[] out) {
        int[] own = strides(shape);
        int[] strides = new int[out.length];
        int shift = out.length - shape.length;
        for (int d = shift; d < out.length; d++) {
            strides[d] = shape[d - shift] == 1 ? 0 : own[d - shift];
        }
        return strides;
    }

    /// An axis in `[-rank, rank)` as an index in `[0, rank)`; negative axes count from the end, as in
    /// NumPy (`-1` is the last).
    ///
    /// @throws IllegalArgumentException naming the axis, the rank and the shape
    static int axis(String op, int axis, int[] shape) {
        int rank = shape.length;
        if (axis < -rank || axis >= rank) {
            throw new IllegalArgumentException(op + ": axis " + axis + " is out of range for shape " + format(shape)
                    + " (rank " + rank + ", axes -" + rank + " to " + (rank - 1) + ")");
        }
        return axis < 0 ? axis + rank : axis;
    }

    /// The product of the dimensions before `axis`.
    static int outer(int[] shape, int axis) {
        int outer = 1;
        for (int d = 0; d < axis; d++) {
            outer *= shape[d];
        }
        return outer;
    }

    /// The product of the dimensions after `axis`.
    static int inner(int[] shape, int axis) {
        int inner = 1;
        for (int d = axis + 1; d < shape.length; d++) {
            inner *= shape[d];
        }
        return inner;
    }

    /// `shape` with dimension `axis` replaced by `length`.
    static int[] with(int[] shape, int axis, int length) {
        int[] out = shape.clone();
        out[axis] = length;
        return out;
    }

    /// `shape` without dimension `axis`.
    static int[] without(int[] shape, int axis) {
        int[] out = new int[shape.length - 1];
        for (int d = 0, e = 0; d < shape.length; d++) {
            if (d != axis) {
                out[e++] = shape[d];
            }
        }
        return out;
    }

    /// For each entry of the permuted tensor, in row-major order, the offset of the entry of the
    /// original it comes from: output axis $d$ is input axis `axes[d]`, so output index $(j_0, \dots)$
    /// reads input offset $\sum_d j_d\, s_{\text{axes}[d]}$.
    static int[] permutedOffsets(int[] shape, int[] axes) {
        int rank = shape.length;
        int[] inStrides = strides(shape);
        int[] outShape = new int[rank];
        int[] step = new int[rank];
        for (int d = 0; d < rank; d++) {
            outShape[d] = shape[axes[d]];
            step[d] = inStrides[axes[d]];
        }
        int size = size(shape);
        int[] offsets = new int[size];
        int[] index = new int[rank];
        int offset = 0;
        for (int z = 0; z < size; z++) {
            offsets[z] = offset;
            for (int d = rank - 1; d >= 0; d--) {
                index[d]++;
                offset += step[d];
                if (index[d] < outShape[d]) {
                    break;
                }
                offset -= step[d] * outShape[d];
                index[d] = 0;
            }
        }
        return offsets;
    }

    /// `[2, 3]`, and `[]` for a scalar.
    static String format(int[] shape) {
        return Arrays.toString(shape);
    }
}
