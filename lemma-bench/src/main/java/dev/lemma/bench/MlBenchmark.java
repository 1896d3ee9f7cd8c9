package dev.lemma.bench;

import dev.lemma.data.Dataset;
import dev.lemma.data.Synthetic;
import dev.lemma.ml.decomposition.PCA;
import dev.lemma.ml.linear.LogisticClassifier;
import dev.lemma.ml.linear.LogisticRegression;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/// Fit times of Lemma's models on the shapes of issue 7's comparison with scikit-learn 1.2.1 (OpenBLAS,
/// one thread, fit only, median of 5, measured on these machines): logistic regression with L-BFGS and
/// $C = 1$ on 100 000 × 50 binary data from `make_classification`, 0.37 s (25 iterations); PCA to 10
/// components of 100 000 × 100, 0.37 s (randomized solver) and 0.84 s (full SVD).
///
/// The data come from [Synthetic#classification], which builds data as `make_classification` does
/// (its algorithm with its defaults: 2 informative, 2 redundant features, `class_sep` 1, `flip_y` 0.01),
/// and from standard normal entries for PCA ([Synthetic#gaussian]); not scikit-learn's random numbers,
/// so the comparison is of the same kind of data and the same quality target, not of identical bits.
///
/// Run: `java --add-modules=jdk.incubator.vector -jar lemma-bench/target/benchmarks.jar Ml`. For the same
/// problems with the quality of each fit, and scikit-learn's figures beside them: `lemma bench ml`.
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(
        value = 1,
        jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-XX:+UseParallelGC", "-Xmx4g"})
public class MlBenchmark {

    /// 100 000 × 50 binary data built as `make_classification` builds it.
    @State(Scope.Benchmark)
    public static class Classification {
        @Param({"LBFGS", "NEWTON"})
        public String solver;

        Dataset data;

        /// Generates the data once.
        @Setup
        public void setUp() {
            data = Synthetic.classification(100_000, 50, 2, 2, 2, 2, 1.0, 0.01, 42);
        }
    }

    /// 100 000 × 100 standard normal entries.
    @State(Scope.Benchmark)
    public static class Wide {
        @Param({"COVARIANCE", "RANDOMIZED", "FULL"})
        public String solver;

        Dataset data;

        /// Generates the data once.
        @Setup
        public void setUp() {
            data = Synthetic.gaussian(100_000, 100, 7);
        }
    }

    /// Logistic regression, $C = 1$, gradient tolerance $10^{-6}$ per example.
    ///
    /// @param state the data and the solver
    /// @return the model (so the fit is not optimised away)
    @Benchmark
    public LogisticClassifier logisticRegression(Classification state) {
        return new LogisticRegression(1.0, LogisticRegression.Solver.valueOf(state.solver), 1_000, 1e-6)
                .fit(state.data);
    }

    /// PCA to 10 components.
    ///
    /// @param state the data and the solver
    /// @return the model
    @Benchmark
    public PCA.Fitted pca(Wide state) {
        return new PCA(10, false, PCA.Solver.valueOf(state.solver), 1).fit(state.data);
    }
}
