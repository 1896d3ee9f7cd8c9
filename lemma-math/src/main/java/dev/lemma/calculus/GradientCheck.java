package dev.lemma.calculus;

import dev.lemma.linalg.Vector;
import dev.lemma.numeric.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/// The comparison of a hand-written (analytic) gradient with central differences, coordinate by
/// coordinate: the first test any new loss or layer should pass (CS231n, "Gradient checks").
///
/// For each coordinate $i$ it reports the analytic value $a_i$, the numeric value $n_i$ from
/// [MultivariateDerivatives#gradient(ToDoubleFunction, Vector)] and the relative error
/// $$r_i = \frac{|a_i - n_i|}{\max(|a_i|, |n_i|, \tau)},$$
/// where the floor $\tau$ = [#DEFAULT_FLOOR] keeps a coordinate whose true derivative is 0 from being
/// judged relative to rounding noise. The check passes when $\max_i r_i \le$ `tolerance`.
///
/// ## The default tolerance, $10^{-6}$
///
/// The central difference at its default step is accurate to about $u^{2/3} \approx 2 \times
/// 10^{-11}$ relative, times constants that depend on $f'''$ and on $|f| / |f'|$ (see [Derivative]).
/// A correct gradient therefore gives $r_i$ around $10^{-10}$; a wrong one (a dropped factor of 2, a
/// sign, a missing term) gives $r_i$ of order 1. $10^{-6}$ sits between with four orders of margin on
/// each side. The floor $\tau = 10^{-4}$: the rounding noise of a central difference is about
/// $u |f| / h \approx 2 \times 10^{-11} |f|$, so a derivative below $10^{-4}$ (for $|f| \approx 1$)
/// is compared in absolute terms, and noise of $2 \times 10^{-11}$ still gives $r_i < 10^{-6}$.
///
/// Non-finite values: the point and the analytic gradient must be finite (a
/// `NonFiniteValueException` names the index); if $f$ returns NaN the numeric value is NaN, $r_i$ is
/// NaN and the check fails.
///
/// Book: chapter 2, section "Partial derivatives, the gradient and level sets", and chapter 7, section "Numerical
/// differentiation".
///
/// @param coordinates one entry per coordinate, in order
/// @param tolerance the largest relative error that passes
public record GradientCheck(List<Coordinate> coordinates, double tolerance) {

    /// $10^{-6}$, the default tolerance on the relative error (derived in the class comment).
    public static final double DEFAULT_TOLERANCE = 1e-6;

    /// $10^{-4}$, the default floor $\tau$ of the relative error's denominator.
    public static final double DEFAULT_FLOOR = 1e-4;

    /// One coordinate of the comparison.
    ///
    /// @param index $i$
    /// @param analytic $a_i$, the hand-written value
    /// @param numeric $n_i$, the central-difference value
    /// @param relativeError $|a_i - n_i| / \max(|a_i|, |n_i|, \tau)$
    public record Coordinate(int index, double analytic, double numeric, double relativeError) {}

    /// Copies the list and checks the tolerance.
    ///
    /// @param coordinates one entry per coordinate
    /// @param tolerance the largest relative error that passes
    /// @throws IllegalArgumentException if `tolerance` is negative or NaN
    public GradientCheck {
        coordinates = List.copyOf(coordinates);
        Checks.argument(tolerance >= 0, "tolerance must be ≥ 0 but is %s", tolerance);
    }

    /// Checks `analyticGradient` against central differences of `f` at `x` with the default tolerance
    /// and floor.
    ///
    /// @param f the function
    /// @param analyticGradient the gradient to check, $\nabla f(x)$ as computed by hand
    /// @param x the point
    /// @return the report
    /// @throws dev.lemma.numeric.DimensionMismatchException if the lengths of `x` and the gradient differ
    /// @throws dev.lemma.numeric.NonFiniteValueException if `x` or the gradient has a non-finite entry
    public static GradientCheck of(ToDoubleFunction<Vector> f, Vector analyticGradient, Vector x) {
        return of(f, analyticGradient, x, DEFAULT_TOLERANCE, DEFAULT_FLOOR);
    }

    /// Checks `analyticGradient` against central differences of `f` at `x`.
    ///
    /// @param f the function
    /// @param analyticGradient the gradient to check
    /// @param x the point
    /// @param tolerance the largest relative error that passes
    /// @param floor $\tau > 0$, the floor of the relative error's denominator
    /// @return the report
    /// @throws dev.lemma.numeric.DimensionMismatchException if the lengths of `x` and the gradient differ
    /// @throws dev.lemma.numeric.NonFiniteValueException if `x` or the gradient has a non-finite entry
    /// @throws IllegalArgumentException if `tolerance < 0` or `floor <= 0`
    public static GradientCheck of(
            ToDoubleFunction<Vector> f, Vector analyticGradient, Vector x, double tolerance, double floor) {
        Checks.dimensions(
                analyticGradient.size() == x.size(),
                "the analytic gradient has length %d but x has length %d",
                analyticGradient.size(),
                x.size());
        Checks.finite("analytic gradient", analyticGradient.toArray());
        Checks.argument(floor > 0 && Double.isFinite(floor), "floor must be finite and > 0 but is %s", floor);
        Vector numeric = MultivariateDerivatives.gradient(f, x);
        List<Coordinate> coordinates = new ArrayList<>(x.size());
        for (int i = 0; i < x.size(); i++) {
            double a = analyticGradient.get(i);
            double n = numeric.get(i);
            double error = Math.abs(a - n) / Math.max(Math.max(Math.abs(a), Math.abs(n)), floor);
            coordinates.add(new Coordinate(i, a, n, error));
        }
        return new GradientCheck(coordinates, tolerance);
    }

    /// The coordinate with the largest relative error (a NaN error counts as the largest).
    ///
    /// @return the worst coordinate
    /// @throws IllegalStateException if there are no coordinates ($n = 0$)
    public Coordinate worst() {
        Coordinate worst = null;
        for (Coordinate c : coordinates) {
            if (Double.isNaN(c.relativeError())) {
                return c;
            }
            if (worst == null || c.relativeError() > worst.relativeError()) {
                worst = c;
            }
        }
        if (worst == null) {
            throw new IllegalStateException("a gradient of length 0 has no worst coordinate");
        }
        return worst;
    }

    /// @return the largest relative error, 0 for $n = 0$, NaN if any coordinate's error is NaN
    public double maxRelativeError() {
        return coordinates.isEmpty() ? 0.0 : worst().relativeError();
    }

    /// @return whether every coordinate's relative error is at most the tolerance (false if any is NaN)
    public boolean passed() {
        return maxRelativeError() <= tolerance;
    }

    /// The coordinates whose relative error exceeds the tolerance (or is NaN).
    ///
    /// @return the failing coordinates, in order
    public List<Coordinate> failures() {
        return coordinates.stream()
                .filter(c -> !(c.relativeError() <= tolerance))
                .toList();
    }
}
