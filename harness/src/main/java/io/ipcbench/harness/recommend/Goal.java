package io.ipcbench.harness.recommend;

import io.ipcbench.harness.stats.Metric;
import io.ipcbench.transport.control.Mode;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a recommendation optimises: the mode whose points are ranked, the figure ranked by, and the one shown beside it. */
public enum Goal
{
    /** Lowest median ping-pong round trip; p99 shown beside it. */
    LATENCY(Mode.PINGPONG, Metric.RTT_P50, Metric.RTT_P99, "lowest ping-pong round trip"),
    /** Highest stream throughput in MB/s (messages per second for empty messages); the other shown beside it. */
    THROUGHPUT(Mode.STREAM, Metric.MB_PER_S, Metric.MSGS_PER_S, "highest stream throughput");

    private final Mode mode;
    private final Metric metric;
    private final Metric secondary;
    private final String description;

    Goal(final Mode mode, final Metric metric, final Metric secondary, final String description)
    {
        this.mode = mode;
        this.metric = metric;
        this.secondary = secondary;
        this.description = description;
    }

    public Mode mode()
    {
        return mode;
    }

    /**
     * The figure series are ranked by at {@code sizeBytes}: at 0 B every stream carries 0 MB/s, so
     * throughput is ranked in messages per second there (at any other size the two rank alike).
     */
    public Metric metric(final int sizeBytes)
    {
        return Metric.atSize(metric, sizeBytes);
    }

    /** The figure shown beside the ranked one at {@code sizeBytes}: the other of the two where {@link #metric} swapped. */
    public Metric secondary(final int sizeBytes)
    {
        return Metric.atSize(metric, sizeBytes) == metric ? secondary : metric;
    }

    public String description()
    {
        return description;
    }

    public String label()
    {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when {@code a} ranks before {@code b} by this goal's figure (both of a goal's figures point the same way). */
    public boolean better(final double a, final double b)
    {
        return metric.higherIsBetter() ? a > b : a < b;
    }

    /**
     * @throws IllegalArgumentException naming the value and the choices.
     */
    public static Goal parse(final String text)
    {
        final String wanted = text.trim().toLowerCase(Locale.ROOT);
        for (final Goal goal : values())
        {
            if (goal.label().equals(wanted))
            {
                return goal;
            }
        }
        throw new IllegalArgumentException("--goal " + text + " is not a goal (known: " +
            Arrays.stream(values()).map(Goal::label).collect(Collectors.joining(", ")) + ")");
    }
}
