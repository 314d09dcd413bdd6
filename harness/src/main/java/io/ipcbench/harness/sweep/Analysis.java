package io.ipcbench.harness.sweep;

import io.ipcbench.harness.stats.BreakEven;
import io.ipcbench.harness.stats.Metric;
import io.ipcbench.harness.stats.Spread;
import io.ipcbench.transport.control.Mode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The break-even statements of a run: every pair of series with the same batch, in every mode, on
 * the mode's headline figure.
 */
public final class Analysis
{
    /** The findings of one mode, with the metric they were judged on. */
    public record ModeFindings(Mode mode, Metric metric, List<BreakEven.Finding> findings)
    {
    }

    private Analysis()
    {
    }

    public static List<ModeFindings> breakEven(final Collection<PointRecord> records)
    {
        final List<ModeFindings> result = new ArrayList<>();
        for (final Mode mode : Mode.values())
        {
            final Metric metric = Metric.headline(mode);
            final Map<Series, Map<Integer, Spread>> bySeries = new TreeMap<>(Series.ORDER);
            for (final PointRecord record : records)
            {
                final Spread spread = record.key().mode() == mode ? record.spread(metric) : null;
                if (spread != null)
                {
                    bySeries.computeIfAbsent(record.key().series(), s -> new TreeMap<>()).put(record.key().payloadBytes(), spread);
                }
            }
            final List<Series> series = new ArrayList<>(bySeries.keySet());
            final List<BreakEven.Finding> findings = new ArrayList<>();
            for (int i = 0; i < series.size(); i++)
            {
                for (int j = i + 1; j < series.size(); j++)
                {
                    if (series.get(i).batch() != series.get(j).batch())
                    {
                        continue; // batching is compared in its own section, not as a crossover
                    }
                    final Map<Integer, Spread> a = bySeries.get(series.get(i));
                    final Map<Integer, Spread> b = bySeries.get(series.get(j));
                    final List<BreakEven.Sample> samples = new ArrayList<>();
                    for (final int size : new TreeSet<>(a.keySet()))
                    {
                        // a ratio needs two figures above zero: at 0 B every stream carries 0 MB/s
                        if (b.containsKey(size) && a.get(size).median() > 0 && b.get(size).median() > 0)
                        {
                            samples.add(new BreakEven.Sample(size, a.get(size), b.get(size)));
                        }
                    }
                    if (samples.size() >= 2)
                    {
                        findings.addAll(BreakEven.analyse(series.get(i).toString(), series.get(j).toString(), samples,
                            metric.higherIsBetter(), metric.description(), Sizes::format));
                    }
                }
            }
            if (!findings.isEmpty())
            {
                result.add(new ModeFindings(mode, metric, findings));
            }
        }
        return result;
    }
}
