package dev.lemma.optim;

import java.util.List;

/// The outcome of a constrained minimisation, $\min f(x)$ subject to $h_i(x) = 0$ and $g_j(x) \le 0$: the
/// point, the Lagrange multipliers, and how far the pair is from satisfying the Karush–Kuhn–Tucker
/// conditions, one residual per condition (all zero at a KKT point).
///
/// With the Lagrangian $\mathcal{L}(x, \lambda, \mu) = f(x) + \sum_i \lambda_i h_i(x) + \sum_j \mu_j g_j(x)$:
///
/// - `stationarity`, for $\nabla_x \mathcal{L} = 0$:
///   $\lVert\nabla f + \sum_i \lambda_i \nabla h_i + \sum_j \mu_j \nabla g_j\rVert_2$;
/// - `equalityViolation`, for $h(x) = 0$: $\max_i \lvert h_i(x)\rvert$;
/// - `inequalityViolation`, for $g(x) \le 0$: $\max(0, \max_j g_j(x))$;
/// - `dualInfeasibility`, for $\mu \ge 0$: $\max(0, -\min_j \mu_j)$;
/// - `complementarity`, for $\mu_j g_j(x) = 0$: $\max_j \lvert\mu_j g_j(x)\rvert$.
///
/// Maxima over an empty set of constraints are 0.
///
/// Book: chapter 5, "Constraints".
///
/// @param x the last point (the solution, when `status` is [Status#CONVERGED])
/// @param value $f(x)$
/// @param equalityMultipliers $\lambda$, one per equality constraint
/// @param inequalityMultipliers $\mu \ge 0$, one per inequality constraint
/// @param stationarity $\lVert\nabla_x \mathcal{L}(x, \lambda, \mu)\rVert_2$
/// @param equalityViolation $\max_i |h_i(x)|$
/// @param inequalityViolation $\max(0, \max_j g_j(x))$
/// @param dualInfeasibility $\max(0, -\min_j \mu_j)$
/// @param complementarity $\max_j |\mu_j\,g_j(x)|$
/// @param status why the run stopped ([Status#CONVERGED] when every residual is within the tolerance)
/// @param reason the same in words, with the numbers
/// @param outerIterations the multiplier updates made
/// @param evaluations the evaluations of $f$ together with all the constraints (value and gradient): the
///     inner solver's, plus one per outer iteration for the residuals
/// @param penalty the final penalty parameter $\rho$
/// @param trajectory the outer iterates $x_0, x_1, \dots$, copies
@SuppressWarnings("ArrayRecordComponent") // results are read and drawn, never compared or hashed
public record ConstrainedResult(
        double[] x,
        double value,
        double[] equalityMultipliers,
        double[] inequalityMultipliers,
        double stationarity,
        double equalityViolation,
        double inequalityViolation,
        double dualInfeasibility,
        double complementarity,
        Status status,
        String reason,
        int outerIterations,
        int evaluations,
        double penalty,
        List<double[]> trajectory) {

    /// The largest of the five KKT residuals.
    ///
    /// @return $\max$(stationarity, equalityViolation, inequalityViolation, dualInfeasibility,
    ///     complementarity)
    public double kktResidual() {
        return Math.max(
                Math.max(stationarity, Math.max(equalityViolation, inequalityViolation)),
                Math.max(dualInfeasibility, complementarity));
    }
}
