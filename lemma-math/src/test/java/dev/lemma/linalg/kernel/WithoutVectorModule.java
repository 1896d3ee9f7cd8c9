package dev.lemma.linalg.kernel;

/// Run by [GemmTest] in a JVM started without `jdk.incubator.vector`: prints what [Gemm] chose and
/// whether a product it computed is right.
final class WithoutVectorModule {
    private WithoutVectorModule() {}

    public static void main(String[] args) {
        int n = 200;
        double[] a = new double[n * n];
        double[] b = new double[n * n];
        for (int i = 0; i < n * n; i++) {
            a[i] = (i % 7) - 3;
            b[i] = (i % 5) - 2;
        }
        double[] fast = Gemm.multiply(n, n, n, a, b);
        double[] reference = new ReferenceGemm().multiply(n, n, n, a, b);
        // Small integers: every product and partial sum is exact, so the results must be equal.
        boolean ok = java.util.Arrays.equals(fast, reference);
        System.out.println("simd=" + Gemm.simdAvailable() + " lanes=" + Gemm.simdLanes() + " sequential="
                + Gemm.sequential().name() + " " + n + "x" + n + "=" + (ok ? "ok" : "WRONG"));
    }
}
