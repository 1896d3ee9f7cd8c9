package dev.lemma.bench;

import dev.lemma.linalg.Matrix;
import java.util.concurrent.TimeUnit;
import org.ejml.concurrency.EjmlConcurrency;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_MT_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.decomposition.DecompositionInterface;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.LUDecomposition_F64;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/// LU, QR, Cholesky, symmetric eigen and SVD of an `n×n` matrix: Lemma against EJML, one thread and
/// two. Each operation is the whole decomposition with the factors a user would ask for (eigenvectors
/// and both sets of singular vectors included), from a fresh copy of the input.
///
/// Threads: the two concrete classes fork JVMs that see one core ([OneThread]) or two ([TwoThreads])
/// through `-XX:ActiveProcessorCount`. Lemma's kernels go parallel only when the JVM has more than one
/// processor, so the flag is all they need; EJML gets its `_MT_` factories and two threads when the
/// JVM has two (EJML has no multi-threaded LU, so its LU is the same in both).
///
/// Run: `java --add-modules=jdk.incubator.vector -jar lemma-bench/target/benchmarks.jar Decomposition`.
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 2)
@State(Scope.Benchmark)
public abstract class DecompositionBenchmark {
    /// The matrix size.
    @Param({"200", "500", "1000"})
    public int n;

    private int threads;

    private Matrix general;
    private Matrix spd;
    private DMatrixRMaj ejmlGeneral;
    private DMatrixRMaj ejmlSpd;

    /// Decompositions with the JVM limited to one processor.
    @Fork(
            value = 1,
            jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-XX:+UseParallelGC", "-XX:ActiveProcessorCount=1"})
    public static class OneThread extends DecompositionBenchmark {}

    /// Decompositions with the JVM using two processors.
    @Fork(
            value = 1,
            jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-XX:+UseParallelGC", "-XX:ActiveProcessorCount=2"})
    public static class TwoThreads extends DecompositionBenchmark {}

    /// Random inputs, the same for both libraries; the thread count the JVM was given.
    @Setup(Level.Trial)
    public void setUp() {
        threads = Math.min(2, Runtime.getRuntime().availableProcessors());
        EjmlConcurrency.USE_CONCURRENT = threads > 1;
        if (threads > 1) {
            EjmlConcurrency.setMaxThreads(threads);
        }
        general = Matrix.random(n, n, 42);
        // A symmetric positive definite matrix: Gᵀ·G + n·I.
        spd = general.transpose().times(general).plus(Matrix.identity(n).times(n));
        ejmlGeneral = new DMatrixRMaj(general.toArray());
        ejmlSpd = new DMatrixRMaj(spd.toArray());
    }

    @Benchmark
    public Object lemmaLu() {
        return general.lu();
    }

    @Benchmark
    public Object ejmlLu() {
        LUDecomposition_F64<DMatrixRMaj> lu = DecompositionFactory_DDRM.lu(n, n);
        return decompose(lu, ejmlGeneral);
    }

    @Benchmark
    public Object lemmaQr() {
        return general.qr();
    }

    @Benchmark
    public Object ejmlQr() {
        QRDecomposition<DMatrixRMaj> qr =
                threads > 1 ? DecompositionFactory_MT_DDRM.qr(n, n) : DecompositionFactory_DDRM.qr(n, n);
        return decompose(qr, ejmlGeneral);
    }

    @Benchmark
    public Object lemmaCholesky() {
        return spd.cholesky();
    }

    @Benchmark
    public Object ejmlCholesky() {
        CholeskyDecomposition_F64<DMatrixRMaj> chol =
                threads > 1 ? DecompositionFactory_MT_DDRM.chol(n, true) : DecompositionFactory_DDRM.chol(n, true);
        return decompose(chol, ejmlSpd);
    }

    @Benchmark
    public Object lemmaSymmetricEigen() {
        return spd.symmetricEigen();
    }

    @Benchmark
    public Object ejmlSymmetricEigen() {
        EigenDecomposition_F64<DMatrixRMaj> eig = threads > 1
                ? DecompositionFactory_MT_DDRM.eig(n, true, true)
                : DecompositionFactory_DDRM.eig(n, true, true);
        return decompose(eig, ejmlSpd);
    }

    @Benchmark
    public Object lemmaSvd() {
        return general.svd();
    }

    @Benchmark
    public Object ejmlSvd() {
        SingularValueDecomposition_F64<DMatrixRMaj> svd = threads > 1
                ? DecompositionFactory_MT_DDRM.svd(n, n, true, true, true)
                : DecompositionFactory_DDRM.svd(n, n, true, true, true);
        DMatrixRMaj a = ejmlGeneral.copy();
        if (!svd.decompose(a)) {
            throw new IllegalStateException("EJML SVD failed");
        }
        // Lemma's record holds U and V; ask EJML for them too, so both do the same work.
        return new Object[] {svd.getU(null, false), svd.getV(null, false), svd.getSingularValues()};
    }

    private static <T extends DecompositionInterface<DMatrixRMaj>> T decompose(T decomposition, DMatrixRMaj input) {
        DMatrixRMaj a = input.copy();
        if (!decomposition.decompose(a)) {
            throw new IllegalStateException(decomposition.getClass().getSimpleName() + " failed");
        }
        return decomposition;
    }
}
