package dev.lemma.experiments.stats;

import dev.lemma.experiments.Parameter;
import dev.lemma.prob.ContinuousDistribution;
import dev.lemma.prob.Exponential;
import dev.lemma.prob.LogNormal;
import dev.lemma.prob.Normal;
import dev.lemma.prob.Uniform;
import java.util.List;

/// The populations the chapter-4 experiments sample from, from symmetric to strongly skewed: the
/// standard normal, the uniform on $[0, 1]$, the exponential with rate 1 (skewness 2) and the
/// log-normal with $\mu = 0$, $\sigma = 1$ (skewness about 6.2).
final class Populations {
    private Populations() {}

    /// The names, in the order the control lists them.
    static final List<String> NAMES = List.of("normal", "uniform", "exponential", "lognormal");

    /// The control that picks a population.
    static Parameter.Choice parameter(String defaultValue) {
        return Parameter.choice(
                "distribution",
                "Population",
                "normal N(0, 1); uniform U(0, 1); exponential with rate 1 (skewness 2); log-normal with μ = 0,"
                        + " σ = 1 (skewness ≈ 6.2)",
                NAMES,
                defaultValue);
    }

    /// The distribution of a name in [#NAMES].
    static ContinuousDistribution of(String name) {
        return switch (name) {
            case "normal" -> new Normal(0, 1);
            case "uniform" -> new Uniform(0, 1);
            case "exponential" -> new Exponential(1);
            case "lognormal" -> new LogNormal(0, 1);
            default -> throw new IllegalArgumentException("unknown population " + name);
        };
    }

    /// How the population reads in a note.
    static String describe(String name) {
        return switch (name) {
            case "normal" -> "the standard normal $N(0, 1)$";
            case "uniform" -> "the uniform $U(0, 1)$";
            case "exponential" -> "the exponential with rate 1, skewness 2";
            default -> "the log-normal with $\\mu = 0$, $\\sigma = 1$, skewness about 6.2";
        };
    }
}
