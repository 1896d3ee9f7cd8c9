package dev.lemma.prob;

import static dev.lemma.prob.DiscreteReferenceValues.check;
import static dev.lemma.prob.DiscreteReferenceValues.matrix;
import static dev.lemma.prob.DiscreteReferenceValues.number;
import static dev.lemma.prob.DiscreteReferenceValues.numbers;

import dev.lemma.linalg.Matrix;
import dev.lemma.linalg.Vector;
import java.util.Map;
import org.junit.jupiter.api.Test;

/// [Dirichlet] and [MultivariateNormal] against every value of the `dirichlet` and
/// `multivariate_normal` blocks of `distributions.json` (SciPy 1.10.1), relative $10^{-12}$.
class MultivariateReferenceTest {

    @Test
    void dirichlet() {
        Map<String, Object> ref = DiscreteReferenceValues.block("dirichlet");
        Dirichlet d = new Dirichlet(numbers(ref.get("alpha")));
        double[][] points = matrix(ref.get("points"));
        double[] logpdf = numbers(ref.get("logpdf"));
        double[] pdf = numbers(ref.get("pdf"));
        double worst = 0;
        for (int i = 0; i < points.length; i++) {
            Vector x = Vector.of(points[i]);
            worst = Math.max(worst, check("dirichlet logpdf at point " + i, d.logPdf(x), logpdf[i]));
            worst = Math.max(worst, check("dirichlet pdf at point " + i, d.pdf(x), pdf[i]));
        }
        double[] mean = numbers(ref.get("mean"));
        double[] variance = numbers(ref.get("var"));
        Matrix covariance = d.covariance();
        for (int i = 0; i < mean.length; i++) {
            worst = Math.max(worst, check("dirichlet mean " + i, d.mean().get(i), mean[i]));
            worst = Math.max(worst, check("dirichlet var " + i, covariance.get(i, i), variance[i]));
        }
        worst = Math.max(worst, check("dirichlet entropy", d.entropy(), number(ref.get("entropy"))));
        System.out.printf("worst relative error, dirichlet: %.3g%n", worst);
    }

    @Test
    void multivariateNormal() {
        Map<String, Object> ref = DiscreteReferenceValues.block("multivariate_normal");
        MultivariateNormal d =
                new MultivariateNormal(Vector.of(numbers(ref.get("mean"))), Matrix.of(matrix(ref.get("cov"))));
        double[][] points = matrix(ref.get("points"));
        double[] logpdf = numbers(ref.get("logpdf"));
        double[] pdf = numbers(ref.get("pdf"));
        double worst = 0;
        for (int i = 0; i < points.length; i++) {
            Vector x = Vector.of(points[i]);
            worst = Math.max(worst, check("mvn logpdf at point " + i, d.logPdf(x), logpdf[i]));
            worst = Math.max(worst, check("mvn pdf at point " + i, d.pdf(x), pdf[i]));
        }
        worst = Math.max(worst, check("mvn entropy", d.entropy(), number(ref.get("entropy"))));
        System.out.printf("worst relative error, multivariate normal: %.3g%n", worst);
    }
}
