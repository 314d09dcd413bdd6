package io.ipcbench.harness.sweep;

import io.ipcbench.harness.stats.Metric;
import io.ipcbench.harness.stats.Spread;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** All repetitions of one point so far, and each figure's spread across the successful ones. */
public final class PointRecord
{
    private final PointKey key;
    private final List<RepResult> repetitions = new ArrayList<>();

    public PointRecord(final PointKey key)
    {
        this.key = key;
    }

    public PointKey key()
    {
        return key;
    }

    public void add(final RepResult result)
    {
        repetitions.add(result);
    }

    public List<RepResult> repetitions()
    {
        return Collections.unmodifiableList(repetitions);
    }

    public long successes()
    {
        return repetitions.stream().filter(RepResult::ok).count();
    }

    /** Spread of every metric that at least one successful repetition has. */
    public Map<Metric, Spread> spreads()
    {
        final Map<Metric, Spread> spreads = new EnumMap<>(Metric.class);
        for (final Metric metric : Metric.values())
        {
            final double[] values = repetitions.stream()
                .filter(RepResult::ok)
                .map(rep -> rep.metrics().get(metric))
                .filter(value -> value != null && Double.isFinite(value))
                .mapToDouble(Double::doubleValue)
                .toArray();
            if (values.length > 0)
            {
                spreads.put(metric, new Spread(values));
            }
        }
        return spreads;
    }

    public Spread spread(final Metric metric)
    {
        return spreads().get(metric);
    }
}
