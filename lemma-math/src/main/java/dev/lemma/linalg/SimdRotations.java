package dev.lemma.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/// The fast path of [PlaneRotations#flush()]: a sequence of plane rotations applied to a strip of
/// columns with the Vector API, keeping the row that the next rotation needs in registers.
///
/// What changed from the plain loop ([PlaneRotations#applyPlain]), and why:
///
/// 1. **A row stays in registers along a chain.** The QR sweeps emit chains: rotation
///    $(k, k+1)$ is followed by $(k+1, k+2)$. The plain loop loads and stores both rows for each
///    rotation; here the updated row that the next rotation touches again is kept in registers, so a
///    chain costs one load and one store per rotation instead of two of each. The register is only a
///    cache: any order of rows is handled (a rotation that touches neither cached row writes the
///    cache back first), and the arithmetic per entry is the plain loop's, fused into `fma`.
/// 2. **Four vectors side by side.** The row carried along the chain is a dependency chain (each
///    rotation needs the previous one's result, about 8 cycles of multiply and fused multiply-add
///    latency); four independent vectors, [#WIDTH] columns, keep the floating-point units busy.
/// 3. **The strip fits in L2.** [#WIDTH] columns of every row, $8 \cdot$ `WIDTH` $\cdot n$ bytes
///    (256 KiB at $n = 1000$ with AVX-512), stay cached while all queued rotations pass over them.
///
/// Rounding: with `fma` each new entry $c x + s y$ is rounded once instead of twice, so results differ
/// from the plain loop in the last bits, within the same $O(u)$ bound per rotation.
///
/// This class links against `jdk.incubator.vector`: touch it only when [Gemm#simdAvailable()] holds
/// (see [PlaneRotations]).
///
/// Reference: F. G. Van Zee, R. A. van de Geijn and G. Quintana-Ortí, "Restructuring the tridiagonal
/// and bidiagonal QR algorithms for performance", *ACM TOMS* 40(3), 2014 (keeping rows of a rotation
/// sequence in registers).
///
/// [Gemm#simdAvailable()]: dev.lemma.linalg.kernel.Gemm#simdAvailable()
final class SimdRotations {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    /// Doubles per vector register: 8 with AVX-512.
    static final int LANES = SPECIES.length();

    /// Columns per strip: four vectors.
    static final int WIDTH = 4 * LANES;

    private SimdRotations() {}

    /// Applies rotations `0 .. count-1` (rows `p[r]`, `q[r]`, cosine `c[r]`, sine `s[r]`) to columns
    /// `j0 .. j1-1` of `rows`, in order; returns the first column it did not handle (fewer than
    /// [#LANES] columns are left to the caller).
    static int apply(double[][] rows, int[] p, int[] q, double[] c, double[] s, int count, int j0, int j1) {
        int j = j0;
        for (; j + WIDTH <= j1; j += WIDTH) {
            applyFour(rows, p, q, c, s, count, j);
        }
        for (; j + LANES <= j1; j += LANES) {
            applyOne(rows, p, q, c, s, count, j);
        }
        return j;
    }

