package dev.lemma.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.lemma.viz.Chart;
import dev.lemma.viz.StaticChart;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xml.sax.InputSource;

/// The CI smoke run the architecture asks for: every registered experiment runs once with its
/// defaults, within the time budget it declares, and every chart it returns renders to PNG and SVG.
///
/// The budget is the experiment's own promise for a 2-core machine (the lab stops runs that exceed
/// it), not a benchmark: it is generous, and a run that comes near it is a bug to look at.
class AllExperimentsTest {

    static Stream<Experiment> experiments() {
        return Experiments.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("experiments")
    void runsWithItsDefaultsWithinItsBudgetAndItsChartsRender(Experiment experiment) throws Exception {
        Result result = assertTimeoutPreemptively(experiment.budget(), experiment::runDefaults);

        assertThat(result.charts()).as("charts of %s", experiment.id()).isNotEmpty();
        for (Chart chart : result.charts()) {
            byte[] png = StaticChart.png(chart, 640, 480);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(image).as("PNG of '%s'", chart.title()).isNotNull();
            assertThat(image.getWidth()).isEqualTo(640);
            assertThat(image.getHeight()).isEqualTo(480);

            String svg = StaticChart.svg(chart, 640, 480);
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            var document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
            assertThat(document.getDocumentElement().getNodeName()).isEqualTo("svg");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("experiments")
    void describesItselfForTheLabAndTheCommandLine(Experiment experiment) {
        assertThat(experiment.title()).isNotBlank();
        assertThat(experiment.summary()).isNotBlank();
        assertThat(experiment.formula()).isNotBlank();
        assertThat(experiment.chapter()).isBetween(0, 99);
        assertThat(experiment.budget()).isPositive();
        for (Parameter p : experiment.parameters()) {
            // Every default is a value its parameter accepts when given back as text.
            assertThat(p.parse(String.valueOf(p.defaultValue()))).isEqualTo(p.defaultValue());
        }
    }
}
