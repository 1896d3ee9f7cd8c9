package dev.lemma.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/// [Arguments] fills in defaults, parses given values through their parameters and rejects names the
/// experiment does not have.
class ArgumentsTest {

    /// A minimal experiment with one parameter of each kind.
    private static final Experiment EXAMPLE = new Experiment() {
        @Override
        public String id() {
            return "example";
        }

        @Override
        public String title() {
            return "Example";
        }

        @Override
        public int chapter() {
            return 0;
        }

        @Override
        public String summary() {
            return "";
        }

        @Override
        public String formula() {
            return "";
        }

        @Override
        public List<Parameter> parameters() {
            return List.of(
                    Parameter.number("x", "x", "", 0, 1, 0.1, 0.5),
                    Parameter.integer("n", "n", "", 1, 10, 3),
                    Parameter.choice("kind", "kind", "", List.of("a", "b"), "a"),
                    Parameter.flag("on", "on", "", true),
                    Parameter.dataset("data", "data", "", List.of("iris"), "iris"),
                    Parameter.seed(7));
        }

        @Override
        public Result run(Arguments arguments, Progress progress) {
            return Result.builder().build();
        }
    };

    @Test
    void defaultsFillEveryParameterInDeclarationOrder() {
        Arguments args = Arguments.defaults(EXAMPLE);
        assertThat(args.values())
                .containsExactly(
                        Map.entry("x", 0.5),
                        Map.entry("n", 3),
                        Map.entry("kind", "a"),
                        Map.entry("on", true),
                        Map.entry("data", "iris"),
                        Map.entry("seed", 7L));
        assertThat(args.number("x")).isEqualTo(0.5);
        assertThat(args.integer("n")).isEqualTo(3);
        assertThat(args.choice("kind")).isEqualTo("a");
        assertThat(args.flag("on")).isTrue();
        assertThat(args.choice("data")).isEqualTo("iris");
        assertThat(args.seed("seed")).isEqualTo(7L);
    }

    @Test
    void givenValuesAreParsedAndTheRestDefaulted() {
        Arguments args = Arguments.parse(EXAMPLE, Map.of("n", "9", "kind", "b"));
        assertThat(args.integer("n")).isEqualTo(9);
        assertThat(args.choice("kind")).isEqualTo("b");
        assertThat(args.number("x")).isEqualTo(0.5);
        assertThat(args.seed("seed")).isEqualTo(7L);
    }

    @Test
    void unknownNamesAreRejectedNamingTheKnownOnes() {
        assertThatThrownBy(() -> Arguments.parse(EXAMPLE, Map.of("size", "3")))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("experiment 'example' has no parameter 'size'")
                .hasMessageContaining("x, n, kind, on, data, seed")
                .satisfies(e -> assertThat(((ParameterException) e).parameter()).isEqualTo("size"));
    }

    @Test
    void badValuesAreRejectedByTheirParameter() {
        assertThatThrownBy(() -> Arguments.parse(EXAMPLE, Map.of("n", "11")))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("'n'")
                .hasMessageContaining("from 1 to 10");
    }

    @Test
    void askingForTheWrongTypeIsABugReportedAsSuch() {
        Arguments args = Arguments.defaults(EXAMPLE);
        assertThatThrownBy(() -> args.integer("x"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'x'");
        assertThatThrownBy(() -> args.number("missing")).isInstanceOf(IllegalStateException.class);
    }
}
