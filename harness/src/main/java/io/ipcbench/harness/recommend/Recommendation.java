package io.ipcbench.harness.recommend;

import io.ipcbench.harness.report.Format;
import io.ipcbench.harness.results.StoredRun;
import io.ipcbench.harness.results.TextTable;
import io.ipcbench.harness.stats.Metric;
import io.ipcbench.harness.sweep.Series;
import io.ipcbench.harness.sweep.Sizes;
import io.ipcbench.transport.wait.WaitStrategy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The series of a run ranked at one size for a goal, best first, and how to say it: {@link #text()}
 * prints the ranked table and, in plain words, which is best, by how much, and at what price.
 */
public final class Recommendation
{
    /** A consumer at or above this CPU use is said to keep a core busy. */
    static final double BUSY_CORE = 0.9;

    private final StoredRun run;
    private final Goal goal;
    private final int sizeBytes;
    private final boolean noSpin;
    private final List<Candidate> ranked;
    private final List<Series> leftOutSpinning;
    private final List<Series> unmeasured;
    private final int smallest;
    private final int largest;

    Recommendation(
        final StoredRun run,
        final Goal goal,
        final int sizeBytes,
        final boolean noSpin,
        final List<Candidate> ranked,
        final List<Series> leftOutSpinning,
        final List<Series> unmeasured,
        final int smallest,
        final int largest)
    {
        this.run = run;
        this.goal = goal;
        this.sizeBytes = sizeBytes;
        this.noSpin = noSpin;
        this.ranked = List.copyOf(ranked);
        this.leftOutSpinning = List.copyOf(leftOutSpinning);
        this.unmeasured = List.copyOf(unmeasured);
        this.smallest = smallest;
        this.largest = largest;
    }

    public Goal goal()
    {
        return goal;
    }

    public int sizeBytes()
    {
        return sizeBytes;
    }

    /** The ranked series, best first. */
    public List<Candidate> ranked()
    {
        return ranked;
    }

    public Candidate best()
    {
        return ranked.get(0);
    }

    /** Series not ranked because their reader spins ({@code --no-spin}). */
    public List<Series> leftOutSpinning()
    {
        return leftOutSpinning;
    }

    /** Series not ranked because the run lacks them on one side of the size. */
    public List<Series> unmeasured()
    {
        return unmeasured;
    }

    /** The recommendation as printed by {@code ipcbench recommend}. */
    public String text()
    {
        final StringBuilder out = new StringBuilder();
        final Metric metric = goal.metric(sizeBytes);
        out.append("Recommendation for ").append(Sizes.format(sizeBytes)).append(" messages, goal ").append(goal.label())
            .append(": ").append(goal.description()).append(" (").append(metric.key()).append(")\n");
        out.append("Run ").append(run.runId()).append(" (").append(run.directory()).append("), ").append(goal.mode().label())
            .append(" points from ").append(Sizes.format(smallest)).append(" to ").append(Sizes.format(largest)).append(".\n");
        if (!best().measured())
        {
            out.append(Sizes.format(sizeBytes)).append(" was not measured: each figure is interpolated between the nearest measured sizes (")
                .append(Sizes.format(best().lowerSize())).append(" and ").append(Sizes.format(best().upperSize()))
                .append("), linear in log(figure) against log(size).\n");
        }
        if (run.partial())
        {
            out.append("Note: run ").append(run.runId()).append(" is '").append(run.status())
                .append("', not complete: figures are from the points it finished.\n");
        }
        out.append('\n');
        final TextTable table = table();
        table.appendTo(out);
        final boolean cores = ranked.stream().anyMatch(c -> c.figure(Metric.PRODUCER_CPU) != null || c.figure(Metric.CONSUMER_CPU) != null);
        final boolean syscalls = ranked.stream().anyMatch(c -> !Double.isNaN(c.syscallsPerMessage()) ||
            c.figure(Metric.PRODUCER_SYSCALLS) != null || c.figure(Metric.CONSUMER_SYSCALLS) != null);
        if (cores || syscalls)
        {
            out.append("  (").append(cores ? "cores: CPU use of the producer's and the consumer's measuring thread, 1.00 = a whole core" : "")
                .append(cores && syscalls ? "; " : "").append(syscalls ? "sys/msg: system calls per message" : "").append(")\n");
        }
        if (!unmeasured.isEmpty())
        {
            out.append("Not ranked: ").append(Recommender.names(unmeasured)).append(" (not measured on both sides of ")
                .append(Sizes.format(sizeBytes)).append(").\n");
        }
        if (!leftOutSpinning.isEmpty())
        {
            out.append("Left out by --no-spin: ").append(Recommender.names(leftOutSpinning))
                .append(" (a spinning reader keeps a whole core busy).\n");
        }
        out.append('\n').append("Best: ").append(verdict()).append('\n');
        out.append("Why: ").append(why(best())).append('\n');
        final String noise = noise();
        if (noise != null)
        {
            out.append("Note: ").append(noise).append('\n');
        }
        final String alternative = alternative();
        if (alternative != null)
        {
            out.append("Without spinning: ").append(alternative).append('\n');
        }
        return out.toString();
    }

    private TextTable table()
    {
        final Metric metric = goal.metric(sizeBytes);
        final Metric secondary = goal.secondary(sizeBytes);
        final List<Metric> costs = new ArrayList<>();
        for (final Metric cost : Recommender.COSTS)
        {
            if (ranked.stream().anyMatch(candidate -> candidate.figure(cost) != null))
            {
                costs.add(cost);
            }
        }
        final List<String> header = new ArrayList<>(List.of("rank", "series",
            heading(metric) + " [min-max]", heading(secondary), "vs best"));
        for (final Metric cost : costs)
        {
            header.add(costHeading(cost));
        }
        final TextTable table = new TextTable(2, header);
        for (int i = 0; i < ranked.size(); i++)
        {
            final Candidate candidate = ranked.get(i);
            final Estimate figure = candidate.figure(metric);
            final List<String> row = new ArrayList<>();
            row.add(Integer.toString(i + 1));
            row.add(candidate.series().toString());
            row.add(value(metric, figure.median()) + " [" + value(metric, figure.min()) + "-" + value(metric, figure.max()) + "]");
            final Estimate second = candidate.figure(secondary);
            row.add(second == null ? "-" : value(secondary, second.median()));
            row.add(i == 0 ? "best" : times(ratio(best(), candidate)) + (metric.higherIsBetter() ? " lower" : " slower"));
            for (final Metric cost : costs)
            {
                final Estimate estimate = candidate.figure(cost);
                row.add(estimate == null ? "-" : String.format(Locale.ROOT, cost.unit().equals("cores") ? "%.2f" : "%.1f", estimate.median()));
            }
            table.row(row);
        }
        return table;
    }

    /** One sentence: the best, its figure, how much better than the next, and its price. */
    private String verdict()
    {
        final Candidate best = best();
        final Metric metric = goal.metric(sizeBytes);
        final StringBuilder text = new StringBuilder();
        text.append(best.series()).append(": ").append(figure(metric, best)).append(" at ").append(Sizes.format(sizeBytes));
        final Estimate second = best.figure(goal.secondary(sizeBytes));
        if (second != null)
        {
            text.append(" (").append(goal == Goal.LATENCY ? "p99 " : "").append(figure(goal.secondary(sizeBytes), second.median())).append(')');
        }
        final Candidate runnerUp = ranked.size() > 1 ? ranked.get(1) : null;
        if (runnerUp == null)
        {
            text.append(", the only series ranked");
        }
        else
        {
            text.append(", ").append(against(best, runnerUp));
            final Candidate kernel = bestKernel(runnerUp);
            if (kernel != null)
            {
                text.append(" and ").append(against(best, kernel)).append(", the best of the kernel transports");
            }
        }
        text.append(price(best, runnerUp));
        return text.toString();
    }

    private String against(final Candidate best, final Candidate other)
    {
        final String ratio = times(ratio(best, other));
        final Metric metric = goal.metric(sizeBytes);
        return (metric.higherIsBetter() ? ratio + " the throughput of " : ratio + " faster than ") +
            other.series() + " (" + value(metric, other.figure(metric).median()) + " " + Format.unit(metric) + ")";
    }

    /** The CPU and system-call price of the best, against the runner-up. */
    private String price(final Candidate best, final Candidate runnerUp)
    {
        final StringBuilder text = new StringBuilder();
        final Estimate consumer = best.figure(Metric.CONSUMER_CPU);
        final Estimate producer = best.figure(Metric.PRODUCER_CPU);
        final String cores = cores(consumer, producer);
        if (best.spins() && consumer != null && consumer.median() < BUSY_CORE)
        {
            text.append(", but its reader busy-spins: it takes a whole core whenever the scheduler lets it (measured: ").append(cores)
                .append("; below 1.00 the spinning thread did not have its CPU to itself)");
        }
        else if (best.spins() || consumer != null && consumer.median() >= BUSY_CORE && goal == Goal.LATENCY)
        {
            text.append(", but its reader keeps a whole core busy").append(best.spins() ? ", messages or not" : "")
                .append(cores.isEmpty() ? " (this run has no CPU figures)" : " (" + cores + ")");
        }
        else if (!cores.isEmpty())
        {
            final WaitStrategy wait = best.series().waitStrategy();
            text.append(wait == WaitStrategy.KERNEL || wait == WaitStrategy.FUTEX ? ", and its reader sleeps while it waits (" :
                ", and its reader gives its CPU away while it waits (").append(cores).append(')');
        }
        text.append('.');
        final double syscalls = best.syscallsPerMessage();
        if (!Double.isNaN(syscalls))
        {
            text.append(" It makes ").append(String.format(Locale.ROOT, "%.1f", syscalls)).append(" system calls per message (producer + consumer)");
            if (runnerUp != null && !Double.isNaN(runnerUp.syscallsPerMessage()))
            {
                text.append(" where ").append(runnerUp.series()).append(" makes ")
                    .append(String.format(Locale.ROOT, "%.1f", runnerUp.syscallsPerMessage()));
            }
            text.append('.');
        }
        return text.toString();
    }

    private static String cores(final Estimate consumer, final Estimate producer)
    {
        final List<String> parts = new ArrayList<>();
        if (consumer != null)
        {
            parts.add(String.format(Locale.ROOT, "consumer %.2f cores", consumer.median()));
        }
        if (producer != null)
        {
            parts.add(String.format(Locale.ROOT, "producer %.2f cores", producer.median()));
        }
        return String.join(", ", parts);
    }

    /** The best kernel transport (socket or pipe) when neither the best nor the runner-up is one. */
    private Candidate bestKernel(final Candidate runnerUp)
    {
        if (!best().series().transport().sharedMemory() || !runnerUp.series().transport().sharedMemory())
        {
            return null;
        }
        return ranked.stream().filter(c -> !c.series().transport().sharedMemory()).findFirst().orElse(null);
    }

    /** Why the best is best, in the words of the mechanism. */
    static String why(final Candidate best)
    {
        final Series series = best.series();
        if (!series.transport().sharedMemory())
        {
            return "each message is copied into the kernel and out again by system calls, and the waiting side sleeps in " +
                "the kernel, so no core is burned while it waits; at this size that costs less than the alternatives measured.";
        }
        final String memory = "the message goes through memory both processes map, with no copy through the kernel";
        switch (series.waitStrategy())
        {
            case SPIN:
                return memory + " and no system call, and the reader sees it at once because it polls without pause.";
            case FUTEX:
                return memory + "; the reader sleeps on a futex and the writer makes a system call to wake it only when it is asleep.";
            default:
                return memory + "; between empty polls the reader gives its CPU away (" + series.waitStrategy().label() +
                    "), trading some latency for CPU.";
        }
    }

    /** A warning when the best and the runner-up are not clearly ordered. */
    private String noise()
    {
        if (ranked.size() < 2)
        {
            return null;
        }
        final Candidate second = ranked.get(1);
        if (!best().figure(goal.metric(sizeBytes)).overlaps(second.figure(goal.metric(sizeBytes))))
        {
            return null;
        }
        return best().series() + " and " + second.series() + " overlap within their repetitions' range at " + Sizes.format(sizeBytes) +
            ": the order of these two is not clear (more --repeat in the sweep may separate them).";
    }

    /** When the best spins: the best that does not, and what it costs in the goal's figure. */
    private String alternative()
    {
        if (noSpin || !best().spins())
        {
            return null;
        }
        for (final Candidate candidate : ranked)
        {
            if (candidate.series().waitStrategy() != WaitStrategy.SPIN)
            {
                final String cores = cores(candidate.figure(Metric.CONSUMER_CPU), candidate.figure(Metric.PRODUCER_CPU));
                return "if a core cannot be spared, " + candidate.series() + " is the best that does not spin: " +
                    figure(goal.metric(sizeBytes), candidate) + " (" + times(ratio(best(), candidate)) +
                    (goal.metric(sizeBytes).higherIsBetter() ? " lower" : " slower") + (cores.isEmpty() ? "" : ", " + cores) +
                    "); --no-spin ranks only those.";
            }
        }
        return "every series ranked spins; sweep a non-spinning wait (--wait futex, backoff, park or yield) to see the alternatives.";
    }

    /** How many times better the best is than {@code other} (at least 1). */
    private double ratio(final Candidate best, final Candidate other)
    {
        final double a = best.figure(goal.metric(sizeBytes)).median();
        final double b = other.figure(goal.metric(sizeBytes)).median();
        return goal.metric(sizeBytes).higherIsBetter() ? a / b : b / a;
    }

    static String times(final double ratio)
    {
        if (!Double.isFinite(ratio))
        {
            return "many times";
        }
        return String.format(Locale.ROOT, ratio < 10 ? "%.1fx" : "%.0fx", ratio);
    }

    private static String figure(final Metric metric, final Candidate candidate)
    {
        return figure(metric, candidate.figure(metric).median());
    }

    private static String figure(final Metric metric, final double value)
    {
        return value(metric, value) + " " + Format.unit(metric) + (metric == Metric.RTT_P50 ? " round trip" : "");
    }

    private static String value(final Metric metric, final double value)
    {
        if (metric == Metric.MSGS_PER_S)
        {
            return value >= 1e6 ? String.format(Locale.ROOT, "%.2fM", value / 1e6) :
                value >= 1e3 ? String.format(Locale.ROOT, "%.1fk", value / 1e3) : Format.significant(value);
        }
        return Format.value(metric, value);
    }

    private static String heading(final Metric metric)
    {
        switch (metric)
        {
            case RTT_P50:
                return "round trip p50 us";
            case RTT_P99:
                return "p99 us";
            default:
                return metric.key() + " " + metric.unit();
        }
    }

    private static String costHeading(final Metric metric)
    {
        switch (metric)
        {
            case PRODUCER_CPU:
                return "prod cores";
            case CONSUMER_CPU:
                return "cons cores";
            case PRODUCER_SYSCALLS:
                return "prod sys/msg";
            default:
                return "cons sys/msg";
        }
    }
}
