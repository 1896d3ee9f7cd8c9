package dev.lemma.ml.bayes;

import dev.lemma.linalg.Matrix;
import dev.lemma.ml.Classifier;
import dev.lemma.ml.Inputs;

/// What every naive Bayes model shares: Bayes' rule in log space. With $\log P(y = k)$ and the class's
/// joint log-likelihood $\ell_k(x) = \sum_j \log p(x_j \mid y = k)$,
/// $$P(y = k \mid x) = \frac{\exp(\log P(k) + \ell_k(x))}{\sum_c \exp(\log P(c) + \ell_c(x))},$$
/// computed with the largest term factored out (log-sum-exp), because the likelihoods of many features
/// underflow: a product of 64 pixel probabilities is far below the smallest double.
abstract sealed class NaiveBayesModel implements Classifier
        permits GaussianNB.Fitted, MultinomialNB.Fitted, BernoulliNB.Fitted {

    /// $\log P(y = k)$ for each class.
    abstract double[] logPrior();

    /// $\ell_k(x)$ for each class.
    abstract double[] jointLogLikelihood(double[] x);

    abstract String kind();

    @Override
    public int classes() {
        return logPrior().length;
    }

    @Override
    public int[] predict(Matrix x) {
        return Classifier.argmax(logPosterior(x));
    }

    @Override
    public double[][] predictProba(Matrix x) {
        double[][] p = logPosterior(x);
        for (double[] row : p) {
            for (int k = 0; k < row.length; k++) {
                row[k] = Math.exp(row[k]);
            }
        }
        return p;
    }

    /// $\log P(y = k \mid x)$ for each row, normalised by log-sum-exp.
    double[][] logPosterior(Matrix x) {
        Inputs.prediction(kind(), x, features());
        double[] prior = logPrior();
        double[][] out = new double[x.rows()][];
        for (int i = 0; i < x.rows(); i++) {
            double[] joint = jointLogLikelihood(x.row(i).toArray());
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < joint.length; k++) {
                joint[k] += prior[k];
                max = Math.max(max, joint[k]);
            }
            double sum = 0;
            for (double v : joint) {
                sum += Math.exp(v - max);
            }
            double log = max + Math.log(sum);
            for (int k = 0; k < joint.length; k++) {
                joint[k] -= log;
            }
            out[i] = joint;
        }
        return out;
    }

    /// Class counts and the log of the empirical priors.
    static double[] logPriors(int[] y, int classes) {
        double[] counts = new double[classes];
        for (int label : y) {
            counts[label]++;
        }
        double[] logPrior = new double[classes];
        for (int k = 0; k < classes; k++) {
            logPrior[k] = Math.log(counts[k] / y.length);
        }
        return logPrior;
    }

    static int classCount(dev.lemma.data.Dataset data, int[] y, String kind) {
        int classes = Math.max(
                data.classNames().size(), java.util.Arrays.stream(y).max().orElse(0) + 1);
        int[] counts = new int[classes];
        for (int label : y) {
            counts[label]++;
        }
        for (int k = 0; k < classes; k++) {
            if (counts[k] == 0) {
                throw new IllegalArgumentException(kind + ": class " + k + " has no training examples");
            }
        }
        return classes;
    }

    static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
