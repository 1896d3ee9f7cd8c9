package dev.lemma.experiments;

import dev.lemma.experiments.calculus.BackpropNetworkExperiment;
import dev.lemma.experiments.calculus.ComputationalGraphExperiment;
import dev.lemma.experiments.calculus.GradientFieldExperiment;
import dev.lemma.experiments.calculus.TangentLineExperiment;
import dev.lemma.experiments.calculus.TaylorSeriesExperiment;
import dev.lemma.experiments.info.EntropyAndKlExperiment;
import dev.lemma.experiments.linalg.GemmStaircaseExperiment;
import dev.lemma.experiments.linalg.GramSchmidtExperiment;
import dev.lemma.experiments.linalg.LowRankImageExperiment;
import dev.lemma.experiments.linalg.MatrixActionExperiment;
import dev.lemma.experiments.linalg.ProjectionExperiment;
import dev.lemma.experiments.ml.DecisionBoundariesExperiment;
import dev.lemma.experiments.ml.KnnKExperiment;
import dev.lemma.experiments.ml.LogisticTrainingExperiment;
import dev.lemma.experiments.ml.PcaExplorerExperiment;
import dev.lemma.experiments.ml.PolynomialDegreeExperiment;
import dev.lemma.experiments.ml.RegressionFitExperiment;
import dev.lemma.experiments.ml.RegularisationPathsExperiment;
import dev.lemma.experiments.ml.RocPrCurvesExperiment;
import dev.lemma.experiments.numeric.FiniteDifferenceErrorExperiment;
import dev.lemma.experiments.numeric.SoftmaxOverflowExperiment;
import dev.lemma.experiments.numeric.SummationErrorExperiment;
import dev.lemma.experiments.optim.ConstrainedKktExperiment;
import dev.lemma.experiments.optim.LearningRateExperiment;
import dev.lemma.experiments.optim.LrSchedulesExperiment;
import dev.lemma.experiments.optim.MomentumRateExperiment;
import dev.lemma.experiments.optim.NewtonVersusGradientDescentExperiment;
import dev.lemma.experiments.optim.OptimiserRaceExperiment;
import dev.lemma.experiments.optim.SgdBatchNoiseExperiment;
import dev.lemma.experiments.prob.BayesCoinExperiment;
import dev.lemma.experiments.prob.CentralLimitTheoremExperiment;
import dev.lemma.experiments.prob.DistributionExplorerExperiment;
import dev.lemma.experiments.prob.HoeffdingBoundExperiment;
import dev.lemma.experiments.prob.LawOfLargeNumbersExperiment;
import dev.lemma.experiments.stats.BootstrapDistributionExperiment;
import dev.lemma.experiments.stats.ConfidenceCoverageExperiment;
import dev.lemma.experiments.stats.TestPowerExperiment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/// The registry: every experiment of the book, in book order. The lab, the command line, the book's
/// ` ```experiment ID``` ` blocks and CI all read this one list; an experiment missing here exists
/// nowhere.
public final class Experiments {
    private static final List<Experiment> ALL = List.of(
            // Chapter 1, linear algebra, in the order the chapter embeds them.
            new ProjectionExperiment(),
            new GramSchmidtExperiment(),
            new MatrixActionExperiment(),
            new LowRankImageExperiment(),
            new GemmStaircaseExperiment(),
            // Chapter 2, calculus, in the order the chapter embeds them.
            new TangentLineExperiment(),
            new GradientFieldExperiment(),
            new TaylorSeriesExperiment(),
            new ComputationalGraphExperiment(),
            new BackpropNetworkExperiment(),
            // Chapter 3, probability, in the order the chapter embeds them.
            new DistributionExplorerExperiment(),
            new BayesCoinExperiment(),
            new LawOfLargeNumbersExperiment(),
            new CentralLimitTheoremExperiment(),
            new HoeffdingBoundExperiment(),
            // Chapter 4, statistics, in the order the chapter embeds them.
            new ConfidenceCoverageExperiment(),
            new TestPowerExperiment(),
            new BootstrapDistributionExperiment(),
            // Chapter 5, optimisation, in the order the chapter embeds them.
            new LearningRateExperiment(),
            new SgdBatchNoiseExperiment(),
            new MomentumRateExperiment(),
            new LrSchedulesExperiment(),
            new NewtonVersusGradientDescentExperiment(),
            new OptimiserRaceExperiment(),
            new ConstrainedKktExperiment(),
            // Chapter 6, information theory.
            new EntropyAndKlExperiment(),
            // Chapter 7, numerical methods.
            new SummationErrorExperiment(),
            new SoftmaxOverflowExperiment(),
            new FiniteDifferenceErrorExperiment(),
            // Chapter 8, case studies, in the order the chapter embeds them.
            new RegressionFitExperiment(),
            new PolynomialDegreeExperiment(),
            new DecisionBoundariesExperiment(),
            new LogisticTrainingExperiment(),
            new RocPrCurvesExperiment(),
            new RegularisationPathsExperiment(),
            new PcaExplorerExperiment(),
            new KnnKExperiment());

    private static final Map<String, Experiment> BY_ID = index(ALL);

    private Experiments() {}

    private static Map<String, Experiment> index(List<Experiment> experiments) {
        Map<String, Experiment> byId = new LinkedHashMap<>();
        for (Experiment e : experiments) {
            if (!e.id().matches("[a-z0-9]+(-[a-z0-9]+)*")) {
                throw new IllegalStateException(
                        "experiment id '" + e.id() + "' must be lower-case words joined by hyphens");
            }
            if (byId.put(e.id(), e) != null) {
                throw new IllegalStateException("two experiments share the id '" + e.id() + "'");
            }
        }
        return byId;
    }

    /// Every experiment, by chapter and then in the order the chapter presents them.
    ///
    /// @return the experiments
    public static List<Experiment> all() {
        return ALL;
    }

    /// The experiment with the given id, if there is one.
    ///
    /// @param id the id
    /// @return the experiment, or empty
    public static Optional<Experiment> find(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    /// The experiment with the given id.
    ///
    /// @param id the id
    /// @return the experiment
    /// @throws UnknownExperimentException if there is none, naming the known ids
    public static Experiment get(String id) {
        Experiment e = BY_ID.get(id);
        if (e == null) {
            throw new UnknownExperimentException(
                    "no experiment '" + id + "'; known: " + String.join(", ", BY_ID.keySet()));
        }
        return e;
    }
}
