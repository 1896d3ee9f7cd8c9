package dev.lemma.optim;

import dev.lemma.numeric.Checks;

/// A learning-rate schedule: the rate $\eta_t$ to use at step $t = 0, 1, 2, \dots$ (the step about to be
/// taken, counted from zero, as PyTorch's schedulers count `last_epoch`).
///
/// The factories follow the closed forms of PyTorch's `torch.optim.lr_scheduler` with the scheduler
/// stepped once per optimiser step:
///
/// | factory | $\eta_t$ | PyTorch |
/// |---|---|---|
/// | [#constant] | $\eta$ | no scheduler |
/// | [#step] | $\eta_0\,\gamma^{\lfloor t / s \rfloor}$ | `StepLR` |
/// | [#exponential] | $\eta_0\,\gamma^t$ | `ExponentialLR` |
/// | [#cosine] | $\eta_{\min} + \tfrac12(\eta_0 - \eta_{\min})(1 + \cos \pi t / T)$, $t \le T$ | `CosineAnnealingLR` |
/// | [#warmup] | $\eta_t \cdot \bigl(a + (1 - a)\min(t, w)/w\bigr)$ | `LinearLR` chained with another |
/// | [#oneCycle] | cosine up from $\eta_{\max}/25$, then down to $\eta_{\max}/(25 \cdot 10^4)$ | `OneCycleLR` |
///
/// A schedule must return a finite, non-negative rate for every step $t \ge 0$; the factories check
/// their settings so that theirs do, and throw `IllegalArgumentException` for a negative step.
///
/// Reference: PyTorch documentation, `torch.optim.lr_scheduler` (StepLR, ExponentialLR, CosineAnnealingLR,
/// LinearLR, ChainedScheduler, OneCycleLR), https://pytorch.org/docs/stable/optim.html; L. N. Smith and
/// N. Topin, "Super-convergence: very fast training of neural networks using large learning rates", 2019
/// (the one-cycle policy); I. Loshchilov and F. Hutter, "SGDR: stochastic gradient descent with warm
/// restarts", ICLR 2017 (cosine annealing).
///
/// Book: chapter 5, "Learning-rate schedules".
@FunctionalInterface
public interface Schedule {

    /// The learning rate at step `step`.
    ///
    /// @param step $t \ge 0$, the number of steps already taken
    /// @return $\eta_t \ge 0$
    double rate(int step);

    /// The same rate at every step.
    ///
    /// @param rate $\eta > 0$, finite
    /// @return the schedule
    /// @throws IllegalArgumentException if `rate` is not finite and positive
    static Schedule constant(double rate) {
        positive("constant", "rate", rate);
        return described("constant(" + rate + ")", t -> {
            checkStep(t);
            return rate;
        });
    }

    /// Step decay (PyTorch's `StepLR`): $\eta_t = \eta_0\,\gamma^{\lfloor t / s \rfloor}$, the rate
    /// multiplied by $\gamma$ every $s$ steps.
    ///
    /// @param initial $\eta_0 > 0$
    /// @param gamma $\gamma > 0$ (non-increasing when $\gamma \le 1$)
    /// @param every $s \ge 1$
    /// @return the schedule
    /// @throws IllegalArgumentException naming a setting out of range
    static Schedule step(double initial, double gamma, int every) {
        positive("step", "initial", initial);
        positive("step", "gamma", gamma);
        Checks.argument(every >= 1, "Schedule.step: every must be ≥ 1, got %d", every);
        return described(
                "step(" + initial + ", γ " + gamma + ", every " + every + ")",
                t -> initial * Math.pow(gamma, Math.floorDiv(checkStep(t), every)));
    }

    /// Exponential decay (PyTorch's `ExponentialLR`): $\eta_t = \eta_0\,\gamma^t$.
    ///
    /// @param initial $\eta_0 > 0$
    /// @param gamma $\gamma > 0$ (non-increasing when $\gamma \le 1$)
    /// @return the schedule
    /// @throws IllegalArgumentException naming a setting out of range
    static Schedule exponential(double initial, double gamma) {
        positive("exponential", "initial", initial);
        positive("exponential", "gamma", gamma);
        return described("exponential(" + initial + ", γ " + gamma + ")", t -> initial * Math.pow(gamma, checkStep(t)));
    }

