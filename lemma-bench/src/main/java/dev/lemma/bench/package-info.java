/// JMH benchmarks of Lemma's kernels against the libraries a reader would otherwise use (EJML). Build
/// with the project, then run `java --add-modules=jdk.incubator.vector -jar
/// lemma-bench/target/benchmarks.jar` (add a benchmark name to run one, `-l` to list them).
///
/// Book: chapter 1, section "Performance: the GEMM staircase", quotes the figures.
package dev.lemma.bench;
