/// JMH benchmarks of Lemma against the library a Java developer would otherwise use (EJML 0.46.1):
/// the GEMM kernels and the decompositions, on one thread and two.
///
/// Build and run: `./mvnw -B -ntp -q package -DskipTests -pl lemma-bench -am`, then
/// `java --add-modules=jdk.incubator.vector -jar lemma-bench/target/benchmarks.jar`. The figures are
/// quoted, with the machine, in the book's chapter 1, section "Performance: the GEMM staircase".
package dev.lemma.bench;
