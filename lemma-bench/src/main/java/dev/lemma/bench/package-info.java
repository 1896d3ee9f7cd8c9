/// JMH benchmarks of Lemma against the library a Java developer would otherwise use (EJML 0.46.1):
/// the GEMM kernels and the decompositions, on one thread and two.
///
/// Build with `./mvnw -B -ntp -q package -DskipTests -pl lemma-bench -am`, then run
/// `java --add-modules=jdk.incubator.vector -jar lemma-bench/target/benchmarks.jar` (add a benchmark
/// name to run one, `-l` to list them).
///
/// Book: chapter 1, section "Performance: the GEMM staircase", quotes the figures with the machine.
package dev.lemma.bench;
