package dev.lemma.prob;

import dev.lemma.numeric.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/// Reproducible random generators: the one place where Lemma chooses its pseudo-random algorithm.
///
/// **Algorithm.** `L64X128MixRandom`, a member of the LXM family shipped with the JDK (module
/// `jdk.random`): a 64-bit linear congruential generator and a 128-bit xoroshiro generator run side by
/// side, their outputs added and passed through a mixing function. It was chosen because
///
/// - its output passes the TestU01 BigCrush and PractRand batteries (Steele and Vigna 2021, §5), where
///   the SplitMix algorithm of `java.util.SplittableRandom` has a period of only $2^{64}$ and
///   `java.util.Random` (a 48-bit LCG) fails them;
/// - it is *splittable*: [RandomGenerator.SplittableGenerator#split()] derives a new generator whose
///   LCG additive parameter is drawn from the parent, so split generators follow different LCG
///   sequences, which is what makes the streams of [#streams] statistically independent (ibid., §3);
/// - its state is small (four 64-bit words), its period $2^{64}(2^{128} - 1)$ is ample for any
///   experiment of the book, and it is the JDK's own recommendation for general use with splitting.
///
/// The algorithm is specified by the JDK (`java.util.random` package documentation), so a seed gives
/// the same numbers on every conforming JVM.
///
/// References: G. L. Steele Jr. and S. Vigna, "LXM: better splittable pseudorandom number generators
/// (and almost as fast)", *Proc. ACM Program. Lang.* 5 (OOPSLA), 2021; the `java.util.random` package
/// documentation of JDK 17 and later.
///
/// Book: chapter 3, "Probability".
public final class Randomness {
    /// The JDK name of the algorithm behind [#of] and [#streams].
    public static final String ALGORITHM = "L64X128MixRandom";

    private Randomness() {}

    /// A generator of [#ALGORITHM] seeded with `seed`: two calls with the same seed produce the same
    /// sequence.
    ///
    /// @param seed any `long`
    /// @return a new, independent-of-everything-else generator (not thread-safe: give each thread its own,
    ///     for example from [#streams])
    public static RandomGenerator.SplittableGenerator of(long seed) {
        RandomGeneratorFactory<RandomGenerator> factory = RandomGeneratorFactory.of(ALGORITHM);
        return (RandomGenerator.SplittableGenerator) factory.create(seed);
    }

    /// `count` generators for parallel work, made by splitting `of(seed)` `count` times in turn: the
    /// same seed and count always give the same generators, each with its own LCG sequence.
    ///
    /// @param seed the seed of the root generator
    /// @param count how many generators, $\ge 0$
    /// @return the generators, in the order they were split off
    /// @throws IllegalArgumentException if `count < 0`
    public static List<RandomGenerator.SplittableGenerator> streams(long seed, int count) {
        Checks.nonNegative("count", count);
        RandomGenerator.SplittableGenerator root = of(seed);
        List<RandomGenerator.SplittableGenerator> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(root.split());
        }
        return List.copyOf(out);
    }
}
