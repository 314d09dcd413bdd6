package io.ipcbench.harness.recommend;

import io.ipcbench.harness.results.StoredRun;
import io.ipcbench.harness.stats.Metric;
import io.ipcbench.harness.stats.Spread;
import io.ipcbench.harness.sweep.PointKey;
import io.ipcbench.harness.sweep.Series;
import io.ipcbench.harness.sweep.Sizes;
import io.ipcbench.transport.control.Mode;
import io.ipcbench.transport.wait.WaitStrategy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Ranks a run's series at one message size for a goal; see the package documentation for the interpolation. */
public final class Recommender
{
    /** The figures carried to the recommendation besides the goal's two, where the run has them. */
    static final List<Metric> COSTS = List.of(
        Metric.PRODUCER_CPU, Metric.CONSUMER_CPU, Metric.PRODUCER_SYSCALLS, Metric.CONSUMER_SYSCALLS);

    private Recommender()
    {
    }

    /**
     * Ranks every series the run measured in the goal's mode at {@code sizeBytes}, best first.
     *
     * @param run       the run to read the figures from.
     * @param sizeBytes the payload size asked about.
     * @param goal      latency (ping-pong rtt_p50) or throughput (stream mb_per_s).
     * @param noSpin    leave out series whose reader busy-spins.
     * @throws IllegalArgumentException when the run lacks the mode, the size is outside the measured
     *                                  range, or nothing is left to rank; the message says which.
     */
    public static Recommendation recommend(final StoredRun run, final int sizeBytes, final Goal goal, final boolean noSpin)
    {
        final Mode mode = goal.mode();
        final Metric metric = goal.metric(sizeBytes);
        final List<Integer> sizes = run.sizes(mode, metric);
        if (sizes.isEmpty())
        {
            final String has = run.modes().isEmpty() ? "none" : run.modes().stream().map(Mode::label).collect(Collectors.joining(", "));
            throw new IllegalArgumentException("run " + run.runId() + " has no " + mode.label() + " points with " + metric.key() +
                " (its modes: " + has + "); the " + goal.label() + " goal ranks " + mode.label() + " figures: measure them with " +
                "ipcbench sweep --modes " + mode.label());
        }
        final int smallest = sizes.get(0);
        final int largest = sizes.get(sizes.size() - 1);
        if (sizeBytes < smallest || sizeBytes > largest)
        {
            throw new IllegalArgumentException("size " + Sizes.format(sizeBytes) + " is outside the range run " + run.runId() +
                " measured in " + mode.label() + " mode, " + Sizes.format(smallest) + " to " + Sizes.format(largest) +
                ": recommend interpolates between measured sizes and does not extrapolate");
        }
        if (sizeBytes > 0 && !sizes.contains(sizeBytes) && sizes.stream().filter(size -> size < sizeBytes).allMatch(size -> size == 0))
        {
            final int above = sizes.stream().filter(size -> size > sizeBytes).findFirst().orElseThrow();
            throw new IllegalArgumentException("size " + Sizes.format(sizeBytes) + " lies between 0 B and " + Sizes.format(above) +
                ", the smallest sizes run " + run.runId() + " measured in " + mode.label() + " mode: recommend interpolates on log size, " +
                "which cannot start at 0 B; ask about 0 B or " + Sizes.format(above) + ", or sweep a size between them");
        }
        final List<Candidate> ranked = new ArrayList<>();
        final List<Series> spinning = new ArrayList<>();
        final List<Series> unmeasured = new ArrayList<>();
        for (final Series series : run.series(mode))
        {
            if (noSpin && series.waitStrategy() == WaitStrategy.SPIN)
            {
                spinning.add(series);
                continue;
            }
            final Candidate candidate = candidate(run, series, mode, metric, goal.secondary(sizeBytes), sizeBytes);
            if (candidate == null)
            {
                unmeasured.add(series);
            }
            else
            {
                ranked.add(candidate);
            }
        }
        if (ranked.isEmpty())
        {
            if (!spinning.isEmpty() && unmeasured.isEmpty())
            {
                throw new IllegalArgumentException("--no-spin leaves nothing to rank: every series run " + run.runId() +
                    " measured in " + mode.label() + " mode spins (" + names(spinning) + ")");
            }
            throw new IllegalArgumentException("no series of run " + run.runId() + " has " + metric.key() + " at sizes on both sides of " +
                Sizes.format(sizeBytes) + " in " + mode.label() + " mode (not ranked: " + names(unmeasured) + ")");
        }
        final Comparator<Candidate> byGoal = Comparator.comparingDouble(c -> c.figure(metric).median());
        ranked.sort(metric.higherIsBetter() ? byGoal.reversed() : byGoal);
        return new Recommendation(run, goal, sizeBytes, noSpin, ranked, spinning, unmeasured, smallest, largest);
    }

    private static Candidate candidate(
        final StoredRun run, final Series series, final Mode mode, final Metric metric, final Metric secondary, final int size)
    {
        int lower = -1;
        int upper = -1;
        for (final int measured : run.sizes(mode, metric))
        {
            if (run.spread(point(series, mode, measured), metric) == null)
            {
                continue;
            }
            if (measured <= size)
            {
                lower = measured;
            }
            if (measured >= size && upper < 0)
            {
                upper = measured;
            }
        }
        if (lower < 0 || upper < 0)
        {
            return null;
        }
        final Map<Metric, Estimate> figures = new EnumMap<>(Metric.class);
        final List<Metric> wanted = new ArrayList<>(List.of(metric, secondary));
        wanted.addAll(COSTS);
        for (final Metric figure : wanted)
        {
            final Spread atLower = run.spread(point(series, mode, lower), figure);
            final Spread atUpper = run.spread(point(series, mode, upper), figure);
            if (atLower != null && atUpper != null)
            {
                figures.put(figure, Estimate.between(lower, atLower, upper, atUpper, size));
            }
        }
        return new Candidate(series, figures, lower, upper);
    }

    private static PointKey point(final Series series, final Mode mode, final int size)
    {
        return new PointKey(series.transport(), series.waitStrategy(), series.batch(), mode, size);
    }

    static String names(final List<Series> series)
    {
        return series.stream().map(Series::toString).collect(Collectors.joining(", "));
    }
}
