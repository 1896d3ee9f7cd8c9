package dev.lemma.stats;

import dev.lemma.calculus.MultivariateDerivatives;
import dev.lemma.linalg.Matrix;
import dev.lemma.linalg.Vector;
import dev.lemma.prob.Normal;
import java.util.function.ToDoubleFunction;

/// The uncertainty of a maximum-likelihood estimate: its standard errors from the observed information.
///
/// For a log-likelihood $\ell(\theta)$ maximised at $\hat\theta$, the observed information is $J =
/// -\nabla^2 \ell(\hat\theta)$, and under the usual regularity conditions $\hat\theta$ is approximately
/// normal with covariance $J^{-1}$ (chapter 4, "Maximum likelihood"). The standard error of
/// $\hat\theta_i$ is $\sqrt{(J^{-1})_{ii}}$, and $\hat\theta_i \pm z_{(1+c)/2}\,\mathrm{se}_i$ is the Wald
/// interval. The Hessian is taken by central differences ([MultivariateDerivatives#hessian]), accurate
/// to about $10^{-5}$ relative with its default steps, which is ample for an error bar.
///
/// The maximum-likelihood estimates themselves come from each distribution's `fit` (closed forms, or
/// Newton's method where there is none, in `dev.lemma.prob`).
///
/// Book: chapter 4, "Maximum likelihood".
public final class Estimation {
    private static final Normal STANDARD_NORMAL = new Normal(0, 1);

    private Estimation() {}

    /// An estimate with its approximate covariance.
    ///
    /// @param value $\hat\theta$
    /// @param covariance $J^{-1}$, the inverse observed information
    public record Estimate(Vector value, Matrix covariance) {
        /// @return $\sqrt{(J^{-1})_{ii}}$ for each parameter
        public Vector standardErrors() {
            double[] se = covariance.diagonal().toArray();
            for (int i = 0; i < se.length; i++) {
                se[i] = Math.sqrt(se[i]);
            }
            return Vector.of(se);
        }

        /// The Wald interval $\hat\theta_i \pm z_{(1+c)/2}\,\mathrm{se}_i$.
        ///
        /// @param i the parameter's index
        /// @param confidence $c$ in $(0, 1)$
        /// @return the interval
        public ConfidenceIntervals.Interval waldInterval(int i, double confidence) {
            if (!(confidence > 0 && confidence < 1)) {
                throw new IllegalArgumentException("the confidence must be in (0, 1), got " + confidence);
            }
            double half = STANDARD_NORMAL.quantile((1 + confidence) / 2)
                    * standardErrors().get(i);
            return new ConfidenceIntervals.Interval(value.get(i) - half, value.get(i) + half, confidence, "Wald");
        }
    }

    /// The estimate's covariance from the observed information at a maximum of the log-likelihood.
    ///
    /// @param logLikelihood $\theta \mapsto \ell(\theta)$, the log-likelihood of the data
    /// @param maximum $\hat\theta$, where $\ell$ is maximal (e.g. from a distribution's `fit`)
    /// @return the estimate with covariance $J^{-1}$
    /// @throws ArithmeticException if the observed information is not positive definite (then
    ///     $\hat\theta$ is not a strict maximum, or the model is not identified there)
    public static Estimate atMaximum(ToDoubleFunction<Vector> logLikelihood, Vector maximum) {
        Matrix hessian = MultivariateDerivatives.hessian(logLikelihood, maximum);
        Matrix information = hessian.times(-1);
        try {
            information.cholesky();
        } catch (RuntimeException e) {
            throw new ArithmeticException("the observed information at " + maximum + " is not positive definite:"
                    + " the point is not a strict maximum of the log-likelihood (" + e.getMessage() + ")");
        }
        return new Estimate(maximum, information.inverse());
    }
}
