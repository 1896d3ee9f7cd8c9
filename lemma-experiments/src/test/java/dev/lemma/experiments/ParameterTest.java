package dev.lemma.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// Each kind of [Parameter] parses what it accepts, and rejects anything else with a
/// [ParameterException] whose message names the parameter and what it accepts.
class ParameterTest {

    private static final Parameter.Real REAL = Parameter.number("rate", "Rate", "how fast", -3, 3, 0.1, 0.5);
    private static final Parameter.Int INT = Parameter.integer("size", "Size", "rows", 2, 12, 6);
    private static final Parameter.Choice CHOICE =
            Parameter.choice("family", "Family", "which", List.of("hilbert", "random"), "hilbert");
    private static final Parameter.Flag FLAG = Parameter.flag("log", "Log", "logarithmic", false);
    private static final Parameter.Data DATA =
            Parameter.dataset("image", "Image", "which image", List.of("astronaut", "hubble"), "astronaut");
    private static final Parameter.Seed SEED = Parameter.seed(42);

    @Test
    void realAcceptsItsRangeIncludingBothEnds() {
        assertThat(REAL.parse("-3")).isEqualTo(-3.0);
        assertThat(REAL.parse("3")).isEqualTo(3.0);
        assertThat(REAL.parse(" 0.25 ")).isEqualTo(0.25);
        assertThat(REAL.parse("1e-1")).isEqualTo(0.1);
        assertThat(REAL.kind()).isEqualTo("number");
        assertThat(REAL.defaultValue()).isEqualTo(0.5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"3.0001", "-3.5", "NaN", "Infinity", "abc", "1,5"})
    void realRejectsValuesOutsideItsRangeNamingParameterAndRange(String text) {
        assertThatThrownBy(() -> REAL.parse(text))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("'rate'")
                .hasMessageContaining("from -3 to 3")
                .hasMessageContaining(text)
                .satisfies(e -> assertThat(((ParameterException) e).parameter()).isEqualTo("rate"));
    }

    @Test
    void intAcceptsWholeNumbersAlsoWrittenAsDecimals() {
        assertThat(INT.parse("2")).isEqualTo(2);
        assertThat(INT.parse("12")).isEqualTo(12);
        assertThat(INT.parse("7.0")).isEqualTo(7);
        assertThat(INT.kind()).isEqualTo("integer");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "13", "6.5", "x", "99999999999999999999"})
    void intRejectsOthersNamingParameterAndRange(String text) {
        assertThatThrownBy(() -> INT.parse(text))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("'size'")
                .hasMessageContaining("an integer from 2 to 12");
    }

    @Test
    void choiceAcceptsOnlyItsWords() {
        assertThat(CHOICE.parse("random")).isEqualTo("random");
        assertThatThrownBy(() -> CHOICE.parse("Random"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("'family'")
                .hasMessageContaining("one of hilbert, random");
    }

    @Test
    void flagAcceptsTrueAndFalseInAnyCase() {
        assertThat(FLAG.parse("TRUE")).isTrue();
        assertThat(FLAG.parse("false")).isFalse();
        assertThatThrownBy(() -> FLAG.parse("yes"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("'log'")
                .hasMessageContaining("true or false");
    }

    @Test
    void datasetAcceptsOnlyItsDatasets() {
        assertThat(DATA.parse("hubble")).isEqualTo("hubble");
        assertThat(DATA.kind()).isEqualTo("dataset");
        assertThatThrownBy(() -> DATA.parse("lena"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("'image'")
                .hasMessageContaining("astronaut, hubble");
    }

    @Test
    void seedAcceptsZeroToTwoToTheFiftyThreeMinusOne() {
        assertThat(SEED.parse("0")).isZero();
        assertThat(SEED.parse(String.valueOf(Parameter.Seed.MAX))).isEqualTo(Parameter.Seed.MAX);
        for (String bad : List.of("-1", String.valueOf(Parameter.Seed.MAX + 1), "1.5", "seed")) {
            assertThatThrownBy(() -> SEED.parse(bad))
                    .isInstanceOf(ParameterException.class)
                    .hasMessageContaining("'seed'")
                    .hasMessageContaining("an integer from 0 to " + Parameter.Seed.MAX);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void everyKindRejectsAMissingValueSayingWhatItAccepts(String blank) {
        for (Parameter p : List.<Parameter>of(REAL, INT, CHOICE, FLAG, DATA, SEED)) {
            assertThatThrownBy(() -> p.parse(blank))
                    .isInstanceOf(ParameterException.class)
                    .hasMessageContaining("'" + p.name() + "' needs a value")
                    .hasMessageContaining(p.accepts());
        }
        assertThatThrownBy(() -> REAL.parse(null)).isInstanceOf(ParameterException.class);
    }

    @Test
    void declarationsAreChecked() {
        assertThatThrownBy(() -> Parameter.number("x", "x", "", 1, 0, 0.1, 0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a finite interval");
        assertThatThrownBy(() -> Parameter.number("x", "x", "", 0, 1, 0, 0.5)).hasMessageContaining("step");
        assertThatThrownBy(() -> Parameter.number("x", "x", "", 0, 1, 0.1, 2))
                .hasMessageContaining("outside its range");
        assertThatThrownBy(() -> Parameter.integer("n", "n", "", 1, 5, 6)).hasMessageContaining("[1, 5]");
        assertThatThrownBy(() -> Parameter.choice("c", "c", "", List.of("a", "a"), "a"))
                .hasMessageContaining("distinct");
        assertThatThrownBy(() -> Parameter.choice("c", "c", "", List.of("a"), "b"))
                .hasMessageContaining("not one of");
        assertThatThrownBy(() -> Parameter.flag("Bad-name", "b", "", true)).hasMessageContaining("lowerCamelCase");
        assertThatThrownBy(() -> new Parameter.Seed("seed", "s", "", -1L)).hasMessageContaining("outside");
    }
}
