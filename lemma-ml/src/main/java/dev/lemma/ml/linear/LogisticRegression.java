package dev.lemma.ml.linear;

import dev.lemma.data.Dataset;
import dev.lemma.ml.Inputs;
import dev.lemma.ml.Learner;
import dev.lemma.optim.GradientDescent;
import dev.lemma.optim.LBFGS;
import dev.lemma.optim.Newton;
import dev.lemma.optim.OptimizationResult;
import dev.lemma.optim.Optimizer;
import dev.lemma.optim.Status;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/// Logistic regression, scikit-learn's `LogisticRegression` with its L2 penalty: maximum likelihood of a
/// Bernoulli (two classes) or categorical (more) model whose log-odds are linear in $x$, penalised by
/// $\frac{1}{2C}\|W\|^2$ (smaller $C$, stronger penalty; the intercepts are free):
/// $$\min_{W, b} \sum_i -\log P(y_i \mid x_i) + \frac{1}{2C}\|W\|_F^2, \qquad
/// P(y = k \mid x) = \operatorname{softmax}(Wx + b)_k .$$
/// With two classes one row $w$ models class 1 against class 0, $P(y = 1 \mid x) = \sigma(w^\top x + b)$;
/// with $K > 2$, $W$ has one row per class (scikit-learn's `multi_class='multinomial'`). The objective is
/// convex (strictly in $W$), so every solver reaches the same optimum ([LogisticLoss] gives its gradient
/// and Hessian):
/// - [Solver#LBFGS]: L-BFGS (scikit-learn's default);
/// - [Solver#NEWTON]: Newton's method with the exact Hessian, the IRLS of statistics: each step solves a
///   weighted least-squares problem; quadratic convergence, $O(K^2 d^2 m)$ per step;
/// - [Solver#GRADIENT_DESCENT]: gradient descent with Armijo backtracking, slowest; for teaching.
///
/// The multinomial intercepts are identifiable only up to a common shift; the fitted ones are shifted
/// to sum to zero, as the penalty makes the columns of $W$ sum to zero.
///
/// Book: chapter 8, "Logistic regression from scratch"; `book/models/`.
///
/// @param c $C > 0$, the inverse penalty strength
/// @param solver the solver
/// @param maxIterations the iteration limit of the solver
/// @param tolerance stop when the gradient's norm is below `tolerance` times the number of examples
public record LogisticRegression(double c, Solver solver, int maxIterations, double tolerance)
        implements Learner<LogisticClassifier> {

    /// How the penalised likelihood is maximised.
    public enum Solver {
        /// L-BFGS.
        LBFGS,
        /// Newton's method with the exact Hessian (IRLS).
        NEWTON,
        /// Gradient descent with Armijo backtracking.
        GRADIENT_DESCENT
    }

    /// Checks the settings.
    ///
    /// @throws IllegalArgumentException naming a setting out of range
    public LogisticRegression {
        if (!(c > 0) || Double.isInfinite(c)) {
            throw new IllegalArgumentException("LogisticRegression: C must be finite and > 0, got " + c);
        }
        if (solver == null) {
            throw new IllegalArgumentException(
                    "LogisticRegression: solver must be one of LBFGS, NEWTON," + " GRADIENT_DESCENT");
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("LogisticRegression: max_iter must be ≥ 1, got " + maxIterations);
        }
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("LogisticRegression: tol must be > 0, got " + tolerance);
        }
    }

    /// Defaults: $C = 1$, L-BFGS, 1 000 iterations, tolerance $10^{-6}$ per example.
    public LogisticRegression() {
        this(1.0, Solver.LBFGS, 1_000, 1e-6);
    }

    /// With the given $C$ and the other defaults.
    ///
    /// @param c $C$
    public LogisticRegression(double c) {
        this(c, Solver.LBFGS, 1_000, 1e-6);
    }

    /// The objective this learner minimises, at a model's parameters: the penalised negative
    /// log-likelihood $\sum_i -\log P(y_i \mid x_i) + \frac{1}{2C}\|W\|_F^2$ on `data`. Two solvers, or
    /// Lemma and another library, have reached the same fit when they reach the same value.
    ///
    /// @param data the training data
    /// @param model a fitted model of the same features and classes
    /// @return the objective's value
    /// @throws IllegalArgumentException if the model's features or classes do not match the data's
    public double objective(Dataset data, LogisticClassifier model) {
        int[] y = data.labels();
        Inputs.training("logistic-regression", data, data.target());
        int d = data.dimension();
        if (model.features() != d) {
            throw new IllegalArgumentException(
                    "logistic-regression: the model has " + model.features() + " features but the data have " + d);
        }
        int classes = Math.max(model.classes(), java.util.Arrays.stream(y).max().orElse(0) + 1);
        if (classes != model.classes()) {
            throw new IllegalArgumentException("logistic-regression: the data have a class " + (classes - 1)
                    + " but the model knows " + model.classes() + " classes");
        }
        LogisticLoss loss = new LogisticLoss(data.features(), y, classes, c);
        int rows = loss.weightRows();
        double[][] w = model.coefficients();
        double[] b = model.intercepts();
        double[] theta = new double[rows * (d + 1)];
        for (int k = 0; k < rows; k++) {
            System.arraycopy(w[k], 0, theta, k * d, d);
            theta[rows * d + k] = b[k];
        }
        return loss.value(theta);
    }

    @Override
    public LogisticClassifier fit(Dataset data) {
        int[] y = data.labels();
        Inputs.training("logistic-regression", data, data.target());
        int classes = Math.max(
                data.classNames().size(), java.util.Arrays.stream(y).max().orElse(0) + 1);
        if (classes < 2) {
            throw new IllegalArgumentException("logistic-regression: the target has one class only; two are needed");
        }
        LogisticLoss loss = new LogisticLoss(data.features(), y, classes, c);
        int d = data.dimension();
        int rows = loss.weightRows();
        Optimizer optimizer = switch (solver) {
            case LBFGS -> new LBFGS(10, maxIterations, tolerance * data.size());
            case NEWTON -> new Newton(Newton.Variant.DAMPED, maxIterations, tolerance * data.size());
            case GRADIENT_DESCENT ->
                new GradientDescent(1.0, GradientDescent.Rule.ARMIJO, maxIterations, tolerance * data.size());
        };
        OptimizationResult r = optimizer.minimize(loss, new double[rows * (d + 1)]);
        if (r.status() == Status.DIVERGED) {
            throw new IllegalStateException("logistic-regression: " + r.reason());
        }
        double[] theta = r.x();
        double[][] w = new double[rows][d];
        double[] b = new double[rows];
        for (int k = 0; k < rows; k++) {
            System.arraycopy(theta, k * d, w[k], 0, d);
            b[k] = theta[rows * d + k];
        }
        if (rows > 1) {
            double shift = java.util.Arrays.stream(b).sum() / rows;
            for (int k = 0; k < rows; k++) {
                b[k] -= shift;
            }
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("C", c);
        parameters.put("solver", solver.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        parameters.put("max_iter", maxIterations);
        parameters.put("tol", tolerance);
        return new LogisticClassifier(parameters, w, b, classes, r.status() == Status.CONVERGED, r.iterations());
    }
}
