package dev.lemma.linalg;

import static dev.lemma.linalg.SolverFixtures.EPS;
import static dev.lemma.linalg.SolverFixtures.scale;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/// Householder QR and QR with column pivoting: reconstruction, orthogonality, triangularity, and rank
/// revealed on matrices of known rank.
///
/// Bounds: Householder QR is backward stable, $\|A - \hat Q \hat R\|_F \le c\,mn\,u\,\|A\|_F$ and
/// $\|\hat Q^\top \hat Q - I\|_F \le c\,mn\,u$ (Higham, *Accuracy and Stability*, Theorem 19.4 and
/// §19.3); in practice the error grows like $\sqrt{mn}\,u$, so `10·max(m,n)·ε` is comfortably loose.
class QrTest {
    static List<Arguments> shapes() {
        return SolverFixtures.shapes();
    }

    private static double bound(int m, int n) {
        return 10 * Math.max(1, Math.max(m, n)) * EPS;
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void qTimesREqualsAAndQIsOrthogonal(int m, int n) {
        Matrix a = Matrix.random(m, n, 31L * m + n);
        Qr qr = a.qr();
        int p = Math.min(m, n);
        Matrix q = qr.q();
        Matrix r = qr.r();
        assertThat(q.rows()).isEqualTo(m);
        assertThat(q.cols()).isEqualTo(p);
        assertThat(r.rows()).isEqualTo(p);
        assertThat(q.times(r).minus(a).normFrobenius()).isLessThanOrEqualTo(bound(m, n) * scale(a));
        assertThat(q.transpose().times(q).minus(Matrix.identity(p)).normFrobenius())
                .isLessThanOrEqualTo(bound(m, n));
        Matrix full = qr.fullQ();
        assertThat(full.transpose().times(full).minus(Matrix.identity(m)).normFrobenius())
                .isLessThanOrEqualTo(bound(m, n));
        // The same reflectors applied to more columns: equal up to the rounding of the blocked products.
        assertThat(full.block(0, m, 0, p).maxAbsDifference(q)).isLessThanOrEqualTo(bound(m, n));
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < i; j++) {
                assertThat(r.get(i, j)).isZero();
            }
        }
        // Qᵀb applied reflector by reflector equals the explicit product.
        Vector b = Vector.random(m, 5L * m + n);
        assertThat(qr.qTransposeTimes(b).minus(full.transpose().times(b)).normInf())
                .isLessThanOrEqualTo(bound(m, n) * Math.max(1, b.norm2()));
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void pivotedQrHasNonIncreasingDiagonalAndReconstructsAP(int m, int n) {
        Matrix a = Matrix.random(m, n, 77L * m + n);
        PivotedQr qr = a.qrPivoted();
        Matrix ap = a.times(qr.permutationMatrix());
        assertThat(qr.q().times(qr.r()).minus(ap).normFrobenius()).isLessThanOrEqualTo(bound(m, n) * scale(a));
        Matrix full = qr.fullQ();
        assertThat(full.transpose().times(full).minus(Matrix.identity(m)).normFrobenius())
                .isLessThanOrEqualTo(bound(m, n));
        Vector d = qr.r().diagonal();
        for (int k = 1; k < d.size(); k++) {
            // Exactly non-increasing in exact arithmetic; the downdated column norms allow a rounding slack.
            assertThat(Math.abs(d.get(k))).isLessThanOrEqualTo(Math.abs(d.get(k - 1)) * (1 + bound(m, n)));
        }
        assertThat(qr.rank()).isEqualTo(Math.min(m, n));
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void pivotedQrRevealsTheRankOfAProductOfThinFactors(int m, int n) {
        int k = Math.min(m, n) / 2;
        Matrix a = SolverFixtures.ofRank(m, n, k, 13L * m + n);
        PivotedQr qr = a.qrPivoted();
        assertThat(qr.rank()).isEqualTo(k);
        Matrix ap = a.times(qr.permutationMatrix());
        assertThat(qr.q().times(qr.r()).minus(ap).normFrobenius()).isLessThanOrEqualTo(bound(m, n) * scale(a));
        if (k < Math.min(m, n)) {
            // Everything after the rank is rounding noise, relative to |r_00|.
            double r00 = Math.abs(qr.r().get(0, 0));
            assertThat(Math.abs(qr.r().get(k, k))).isLessThanOrEqualTo(bound(m, n) * Math.max(r00, 1));
        }
    }
}
