package dev.lemma.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/// `lemma bench gemm` on tiny sizes, with the shortest runs: the shape of the table and of the JSON,
/// and bad options. (No timing is asserted: the machine may be busy.)
class GemmBenchCommandTest {
    private static final String[] FAST = {"--repeat", "1", "--run-millis", "1"};
    private static final String[] STEPS = {"reference", "reordered", "blocked", "simd", "parallel"};

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        String[] all = new String[2 + args.length + FAST.length];
        all[0] = "bench";
        all[1] = "gemm";
        System.arraycopy(args, 0, all, 2, args.length);
        System.arraycopy(FAST, 0, all, 2 + args.length, FAST.length);
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), all);
    }

    @Test
    void theTableHasARowPerStepAndSizeAndNamesTheSkippedSteps() {
        assertThat(run("--sizes", "7,20", "--naive-max", "10", "--threads", "2"))
                .isZero();
        String table = out.toString();
        assertThat(table).contains("GEMM staircase").contains("GFLOP/s").contains("max |error|");
        for (String step : STEPS) {
            // n = 7: every step measured, with threads, GFLOP/s, time and an error in scientific notation
            assertThat(table)
                    .containsPattern("(?m)^\\s+7  " + step + "\\s+\\d+\\s+[\\d.]+\\s+[\\d.]+\\s+\\d\\.\\de[-+]\\d+$");
        }
        assertThat(table).containsPattern("(?m)^\\s+20  reference\\s+skipped$");
        assertThat(table).containsPattern("(?m)^\\s+20  reordered\\s+skipped$");
        assertThat(table).containsPattern("(?m)^\\s+20  simd\\s+1\\s");
        assertThat(table).containsPattern("(?m)^\\s+20  parallel\\s+2\\s");
        assertThat(table)
                .contains("Skipped (slower than worth waiting for past --naive-max 10): reference at n=20,"
                        + " reordered at n=20.");
        assertThat(err.toString()).contains("gemm"); // the progress bar
    }

    @Test
    void jsonHasOneObjectPerStepAndSize() {
        assertThat(run("--sizes", "5,9", "--naive-max", "5", "--threads", "1", "--json"))
                .isZero();
        String json = out.toString().strip();
        assertThat(json)
                .startsWith("{\"benchmark\":\"gemm\",\"unit\":\"GFLOP/s\",\"repeat\":1,")
                .contains("\"threads\":1")
                .contains("\"simd\":true")
                .endsWith("]}")
                .doesNotContain("NaN")
                .doesNotContain("Infinity");
        assertThat(json.lines()).hasSize(1);
        Matcher measured = Pattern.compile("\\{\"n\":(\\d+),\"step\":\"(\\w+)\",\"threads\":(\\d+),\"skipped\":false,"
                        + "\"gflops\":[-\\d.E]+,\"seconds\":[-\\d.E]+,\"maxError\":[-\\d.E]+}")
                .matcher(json);
        int count = 0;
        while (measured.find()) {
            count++;
        }
        assertThat(count).isEqualTo(2 * STEPS.length - 2);
        assertThat(json)
                .contains("{\"n\":9,\"step\":\"reference\",\"threads\":1,\"skipped\":true,\"reason\":\"n > 5\"}")
                .contains("{\"n\":9,\"step\":\"reordered\",\"threads\":1,\"skipped\":true,\"reason\":\"n > 5\"}");
        assertThat(json.chars().filter(ch -> ch == '{').count())
                .isEqualTo(json.chars().filter(ch -> ch == '}').count())
                .isEqualTo(1 + 2 * STEPS.length);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "--sizes=0     | --sizes: every size must be in [1, 8192], but one is 0",
                "--sizes=9000  | --sizes: every size must be in [1, 8192], but one is 9000",
                "--threads=0   | --threads must be ≥ 1 but is 0",
                "--naive-max=-1| --naive-max must be ≥ 0 but is -1",
                "--sizes=abc   | Invalid value for option '--sizes'",
            })
    void badOptionsEndInOneLineAndExitCodeTwo(String option, String message) {
        assertThat(run(option)).isEqualTo(Main.USAGE_ERROR);
        assertThat(err.toString().strip().lines()).hasSize(1);
        assertThat(err.toString()).startsWith("lemma: ").contains(message);
    }

    @Test
    void jsonStringsAreEscaped() {
        assertThat(GemmBenchCommand.jsonString("a\"b\\c\nd\u0001")).isEqualTo("\"a\\\"b\\\\c\\nd\\u0001\"");
        assertThat(GemmBenchCommand.jsonNumber(Double.NaN)).isEqualTo("null");
        assertThat(GemmBenchCommand.jsonNumber(1.5e-7)).isEqualTo("1.5E-7");
    }

    @Test
    void benchListsGemm() {
        assertThat(Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "bench", "--help"))
                .isZero();
        assertThat(out.toString()).contains("gemm");
    }
}
