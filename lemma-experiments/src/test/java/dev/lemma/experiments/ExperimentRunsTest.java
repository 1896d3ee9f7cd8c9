package dev.lemma.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lemma.viz.Chart;
import dev.lemma.viz.Series;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/// Every registered experiment runs with its defaults, at both ends of every numeric parameter and
/// with every choice; all but the one that measures the machine give the same numbers twice.
class ExperimentRunsTest {

    /// Experiments whose result is a measurement of this machine and so may differ between runs.
    private static final List<String> NOT_DETERMINISTIC = List.of("gemm-staircase");

    /// Arguments that keep the GEMM staircase short, so that its edge runs test the parameter being
    /// moved rather than the machine's patience.
    private static final Map<String, Map<String, String>> CHEAP_BASELINE =
            Map.of("gemm-staircase", Map.of("maxSize", "32", "referenceMax", "16", "repeats", "1"));

    static Stream<Arguments> edgeRuns() {
        List<Arguments> runs = new ArrayList<>();
        for (Experiment e : Experiments.all()) {
            Map<String, String> baseline = CHEAP_BASELINE.getOrDefault(e.id(), Map.of());
            Map<String, String> allMin = new LinkedHashMap<>(baseline);
            Map<String, String> allMax = new LinkedHashMap<>(baseline);
            for (Parameter p : e.parameters()) {
                List<String> values = switch (p) {
                    case Parameter.Real r -> List.of(String.valueOf(r.min()), String.valueOf(r.max()));
                    case Parameter.Int i -> List.of(String.valueOf(i.min()), String.valueOf(i.max()));
                    case Parameter.Choice c -> c.choices();
                    case Parameter.Data d -> d.datasets();
                    case Parameter.Flag f -> List.of("true", "false");
                    case Parameter.Seed s -> List.of("0", String.valueOf(Parameter.Seed.MAX));
                };
                for (String v : values) {
                    Map<String, String> given = new LinkedHashMap<>(baseline);
                    given.put(p.name(), v);
                    runs.add(Arguments.of(e.id(), given));
                }
                if (p instanceof Parameter.Real || p instanceof Parameter.Int) {
                    allMin.put(p.name(), values.getFirst());
                    allMax.put(p.name(), values.getLast());
                }
            }
            if (!CHEAP_BASELINE.containsKey(e.id())) { // the staircase at all maxima is its time budget's worst case
                runs.add(Arguments.of(e.id(), allMin));
                runs.add(Arguments.of(e.id(), allMax));
            }
        }
        return runs.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("edgeRuns")
    void runsAtTheEdgesOfEveryParameter(String id, Map<String, String> given) {
        Experiment e = Experiments.get(id);
        Result result = e.run(dev.lemma.experiments.Arguments.parse(e, given), Progress.NONE);
        assertThat(result.charts()).as(id + " charts").isNotEmpty();
        assertThat(result.tables()).as(id + " tables").isNotEmpty();
        assertThat(result.notes()).as(id + " notes").isNotEmpty();
        for (Chart c : result.charts()) {
            assertThat(c.title()).isNotBlank();
            assertThat(c.series()).as(c.title()).isNotEmpty();
        }
    }

    @Test
    void everyExperimentRunsWithItsDefaults() {
        for (Experiment e : Experiments.all()) {
            if (e.id().equals("gemm-staircase")) {
                continue; // its default run takes seconds; GemmStaircaseExperimentTest runs a short one
            }
            Result result = e.runDefaults();
            assertThat(result.charts()).as(e.id()).isNotEmpty();
        }
    }

    @Test
    void theSameArgumentsGiveTheSameNumbers() {
        for (Experiment e : Experiments.all()) {
            if (NOT_DETERMINISTIC.contains(e.id())) {
                continue;
            }
            Result first = e.runDefaults();
            Result second = e.runDefaults();
            assertThat(numbers(second)).as(e.id()).isEqualTo(numbers(first));
            assertThat(second.tables()).as(e.id()).isEqualTo(first.tables());
            assertThat(second.notes()).as(e.id()).isEqualTo(first.notes());
        }
    }

    /// The same holds away from the defaults: at the edges of every parameter and with every choice.
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("edgeRuns")
    void theSameEdgeArgumentsGiveTheSameNumbers(String id, Map<String, String> given) {
        if (NOT_DETERMINISTIC.contains(id)) {
            return;
        }
        Experiment e = Experiments.get(id);
        dev.lemma.experiments.Arguments arguments = dev.lemma.experiments.Arguments.parse(e, given);
        Result first = e.run(arguments, Progress.NONE);
        Result second = e.run(arguments, Progress.NONE);
        assertThat(numbers(second)).isEqualTo(numbers(first));
        assertThat(second.tables()).isEqualTo(first.tables());
    }

    /// Every number of every chart, as lists (the series' own `equals` is identity).
    static List<Object> numbers(Result result) {
        List<Object> all = new ArrayList<>();
        for (Chart c : result.charts()) {
            all.add(c.title());
            all.add(c.annotations()); // records of numbers and strings: equal by value
            for (Series s : c.series()) {
                all.add(s.name());
                switch (s) {
                    case Series.Line l -> all.add(List.of(boxed(l.x()), boxed(l.y())));
                    case Series.Scatter sc -> all.add(List.of(boxed(sc.x()), boxed(sc.y()), sc.labels()));
                    case Series.Bar b -> all.add(List.of(b.categories(), boxed(b.values())));
                    case Series.Histogram h -> all.add(List.of(boxed(h.edges()), boxed(h.counts())));
                    case Series.Contour ct -> all.add(List.of(boxed(ct.x()), boxed(ct.y()), boxed(ct.z())));
                    case Series.Heatmap hm -> all.add(List.of(boxed(hm.x()), boxed(hm.y()), boxed(hm.z())));
                    case Series.Surface sf -> all.add(List.of(boxed(sf.x()), boxed(sf.y()), boxed(sf.z())));
                    case Series.VectorField v ->
                        all.add(List.of(boxed(v.x()), boxed(v.y()), boxed(v.u()), boxed(v.v())));
                    case Series.Image im ->
                        all.add(List.of(
                                im.width(),
                                im.height(),
                                List.of(java.util.Arrays.stream(im.rgb())
                                        .boxed()
                                        .toList())));
                }
            }
        }
        return all;
    }

    /// Boxed so that NaN equals NaN (as [Double#equals(Object)] has it) and lists compare by value.
    private static List<Double> boxed(double[] x) {
        return java.util.Arrays.stream(x).boxed().toList();
    }

    private static List<List<Double>> boxed(double[][] z) {
        return Stream.of(z).map(ExperimentRunsTest::boxed).toList();
    }
}
