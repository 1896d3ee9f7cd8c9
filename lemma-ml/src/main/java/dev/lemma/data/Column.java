package dev.lemma.data;

import java.util.BitSet;
import java.util.List;

/// One column of a [Frame]: numbers or categories, with its missing cells marked.
public sealed interface Column {

    /// @return the header's name for the column
    String name();

    /// @return the number of cells
    int size();

    /// @return the rows whose cell is missing (a copy)
    BitSet missing();

    /// A column of numbers. A missing cell holds NaN.
    ///
    /// @param name the name
    /// @param values the numbers (NaN where missing)
    /// @param missing the missing rows
    @SuppressWarnings("ArrayRecordComponent") // read by the conversion to a dataset, never compared
    record Numeric(String name, double[] values, BitSet missing) implements Column {
        /// Copies the mutable parts.
        public Numeric {
            values = values.clone();
            missing = (BitSet) missing.clone();
        }

        @Override
        public double[] values() {
            return values.clone();
        }

        @Override
        public int size() {
            return values.length;
        }

        @Override
        public BitSet missing() {
            return (BitSet) missing.clone();
        }
    }

    /// A column of categories, each cell a code into `levels` (sorted). A missing cell holds −1.
    ///
    /// @param name the name
    /// @param codes the category of each row, an index into `levels`, or −1 where missing
    /// @param levels the distinct categories, sorted
    /// @param missing the missing rows
    @SuppressWarnings("ArrayRecordComponent") // read by the conversion to a dataset, never compared
    record Categorical(String name, int[] codes, List<String> levels, BitSet missing) implements Column {
        /// Copies the mutable parts.
        public Categorical {
            codes = codes.clone();
            levels = List.copyOf(levels);
            missing = (BitSet) missing.clone();
        }

        @Override
        public int[] codes() {
            return codes.clone();
        }

        @Override
        public int size() {
            return codes.length;
        }

        @Override
        public BitSet missing() {
            return (BitSet) missing.clone();
        }
    }
}
