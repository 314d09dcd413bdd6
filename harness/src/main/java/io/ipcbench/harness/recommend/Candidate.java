package io.ipcbench.harness.recommend;

import io.ipcbench.harness.stats.Metric;
import io.ipcbench.harness.sweep.Series;
import io.ipcbench.transport.wait.WaitStrategy;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * One series at the size asked about: its figures there, and the measured sizes they come from
 * ({@code lowerSize == upperSize} when the size itself was measured).
 */
public record Candidate(Series series, Map<Metric, Estimate> figures, int lowerSize, int upperSize)
{
    public Candidate
    {
        figures = Collections.unmodifiableMap(new EnumMap<>(figures));
    }

    /** The figure, or null when the run does not have it at both neighbouring sizes. */
    public Estimate figure(final Metric metric)
    {
        return figures.get(metric);
    }

    /** True when the reader busy-polls: it keeps a whole core busy, answered or not. */
    public boolean spins()
    {
        return series.waitStrategy() == WaitStrategy.SPIN;
    }

    /** True when the size asked about was measured, not interpolated. */
    public boolean measured()
    {
        return lowerSize == upperSize;
    }

    /** System calls per message, producer plus consumer, or NaN when the run did not count them. */
    public double syscallsPerMessage()
    {
        final Estimate producer = figure(Metric.PRODUCER_SYSCALLS);
        final Estimate consumer = figure(Metric.CONSUMER_SYSCALLS);
        return producer == null || consumer == null ? Double.NaN : producer.median() + consumer.median();
    }
}
