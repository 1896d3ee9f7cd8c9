package dev.lemma.linalg.kernel;

/// Whether the Vector API (`jdk.incubator.vector`) is available, and the one place that touches
/// [SimdGemm].
///
/// The Vector API is an incubator module: it is only in the JVM when the command line adds it
/// (`--add-modules=jdk.incubator.vector`; the `lemma` launcher, the build's tests and the benchmarks
/// do). Without it, loading [SimdGemm] would fail with `NoClassDefFoundError`, so no other class names
/// it: they ask [#AVAILABLE] first and go through [#kernel()], which loads [SimdGemm] (through a
/// nested holder class) only when the module is there.
final class Simd {
    /// `true` when the boot layer holds `jdk.incubator.vector`.
    static final boolean AVAILABLE =
            ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private Simd() {}

    /// The SIMD kernel.
    ///
    /// @throws IllegalStateException if the module is absent
    static GemmKernel kernel() {
        if (!AVAILABLE) {
            throw new IllegalStateException("the SIMD GEMM kernel needs the jdk.incubator.vector module: run java with"
                    + " --add-modules=jdk.incubator.vector");
        }
        return Holder.KERNEL;
    }

    /// Doubles per vector register, or 1 without the module.
    static int lanes() {
        return AVAILABLE ? Holder.LANES : 1;
    }

    /// Initialised, and [SimdGemm] loaded, on first use only.
    private static final class Holder {
        static final GemmKernel KERNEL = new SimdGemm();
        static final int LANES = SimdGemm.LANES;
    }
}