    /// Columns `j .. j+WIDTH-1`, as four vectors.
    private static void applyFour(double[][] rows, int[] p, int[] q, double[] c, double[] s, int count, int j) {
        int ja = j;
        int jb = j + LANES;
        int jc = j + 2 * LANES;
        int jd = j + 3 * LANES;
        int cached = -1;
        DoubleVector ka = DoubleVector.zero(SPECIES);
        DoubleVector kb = ka;
        DoubleVector kc = ka;
        DoubleVector kd = ka;
        for (int r = 0; r < count; r++) {
            int rp = p[r];
            int rq = q[r];
            double cr = c[r];
            double sr = s[r];
            DoubleVector cv = DoubleVector.broadcast(SPECIES, cr);
            double[] xp = rows[rp];
            double[] xq = rows[rq];
            DoubleVector pa;
            DoubleVector pb;
            DoubleVector pc;
            DoubleVector pd;
            DoubleVector qa;
            DoubleVector qb;
            DoubleVector qc;
            DoubleVector qd;
            if (cached == rp) {
                pa = ka;
                pb = kb;
                pc = kc;
                pd = kd;
                qa = DoubleVector.fromArray(SPECIES, xq, ja);
                qb = DoubleVector.fromArray(SPECIES, xq, jb);
                qc = DoubleVector.fromArray(SPECIES, xq, jc);
                qd = DoubleVector.fromArray(SPECIES, xq, jd);
            } else if (cached == rq) {
                qa = ka;
                qb = kb;
                qc = kc;
                qd = kd;
                pa = DoubleVector.fromArray(SPECIES, xp, ja);
                pb = DoubleVector.fromArray(SPECIES, xp, jb);
                pc = DoubleVector.fromArray(SPECIES, xp, jc);
                pd = DoubleVector.fromArray(SPECIES, xp, jd);
            } else {
                if (cached >= 0) {
                    double[] xk = rows[cached];
                    ka.intoArray(xk, ja);
                    kb.intoArray(xk, jb);
                    kc.intoArray(xk, jc);
                    kd.intoArray(xk, jd);
                }
                pa = DoubleVector.fromArray(SPECIES, xp, ja);
                pb = DoubleVector.fromArray(SPECIES, xp, jb);
                pc = DoubleVector.fromArray(SPECIES, xp, jc);
                pd = DoubleVector.fromArray(SPECIES, xp, jd);
                qa = DoubleVector.fromArray(SPECIES, xq, ja);
                qb = DoubleVector.fromArray(SPECIES, xq, jb);
                qc = DoubleVector.fromArray(SPECIES, xq, jc);
                qd = DoubleVector.fromArray(SPECIES, xq, jd);
            }
            // p ← c p + s q, q ← c q − s p
            DoubleVector na = pa.fma(cv, qa.mul(sr));
            DoubleVector nb = pb.fma(cv, qb.mul(sr));
            DoubleVector nc = pc.fma(cv, qc.mul(sr));
            DoubleVector nd = pd.fma(cv, qd.mul(sr));
            DoubleVector ma = qa.fma(cv, pa.mul(-sr));
            DoubleVector mb = qb.fma(cv, pb.mul(-sr));
            DoubleVector mc = qc.fma(cv, pc.mul(-sr));
            DoubleVector md = qd.fma(cv, pd.mul(-sr));
            boolean keepP = r + 1 < count && (p[r + 1] == rp || q[r + 1] == rp);
            if (keepP) {
                ma.intoArray(xq, ja);
                mb.intoArray(xq, jb);
                mc.intoArray(xq, jc);
                md.intoArray(xq, jd);
                ka = na;
                kb = nb;
                kc = nc;
                kd = nd;
                cached = rp;
            } else {
                na.intoArray(xp, ja);
                nb.intoArray(xp, jb);
                nc.intoArray(xp, jc);
                nd.intoArray(xp, jd);
                ka = ma;
                kb = mb;
                kc = mc;
                kd = md;
                cached = rq;
            }
        }
        if (cached >= 0) {
            double[] xk = rows[cached];
            ka.intoArray(xk, ja);
            kb.intoArray(xk, jb);
            kc.intoArray(xk, jc);
            kd.intoArray(xk, jd);
        }
    }

    /// Columns `j .. j+LANES-1`, as one vector (the edge of the matrix).
    private static void applyOne(double[][] rows, int[] p, int[] q, double[] c, double[] s, int count, int j) {
        int cached = -1;
        DoubleVector k = DoubleVector.zero(SPECIES);
        for (int r = 0; r < count; r++) {
            int rp = p[r];
            int rq = q[r];
            double cr = c[r];
            double sr = s[r];
            DoubleVector cv = DoubleVector.broadcast(SPECIES, cr);
            double[] xp = rows[rp];
            double[] xq = rows[rq];
            DoubleVector vp;
            DoubleVector vq;
            if (cached == rp) {
                vp = k;
                vq = DoubleVector.fromArray(SPECIES, xq, j);
            } else if (cached == rq) {
                vq = k;
                vp = DoubleVector.fromArray(SPECIES, xp, j);
            } else {
                if (cached >= 0) {
                    k.intoArray(rows[cached], j);
                }
                vp = DoubleVector.fromArray(SPECIES, xp, j);
                vq = DoubleVector.fromArray(SPECIES, xq, j);
            }
            DoubleVector np = vp.fma(cv, vq.mul(sr));
            DoubleVector nq = vq.fma(cv, vp.mul(-sr));
            if (r + 1 < count && (p[r + 1] == rp || q[r + 1] == rp)) {
                nq.intoArray(xq, j);
                k = np;
                cached = rp;
            } else {
                np.intoArray(xp, j);
                k = nq;
                cached = rq;
            }
        }
        if (cached >= 0) {
            k.intoArray(rows[cached], j);
        }
    }
}