    /// Cosine annealing (PyTorch's `CosineAnnealingLR`, the closed form of its recursion):
    /// $\eta_t = \eta_{\min} + \tfrac12(\eta_0 - \eta_{\min})\bigl(1 + \cos(\pi t / T)\bigr)$ for
    /// $0 \le t \le T$, falling from $\eta_0$ to $\eta_{\min}$ along half a cosine.
    ///
    /// After $T$ steps the rate stays at $\eta_{\min}$, where PyTorch's formula would rise again along
    /// the cosine: a run longer than $T$ is then annealed, not restarted.
    ///
    /// @param initial $\eta_0 > 0$
    /// @param min $\eta_{\min} \in [0, \eta_0]$
    /// @param total $T \ge 1$, the steps of the decay (PyTorch's `T_max`)
    /// @return the schedule, non-increasing
    /// @throws IllegalArgumentException naming a setting out of range
    static Schedule cosine(double initial, double min, int total) {
        positive("cosine", "initial", initial);
        Checks.argument(
                min >= 0 && min <= initial, "Schedule.cosine: min must be in [0, initial = %s], got %s", initial, min);
        Checks.argument(total >= 1, "Schedule.cosine: total must be ≥ 1, got %d", total);
        return described("cosine(" + initial + " to " + min + " in " + total + ")", t -> {
            int s = Math.min(checkStep(t), total);
            return min + 0.5 * (initial - min) * (1 + Math.cos(Math.PI * s / total));
        });
    }

    /// Linear warm-up from zero: $\eta_t \cdot \min(t, w)/w$, the rate of `schedule` scaled by a factor
    /// growing linearly from 0 at step 0 to 1 at step $w$ (and 1 afterwards). Step 0 therefore has rate
    /// 0; use [#warmup(Schedule, int, double)] with a positive start factor to move at once.
    ///
    /// @param schedule the schedule to warm up
    /// @param steps $w \ge 1$
    /// @return the schedule
    /// @throws IllegalArgumentException if `schedule` is null or `steps < 1`
    static Schedule warmup(Schedule schedule, int steps) {
        return warmup(schedule, steps, 0);
    }

    /// Linear warm-up (PyTorch's `LinearLR` with `end_factor` 1, chained with `schedule` as
    /// `ChainedScheduler` does): $\eta_t \cdot \bigl(a + (1 - a)\min(t, w)/w\bigr)$, a factor growing
    /// linearly from $a$ at step 0 to 1 at step $w$. Both run from step 0: the warmed-up schedule is not
    /// delayed by $w$ steps. PyTorch's default start factor is $a = 1/3$ and requires $a > 0$; here $a = 0$ is
    /// allowed too.
    ///
    /// @param schedule the schedule to warm up
    /// @param steps $w \ge 1$
    /// @param startFactor $a \in [0, 1]$
    /// @return the schedule
    /// @throws IllegalArgumentException naming a setting out of range
    static Schedule warmup(Schedule schedule, int steps, double startFactor) {
        Checks.argument(schedule != null, "Schedule.warmup: the schedule to warm up is null");
        Checks.argument(steps >= 1, "Schedule.warmup: steps must be ≥ 1, got %d", steps);
        Checks.argument(
                startFactor >= 0 && startFactor <= 1,
                "Schedule.warmup: startFactor must be in [0, 1], got %s",
                startFactor);
        return described("warmup(" + schedule + ", " + steps + " steps from ×" + startFactor + ")", t -> {
            double progress = (double) Math.min(checkStep(t), steps) / steps;
            return schedule.rate(t) * (startFactor + (1 - startFactor) * progress);
        });
    }

