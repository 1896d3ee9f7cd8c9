package dev.lemma.app.lab;

import dev.lemma.experiments.Arguments;
import dev.lemma.experiments.Experiment;
import dev.lemma.experiments.Progress;
import dev.lemma.experiments.Result;
import dev.lemma.experiments.RunCancelledException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/// Runs experiments for the lab, bounded in number and in time.
///
/// At most `threads` runs compute at once and at most `queue` wait; a run beyond that is refused
/// at once (503) rather than piling up behind a slider that is being dragged. Each run gets a
/// [Progress] that throws [RunCancelledException] at its first report after the experiment's
/// [Experiment#budget()] has passed (504). A run that never reports is abandoned, interrupted,
/// shortly after its budget: the request is answered, though its thread may compute on.
final class RunExecutor implements AutoCloseable {
    /// How long past its budget a run that does not report progress is waited for.
    private static final Duration GRACE = Duration.ofSeconds(2);

    private final ThreadPoolExecutor pool;

    /// A finished run.
    ///
    /// @param result what the experiment returned
    /// @param millis how long it computed
    record Run(Result result, long millis) {}

    RunExecutor(int threads, int queue) {
        pool = new ThreadPoolExecutor(
                threads,
                threads,
                0,
                TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queue),
                Thread.ofPlatform().daemon().name("lemma-run-", 0).factory(),
                new ThreadPoolExecutor.AbortPolicy());
    }

    /// Runs an experiment with checked arguments and waits for it.
    ///
    /// @throws ApiError 503 when too many runs are waiting, 504 when the run exceeded its budget,
    ///     422 when the computation failed on these arguments (a numerical failure, say)
    Run run(Experiment e, Arguments arguments) {
        Duration budget = e.budget();
        long start = System.nanoTime();
        long deadline = start + budget.toNanos();
        Progress progress = (fraction, message) -> {
            if (System.nanoTime() - deadline > 0 || Thread.currentThread().isInterrupted()) {
                throw new RunCancelledException(overBudget(e, budget));
            }
        };
        Future<Result> future;
        try {
            future = pool.submit(() -> e.run(arguments, progress));
        } catch (RejectedExecutionException busy) {
            throw new ApiError(
                    503,
                    "the lab is busy: " + pool.getActiveCount() + " runs are computing and "
                            + pool.getQueue().size() + " are waiting; try again in a moment");
        }
        try {
            Result result = future.get(budget.plus(GRACE).toMillis(), TimeUnit.MILLISECONDS);
            return new Run(result, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        } catch (TimeoutException late) {
            future.cancel(true);
            throw new ApiError(504, overBudget(e, budget));
        } catch (InterruptedException interrupted) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new ApiError(503, "the lab is shutting down; the run of '" + e.id() + "' was stopped");
        } catch (ExecutionException failed) {
            throw translate(e, budget, failed.getCause());
        }
    }

    private static RuntimeException translate(Experiment e, Duration budget, Throwable cause) {
        return switch (cause) {
            case RunCancelledException c -> new ApiError(504, overBudget(e, budget));
            case dev.lemma.experiments.ParameterException p -> new ApiError(400, p.getMessage(), p.parameter());
            case IllegalArgumentException bad -> cannotCompute(e, bad);
            case ArithmeticException bad -> cannotCompute(e, bad);
            default -> new ApiError(500, "experiment '" + e.id() + "' failed: " + cause);
        };
    }

    private static ApiError cannotCompute(Experiment e, RuntimeException bad) {
        return new ApiError(
                422, "experiment '" + e.id() + "' could not compute with these values: " + bad.getMessage());
    }

    private static String overBudget(Experiment e, Duration budget) {
        return "experiment '" + e.id() + "' was stopped after its time budget of " + seconds(budget)
                + "; try smaller values";
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() / 1000.0 + " s";
    }

    /// How many runs are waiting for a thread.
    int waiting() {
        return pool.getQueue().size();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
