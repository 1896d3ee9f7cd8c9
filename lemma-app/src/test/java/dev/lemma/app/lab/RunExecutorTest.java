package dev.lemma.app.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lemma.experiments.Arguments;
import dev.lemma.experiments.Experiment;
import dev.lemma.experiments.Parameter;
import dev.lemma.experiments.Progress;
import dev.lemma.experiments.Result;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/// The bounds on runs: a full queue is refused at once, a run past its budget is stopped.
class RunExecutorTest {

    /// Waits, reporting progress, until released.
    static final class Gate implements Experiment {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public String id() {
            return "gate";
        }

        @Override
        public String title() {
            return "Gate";
        }

        @Override
        public int chapter() {
            return 0;
        }

        @Override
        public String summary() {
            return "Waits.";
        }

        @Override
        public String formula() {
            return "x";
        }

        @Override
        public List<Parameter> parameters() {
            return List.of();
        }

        @Override
        public Duration budget() {
            return Duration.ofSeconds(30);
        }

        @Override
        public Result run(Arguments arguments, Progress progress) {
            started.countDown();
            try {
                while (!release.await(5, TimeUnit.MILLISECONDS)) {
                    progress.report(0, "waiting");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Result.builder().build();
        }
    }

    @Test
    void aFullQueueIsRefusedAtOnceWith503() throws Exception {
        Gate gate = new Gate();
        // Requests come from threads of their own, as from the web server (the common pool may have
        // one thread only on a 2-core machine).
        try (RunExecutor runs = new RunExecutor(1, 1);
                ExecutorService requests = Executors.newFixedThreadPool(2)) {
            Arguments none = Arguments.defaults(gate);
            CompletableFuture<RunExecutor.Run> first =
                    CompletableFuture.supplyAsync(() -> runs.run(gate, none), requests);
            assertThat(gate.started.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<RunExecutor.Run> second =
                    CompletableFuture.supplyAsync(() -> runs.run(gate, none), requests);
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (runs.waiting() < 1 && System.nanoTime() < giveUp) {
                Thread.sleep(5);
            }
            assertThat(runs.waiting()).isEqualTo(1);
            assertThatThrownBy(() -> runs.run(gate, none))
                    .isInstanceOfSatisfying(
                            ApiError.class, e -> assertThat(e.status()).isEqualTo(503))
                    .hasMessageContaining("the lab is busy");
            gate.release.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS).result().charts()).isEmpty();
            assertThat(second.get(10, TimeUnit.SECONDS)).isNotNull();
        }
    }

    @Test
    void aRunPastItsBudgetIsStoppedWith504() {
        Experiment slow = new FakeExperiments.Slow();
        try (RunExecutor runs = new RunExecutor(1, 1)) {
            assertThatThrownBy(() -> runs.run(slow, Arguments.defaults(slow)))
                    .isInstanceOfSatisfying(
                            ApiError.class, e -> assertThat(e.status()).isEqualTo(504))
                    .hasMessageContaining("stopped after its time budget");
        }
    }
}