    /// The one-cycle policy with PyTorch's defaults: `pct_start` 0.3, `div_factor` 25, `final_div_factor`
    /// $10^4$ (see [#oneCycle(double, int, double, double, double)]).
    ///
    /// @param max $\eta_{\max} > 0$
    /// @param total $T$, the steps of the whole cycle, with $0.3\,T > 1$
    /// @return the schedule
    /// @throws IllegalArgumentException naming a setting out of range
    static Schedule oneCycle(double max, int total) {
        return oneCycle(max, total, 0.3, 25, 1e4);
    }

    /// The one-cycle policy (PyTorch's `OneCycleLR` with `anneal_strategy='cos'`, `three_phase=False`):
    /// the rate rises from $\eta_{\max}/d$ to $\eta_{\max}$ along half a cosine over the first
    /// $pT - 1$ steps, then falls to $\eta_{\max}/(d\,d_f)$ at step $T - 1$. With
    /// $\mathrm{anneal}(a, b, u) = b + \tfrac12(a - b)(1 + \cos \pi u)$ and $t_1 = pT - 1$,
    ///
    /// $$\eta_t = \begin{cases} \mathrm{anneal}(\eta_{\max}/d,\ \eta_{\max},\ t/t_1) & t \le t_1 \\
    /// \mathrm{anneal}(\eta_{\max},\ \eta_{\max}/(d\,d_f),\ (t - t_1)/(T - 1 - t_1)) & t > t_1. \end{cases}$$
    ///
    /// After step $T - 1$ the rate stays at its final value, where PyTorch refuses to step further. PyTorch
    /// also cycles the momentum inversely to the rate; here only the rate is scheduled.
    ///
    /// @param max $\eta_{\max} > 0$
    /// @param total $T$, the steps of the whole cycle
    /// @param pctStart $p \in (0, 1)$, the fraction of the cycle spent rising, with $pT > 1$
    /// @param divFactor $d > 0$: the rate starts at $\eta_{\max}/d$
    /// @param finalDivFactor $d_f > 0$: the rate ends at $\eta_{\max}/(d\,d_f)$
    /// @return the schedule
    /// @throws IllegalArgumentException naming a setting out of range
    static Schedule oneCycle(double max, int total, double pctStart, double divFactor, double finalDivFactor) {
        positive("oneCycle", "max", max);
        positive("oneCycle", "divFactor", divFactor);
        positive("oneCycle", "finalDivFactor", finalDivFactor);
        Checks.argument(
                pctStart > 0 && pctStart < 1, "Schedule.oneCycle: pctStart must be in (0, 1), got %s", pctStart);
        double rising = pctStart * total - 1; // PyTorch's end_step of the first phase
        Checks.argument(
                rising > 0,
                "Schedule.oneCycle: pctStart·total must exceed 1 so that the rise has a step, got %s·%d",
                pctStart,
                total);
        double initial = max / divFactor;
        double last = initial / finalDivFactor;
        String description = "oneCycle(max " + max + ", " + total + " steps, pctStart " + pctStart + ", divFactor "
                + divFactor + ", finalDivFactor " + finalDivFactor + ")";
        return described(description, t -> {
            int s = Math.min(checkStep(t), total - 1);
            return s <= rising
                    ? anneal(initial, max, s / rising)
                    : anneal(max, last, (s - rising) / (total - 1 - rising));
        });
    }

    /// `schedule` with a readable `toString`, so that an optimiser's record prints its schedule.
    private static Schedule described(String description, Schedule schedule) {
        return new Schedule() {
            @Override
            public double rate(int step) {
                return schedule.rate(step);
            }

            @Override
            public String toString() {
                return description;
            }
        };
    }

    /// $b + \tfrac12(a - b)(1 + \cos \pi u)$: from $a$ at $u = 0$ to $b$ at $u = 1$ along half a cosine.
    private static double anneal(double a, double b, double u) {
        return b + 0.5 * (a - b) * (1 + Math.cos(Math.PI * u));
    }

    private static void positive(String factory, String name, double value) {
        Checks.argument(
                value > 0 && Double.isFinite(value),
                "Schedule.%s: %s must be finite and > 0, got %s",
                factory,
                name,
                value);
    }

    private static int checkStep(int step) {
        Checks.argument(step >= 0, "a schedule's step must be ≥ 0, got %d", step);
        return step;
    }
}
