package dev.lemma.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// CSV reading against hand-made files: typing, quoting (RFC 4180), missing values, and an error that
/// names the line and the column for every kind of malformed input; writing reads back exactly.
class CsvTest {

    @Test
    void columnsAreTypedAndQuotedFieldsMayHoldCommasQuotesAndLineBreaks() {
        String text = "x,colour,note\n1.5,red,\"a, b\"\n-2e3,blue,\"she said \"\"hi\"\"\"\n.25,red,\"two\nlines\"\n";
        Frame f = Csv.parse(text, "t.csv");
        assertThat(f.names()).containsExactly("x", "colour", "note");
        assertThat(f.rows()).isEqualTo(3);
        assertThat(((Column.Numeric) f.column("x")).values()).containsExactly(1.5, -2000, 0.25);
        Column.Categorical colour = (Column.Categorical) f.column("colour");
        assertThat(colour.levels()).containsExactly("blue", "red");
        assertThat(colour.codes()).containsExactly(1, 0, 1);
        assertThat(((Column.Categorical) f.column("note")).levels())
                .containsExactly("a, b", "she said \"hi\"", "two\nlines");
        assertThat(f.lines()).containsExactly(2, 3, 4);
    }

    @Test
    void missingCellsAreMarkedReportedAndEitherRefusedOrImputed() {
        String text = "a,b,y\n1,u,0\n,v,1\n3,NA,0\n5,u,1\n";
        Frame f = Csv.parse(text, "m.csv");
        assertThat(f.missingCount()).isEqualTo(2);
        assertThat(f.missingReport())
                .contains("column 'a': 1 missing (line 3)")
                .contains("column 'b': 1 missing (line 4)");
        assertThatThrownBy(() -> f.toDataset("m", Frame.MissingValues.REJECT, "y"))
                .hasMessageContaining("m.csv: line 3, column 'a': missing value (2 missing cells in all");
        Dataset d = f.toDataset("m", Frame.MissingValues.IMPUTE, "y");
        // a: mean of 1, 3, 5 = 3; b: one-hot with the most frequent level (u) for the missing cell
        assertThat(d.featureNames()).containsExactly("a", "b=u", "b=v");
        assertThat(d.features().toArray()).isDeepEqualTo(new double[][] {{1, 1, 0}, {3, 0, 1}, {3, 1, 0}, {5, 1, 0}});
        assertThat(d.target()).containsExactly(0, 1, 0, 1);
    }

    @Test
    void aCategoricalTargetBecomesClassCodesWithItsNames() {
        Dataset d = Csv.parse("h,species\n1,virginica\n2,setosa\n3,virginica\n", "s.csv")
                .toDataset("s", Frame.MissingValues.REJECT, "species");
        assertThat(d.classNames()).containsExactly("setosa", "virginica");
        assertThat(d.labels()).containsExactly(1, 0, 1);
    }

    @Test
    void everyMalformedInputIsNamedWithItsLineAndColumn() {
        assertThatThrownBy(() -> Csv.parse("a,b\n1,2\n3\n", "f.csv"))
                .isInstanceOf(CsvFormatException.class)
                .hasMessage("f.csv: line 3: 1 cells, but the header has 2");
        assertThatThrownBy(() -> Csv.parse("a,b\n1,2\n3,x\n4,5\n", "f.csv"))
                .hasMessage("f.csv: line 3, column 'b' (2): found 'x', not a number, in a column of 2 numbers"
                        + " (a missing value is written as an empty cell or NA)");
        assertThatThrownBy(() -> Csv.parse("a,b\n1,2\n1.2.3,4\n", "f.csv"))
                .hasMessageContaining("line 3, column 'a' (1): found '1.2.3'");
        assertThatThrownBy(() -> Csv.parse("a,a\n1,2\n", "f.csv"))
                .hasMessageContaining("the column name 'a' appears twice (columns 1 and 2)");
        assertThatThrownBy(() -> Csv.parse("a,b\n1,\"open\n2,3\n", "f.csv"))
                .hasMessageContaining("line 2: a quoted field opened here is never closed");
        assertThatThrownBy(() -> Csv.parse("a,b\n1,ab\"c\n", "f.csv"))
                .hasMessageContaining("line 2, column 2: a quote in the middle of an unquoted field");
        assertThatThrownBy(() -> Csv.parse("a,b\n1,\"x\"y\n", "f.csv"))
                .hasMessageContaining("line 2, column 2: found 'y' after a closing quote");
        assertThatThrownBy(() -> Csv.parse("", "f.csv")).hasMessageContaining("the file is empty");
        assertThatThrownBy(() -> Csv.parse("a,b\n1,1e999\n", "f.csv"))
                .hasMessageContaining("line 2, column 'b' (2): '1e999' overflows a double");
        assertThatThrownBy(() -> Csv.parse("a,b\n1,2\n", "f.csv").toDataset("f", Frame.MissingValues.REJECT, "c"))
                .hasMessageContaining("f.csv has no column 'c'; its columns are [a, b]");
    }

    @Test
    void blankLinesCrlfAndAByteOrderMarkAreAccepted() {
        Frame f = Csv.parse("\uFEFFa,b\r\n1,2\r\n\r\n3,4\r\n", "w.csv");
        assertThat(f.names()).containsExactly("a", "b");
        assertThat(((Column.Numeric) f.column("b")).values()).containsExactly(2, 4);
        assertThat(f.lines()).containsExactly(2, 4);
    }

    @Test
    void writingThenReadingGivesTheSameNumbersExactly(@TempDir Path dir) {
        Dataset d = Synthetic.regression(50, 3, 2, 0.7, 0.3, 5).data();
        Path file = dir.resolve("r.csv");
        Csv.write(d, file);
        Dataset back = Csv.read(file).toDataset("r", Frame.MissingValues.REJECT, "target");
        assertThat(back.features().toArray()).isDeepEqualTo(d.features().toArray());
        assertThat(back.target()).containsExactly(d.target());
        assertThat(back.featureNames()).isEqualTo(d.featureNames());
    }

    @Test
    void theBundledFilesAreWrittenBackByteForByte() throws Exception {
        // The bundled CSVs were written by Python with the same conventions (integers without a point,
        // shortest round-trip decimals), so Lemma's writer reproduces them exactly.
        for (String name : List.of("iris", "wine", "diabetes", "linnerud")) {
            StringWriter out = new StringWriter();
            Csv.write(Datasets.load(name), out);
            byte[] original;
            try (var in = Datasets.class.getResourceAsStream("datasets/" + name + ".csv")) {
                original = in.readAllBytes();
            }
            assertThat(out.toString())
                    .as(name)
                    .isEqualTo(new String(original, java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
