package dev.lemma.ml.linear;

import dev.lemma.data.Dataset;
import dev.lemma.ml.Inputs;
import dev.lemma.ml.Learner;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/// Rosenblatt's perceptron (1958), scikit-learn's `Perceptron` without penalty: for each misclassified
/// example, move the weights of the true class towards it and those of the predicted class away,
/// $w_{y} \leftarrow w_y + \eta x$, $w_{\hat y} \leftarrow w_{\hat y} - \eta x$ (with two classes, one
/// row, $w \leftarrow w + \eta(y - \hat y)x$ with labels $\pm 1$). Examples are visited in a seeded
/// random order each epoch.
///
/// If the classes are linearly separable with margin $\gamma$ by a unit vector, and $\|x\| \le R$, the
/// perceptron makes at most $(R/\gamma)^2$ mistakes (Novikoff, 1962) and stops; otherwise it never settles,
/// and stops after `maxIterations` epochs. It gives no probabilities.
///
/// @param eta the learning rate $\eta > 0$
/// @param maxIterations the epoch limit
/// @param seed the seed of the shuffles
public record Perceptron(double eta, int maxIterations, long seed) implements Learner<PerceptronClassifier> {

    /// Checks the settings.
    ///
    /// @throws IllegalArgumentException naming a setting out of range
    public Perceptron {
        if (!(eta > 0) || Double.isInfinite(eta)) {
            throw new IllegalArgumentException("Perceptron: eta0 must be finite and > 0, got " + eta);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("Perceptron: max_iter must be ≥ 1, got " + maxIterations);
        }
    }

    /// scikit-learn's defaults: $\eta = 1$, 1 000 epochs; seed 0.
    public Perceptron() {
        this(1.0, 1_000, 0);
    }

    @Override
    public PerceptronClassifier fit(Dataset data) {
        int[] y = data.labels();
        Inputs.training("perceptron", data, data.target());
        int classes = Math.max(
                data.classNames().size(), java.util.Arrays.stream(y).max().orElse(0) + 1);
        if (classes < 2) {
            throw new IllegalArgumentException("perceptron: the target has one class only; two are needed");
        }
        int d = data.dimension();
        int rows = classes == 2 ? 1 : classes;
        double[][] w = new double[rows][d];
        double[] b = new double[rows];
        double[][] x = data.features().toArray();
        SplittableRandom random = new SplittableRandom(seed);
        int[] order = new int[x.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        int epochs = 0;
        boolean separated = false;
        while (epochs < maxIterations && !separated) {
            epochs++;
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            int mistakes = 0;
            for (int i : order) {
                int predicted = PerceptronClassifier.decide(w, b, x[i]);
                if (predicted != y[i]) {
                    mistakes++;
                    if (rows == 1) {
                        double sign = y[i] == 1 ? 1 : -1;
                        update(w[0], x[i], eta * sign);
                        b[0] += eta * sign;
                    } else {
                        update(w[y[i]], x[i], eta);
                        b[y[i]] += eta;
                        update(w[predicted], x[i], -eta);
                        b[predicted] -= eta;
                    }
                }
            }
            separated = mistakes == 0;
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("eta0", eta);
        parameters.put("max_iter", maxIterations);
        parameters.put("random_state", seed);
        return new PerceptronClassifier(parameters, w, b, classes, epochs, separated);
    }

    private static void update(double[] w, double[] x, double step) {
        for (int j = 0; j < w.length; j++) {
            w[j] += step * x[j];
        }
    }
}
