package dev.lemma.optim;

/// Gradient descent with heavy-ball momentum (Polyak, 1964):
/// $x_{k+1} = x_k - \alpha\,\nabla f(x_k) + \beta\,(x_k - x_{k-1})$.
///
/// On a quadratic with Hessian eigenvalues in $[\mu, L]$, $\kappa = L/\mu$, the parameters
/// $\alpha = 4/(\sqrt L + \sqrt\mu)^2$ and $\beta = \bigl(\frac{\sqrt\kappa - 1}{\sqrt\kappa + 1}\bigr)^2$ give
/// the rate $\frac{\sqrt\kappa - 1}{\sqrt\kappa + 1}$ per step, against gradient descent's
/// $\frac{\kappa - 1}{\kappa + 1}$: for $\kappa = 100$, 0.818 against 0.980, ten times fewer steps per digit
/// ([#optimalFor]; chapter 5 derives it, after G. Goh, "Why momentum really works", Distill 2017).
///
/// As an [UpdateRule] (for [SGD]) the rate is the constant $\alpha$.
///
/// Book: chapter 5, "Momentum".
///
/// @param learningRate $\alpha > 0$
/// @param momentum $\beta \in [0, 1)$
/// @param maxIterations the iteration limit
/// @param tolerance stop when $\|\nabla f\|_2 \le$ `tolerance`
public record Momentum(double learningRate, double momentum, int maxIterations, double tolerance)
        implements Optimizer, UpdateRule {

    /// Checks the settings.
    ///
    /// @throws IllegalArgumentException naming a setting out of range
    public Momentum {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("Momentum: learningRate must be finite and > 0, got " + learningRate);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("Momentum: momentum must be in [0, 1), got " + momentum);
        }
        Stepping.checkLimits("Momentum", maxIterations, tolerance);
    }

    /// Defaults: $\alpha = 0.01$, $\beta = 0.9$, 10 000 iterations, tolerance $10^{-8}$.
    public Momentum() {
        this(0.01, 0.9, 10_000, 1e-8);
    }

    /// The optimal heavy-ball parameters for a quadratic with curvatures in $[\mu, L]$.
    ///
    /// @param mu the smallest eigenvalue of the Hessian, $> 0$
    /// @param l the largest, $\ge \mu$
    /// @param maxIterations the iteration limit
    /// @param tolerance the gradient-norm tolerance
    /// @return the optimiser
    public static Momentum optimalFor(double mu, double l, int maxIterations, double tolerance) {
        if (!(mu > 0 && l >= mu)) {
            throw new IllegalArgumentException("Momentum.optimalFor needs 0 < mu ≤ L, got mu = " + mu + ", L = " + l);
        }
        double sl = Math.sqrt(l);
        double sm = Math.sqrt(mu);
        double rate = (sl - sm) / (sl + sm);
        return new Momentum(4 / ((sl + sm) * (sl + sm)), rate * rate, maxIterations, tolerance);
    }

    @Override
    public double rate(int step) {
        return learningRate;
    }

    /// The heavy-ball step in velocity form, $d \leftarrow \beta d - \alpha g$, $x \leftarrow x + d$,
    /// where $d = x_k - x_{k-1}$ (zero at the start).
    @Override
    public State start(int n) {
        double[] d = new double[n];
        return (x, g, alpha) -> {
            for (int i = 0; i < x.length; i++) {
                d[i] = momentum * d[i] - alpha * g[i];
                x[i] += d[i];
            }
        };
    }

    @Override
    public OptimizationResult minimize(Objective f, double[] x0) {
        return Stepping.minimize(this, f, x0, maxIterations, tolerance);
    }
}
