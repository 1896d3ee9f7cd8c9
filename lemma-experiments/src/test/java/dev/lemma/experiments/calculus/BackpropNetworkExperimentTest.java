package dev.lemma.experiments.calculus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lemma.calculus.GradientCheck;
import dev.lemma.experiments.Result;
import dev.lemma.experiments.Runs;
import dev.lemma.experiments.Table;
import dev.lemma.viz.Series;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// The back-propagation experiment: the engine's first gradient passes the gradient check for every
/// activation, training lowers the loss, the easy data sets are learned, and a learning rate far too
/// large is reported rather than drawn as if it had worked.
class BackpropNetworkExperimentTest {

    private static final BackpropNetworkExperiment EXPERIMENT = new BackpropNetworkExperiment();

    private static double value(Result r, String prefix) {
        Table t = r.tables().getFirst();
        return t.rows().stream()
                .filter(row -> row.getFirst().toString().startsWith(prefix))
                .map(row -> row.get(1))
                .map(v -> v instanceof Number n
                        ? n.doubleValue()
                        : Double.parseDouble(v.toString().replace(" %", "")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row " + prefix));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tanh", "relu", "sigmoid", "gelu"})
    void theFirstGradientPassesTheCheckAndTrainingLowersTheLoss(String activation) {
        Result r = Runs.run(EXPERIMENT, "activation", activation, "steps", "300", "data", "xor");
        assertThat(value(r, "first gradient")).isLessThan(GradientCheck.DEFAULT_TOLERANCE);
        assertThat(value(r, "loss after")).isLessThan(value(r, "loss before"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"circles", "xor"})
    void theEasyDataSetsAreLearned(String data) {
        Result r = Runs.run(EXPERIMENT, "data", data);
        assertThat(value(r, "training accuracy")).isGreaterThanOrEqualTo(95.0);
        assertThat(value(r, "loss after")).isLessThan(0.1);
    }

    /// With a step below $2/\lambda_{\max}$ of the loss's Hessian gradient descent is a descent method (chapter 5):
    /// for a small rate the recorded loss never rises.
    @ParameterizedTest
    @ValueSource(strings = {"tanh", "sigmoid"})
    void aSmallStepLowersTheLossAtEveryStep(String activation) {
        Result r = Runs.run(EXPERIMENT, "activation", activation, "rate", "0.05", "steps", "500");
        Series.Line curve = (Series.Line) r.charts().get(1).series().getFirst();
        double[] loss = curve.y();
        for (int i = 1; i < loss.length; i++) {
            assertThat(loss[i]).as("loss at record %d", i).isLessThanOrEqualTo(loss[i - 1]);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2})
    void theSameSeedGivesTheSameRun(long seed) {
        Result a = Runs.run(EXPERIMENT, "seed", Long.toString(seed), "steps", "50");
        Result b = Runs.run(EXPERIMENT, "seed", Long.toString(seed), "steps", "50");
        assertThat(value(a, "loss after")).isEqualTo(value(b, "loss after"));
    }
}
