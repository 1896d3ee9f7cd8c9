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
/// 3. **The strip fits in L2.** A strip of every row ([PlaneRotations#STRIP] columns, contiguous in
///    [PlaneRotations]' strip-major layout; 256 KiB at $n = 1000$) stays cached while all queued
///    rotations pass over it.
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

    /// Applies rotations `0 .. count-1` (rows `p[r]`, `q[r]`, cosine `c[r]`, sine `s[r]`), in order, to
    /// one strip of a strip-major matrix: row `k` of the strip is `data[base + k * stride ..]`, and
    /// `stride` (the strip's width) is a multiple of [#LANES].
    static void apply(double[] data, int base, int stride, int[] p, int[] q, double[] c, double[] s, int count) {
        int j = 0;
        for (; j + WIDTH <= stride; j += WIDTH) {
            applyFour(data, base + j, stride, p, q, c, s, count);
        }
        for (; j < stride; j += LANES) {
            applyOne(data, base + j, stride, p, q, c, s, count);
        }
    }

    /// Four vectors per row, at `data[base + k * stride ..]`.
    private static void applyFour(
            double[] data, int base, int stride, int[] p, int[] q, double[] c, double[] s, int count) {
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
            int xp = base + rp * stride;
            int xq = base + rq * stride;
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
                qa = DoubleVector.fromArray(SPECIES, data, xq);
                qb = DoubleVector.fromArray(SPECIES, data, xq + LANES);
                qc = DoubleVector.fromArray(SPECIES, data, xq + 2 * LANES);
                qd = DoubleVector.fromArray(SPECIES, data, xq + 3 * LANES);
            } else if (cached == rq) {
                qa = ka;
                qb = kb;
                qc = kc;
                qd = kd;
                pa = DoubleVector.fromArray(SPECIES, data, xp);
                pb = DoubleVector.fromArray(SPECIES, data, xp + LANES);
                pc = DoubleVector.fromArray(SPECIES, data, xp + 2 * LANES);
                pd = DoubleVector.fromArray(SPECIES, data, xp + 3 * LANES);
            } else {
                if (cached >= 0) {
                    int xk = base + cached * stride;
                    ka.intoArray(data, xk);
                    kb.intoArray(data, xk + LANES);
                    kc.intoArray(data, xk + 2 * LANES);
                    kd.intoArray(data, xk + 3 * LANES);
                }
                pa = DoubleVector.fromArray(SPECIES, data, xp);
                pb = DoubleVector.fromArray(SPECIES, data, xp + LANES);
                pc = DoubleVector.fromArray(SPECIES, data, xp + 2 * LANES);
                pd = DoubleVector.fromArray(SPECIES, data, xp + 3 * LANES);
                qa = DoubleVector.fromArray(SPECIES, data, xq);
                qb = DoubleVector.fromArray(SPECIES, data, xq + LANES);
                qc = DoubleVector.fromArray(SPECIES, data, xq + 2 * LANES);
                qd = DoubleVector.fromArray(SPECIES, data, xq + 3 * LANES);
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
                ma.intoArray(data, xq);
                mb.intoArray(data, xq + LANES);
                mc.intoArray(data, xq + 2 * LANES);
                md.intoArray(data, xq + 3 * LANES);
                ka = na;
                kb = nb;
                kc = nc;
                kd = nd;
                cached = rp;
            } else {
                na.intoArray(data, xp);
                nb.intoArray(data, xp + LANES);
                nc.intoArray(data, xp + 2 * LANES);
                nd.intoArray(data, xp + 3 * LANES);
                ka = ma;
                kb = mb;
                kc = mc;
                kd = md;
                cached = rq;
            }
        }
        if (cached >= 0) {
            int xk = base + cached * stride;
            ka.intoArray(data, xk);
            kb.intoArray(data, xk + LANES);
            kc.intoArray(data, xk + 2 * LANES);
            kd.intoArray(data, xk + 3 * LANES);
        }
    }

    /// One vector per row (strips narrower than four vectors).
    private static void applyOne(
            double[] data, int base, int stride, int[] p, int[] q, double[] c, double[] s, int count) {
        int cached = -1;
        DoubleVector k = DoubleVector.zero(SPECIES);
        for (int r = 0; r < count; r++) {
            int rp = p[r];
            int rq = q[r];
            double sr = s[r];
            DoubleVector cv = DoubleVector.broadcast(SPECIES, c[r]);
            int xp = base + rp * stride;
            int xq = base + rq * stride;
            DoubleVector vp;
            DoubleVector vq;
            if (cached == rp) {
                vp = k;
                vq = DoubleVector.fromArray(SPECIES, data, xq);
            } else if (cached == rq) {
                vq = k;
                vp = DoubleVector.fromArray(SPECIES, data, xp);
            } else {
                if (cached >= 0) {
                    k.intoArray(data, base + cached * stride);
                }
                vp = DoubleVector.fromArray(SPECIES, data, xp);
                vq = DoubleVector.fromArray(SPECIES, data, xq);
            }
            DoubleVector np = vp.fma(cv, vq.mul(sr));
            DoubleVector nq = vq.fma(cv, vp.mul(-sr));
            if (r + 1 < count && (p[r + 1] == rp || q[r + 1] == rp)) {
                nq.intoArray(data, xq);
                k = np;
                cached = rp;
            } else {
                np.intoArray(data, xp);
                k = nq;
                cached = rq;
            }
        }
        if (cached >= 0) {
            k.intoArray(data, base + cached * stride);
        }
    }
}
