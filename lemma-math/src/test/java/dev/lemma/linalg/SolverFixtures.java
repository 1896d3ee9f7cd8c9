package dev.lemma.linalg;

import dev.lemma.numeric.Tolerances;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.provider.Arguments;

/// Seeded test matrices for the solver tests: shapes from 0 to 50 (square, tall, wide), matrices of a
/// chosen rank or condition number, symmetric positive definite ones.
final class SolverFixtures {
    static final double EPS = Tolerances.MACHINE_EPSILON;

    private SolverFixtures() {}

    /// Sizes 0..50: every n ≤ 12, then primes and non-multiples of the usual block sizes.
    static int[] sizes() {
        return new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 16, 17, 23, 31, 32, 33, 47, 50};
    }

    /// `(m, n)` pairs: square, tall and wide, for every size.
    static List<Arguments> shapes() {
        List<Arguments> shapes = new ArrayList<>();
        for (int n : sizes()) {
            shapes.add(Arguments.of(n, n));
            shapes.add(Arguments.of(n + 1 + n / 3, n));
            shapes.add(Arguments.of(n / 2, n));
        }
        return shapes;
    }

    /// A random `m×n` matrix of rank exactly `k` (with probability 1): the product of random `m×k` and
    /// `k×n` factors.
    static Matrix ofRank(int m, int n, int k, long seed) {
        return Matrix.random(m, k, seed).times(Matrix.random(k, n, seed + 1));
    }

    /// A random orthogonal `n×n` matrix: the Q of a random matrix.
    static Matrix orthogonal(int n, long seed) {
        return Matrix.random(n, n, seed).qr().fullQ();
    }

    /// A random `m×n` matrix ($m \ge n$) with singular values $1, \kappa^{-1/(n-1)}, \dots, \kappa^{-1}$,
    /// so $\kappa_2 = \kappa$.
    static Matrix withCondition(int m, int n, double kappa, long seed) {
        Matrix u = orthogonal(m, seed).block(0, m, 0, n);
        Matrix v = orthogonal(n, seed + 7);
        double[] sigma = new double[n];
        for (int i = 0; i < n; i++) {
            sigma[i] = n == 1 ? 1.0 : Math.pow(kappa, -(double) i / (n - 1));
        }
        return u.times(Matrix.diagonal(sigma)).times(v.transpose());
    }

    /// A random symmetric positive definite matrix $B^\top B + \frac{1}{10} I$, exactly symmetric.
    static Matrix spd(int n, long seed) {
        Matrix b = Matrix.random(n + 2, n, seed);
        Matrix a = b.transpose().times(b).plus(Matrix.identity(n).times(0.1));
        return a.plus(a.transpose()).times(0.5);
    }

    /// A random vector of length n.
    static Vector vector(int n, long seed) {
        return Vector.random(n, seed);
    }

    /// A random matrix with one entry changed: a generator for "every position" tests.
    static double[][] randomArray(int m, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] a = new double[m][n];
        for (double[] row : a) {
            for (int j = 0; j < n; j++) {
                row[j] = 2 * rng.nextDouble() - 1;
            }
        }
        return a;
    }

    /// The normwise backward error of $x$ as a solution of $Ax = b$, $\|b - Ax\|_2 / (\|A\|_F \|x\|_2 +
    /// \|b\|_2)$ (Rigal and Gaches 1967): a backward-stable solver makes it $c\,n\,u$; 0 for an empty
    /// system.
    static double backwardError(Matrix a, Vector x, Vector b) {
        double denominator = a.normFrobenius() * x.norm2() + b.norm2();
        return denominator == 0.0 ? 0.0 : b.minus(a.times(x)).norm2() / denominator;
    }

    /// $\|A\|_F$, or 1 for an empty or zero matrix (so that relative bounds stay meaningful).
    static double scale(Matrix a) {
        double f = a.normFrobenius();
        return f == 0.0 ? 1.0 : f;
    }
}
