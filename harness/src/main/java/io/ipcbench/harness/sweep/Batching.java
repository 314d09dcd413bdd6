package io.ipcbench.harness.sweep;

import io.ipcbench.harness.stats.Metric;
import io.ipcbench.harness.stats.Spread;
import io.ipcbench.transport.TransportKind;
import io.ipcbench.transport.control.Mode;
import io.ipcbench.transport.wait.WaitStrategy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What batching amortises. In stream mode with K messages per write or commit, the time per
 * message is modelled as {@code T(K) = C/K + c}: C is the fixed cost of one crossing (a system
 * call and its wake-up, or a ring commit and its cache-line hand-over), shared by the K messages,
 * and c the cost each message pays on its own (copies, checks). Fitted by least squares on 1/K
 * over the medians of the swept batch sizes. Through two values of K the line runs exactly: its
 * R^2 would be 1 by construction, so R^2 is only given from {@value #MIN_BATCHES_FOR_R_SQUARED}
 * values of K on (NaN below that).
 */
public final class Batching
{
    /** Fewest values of K whose fit says something about how well T(K) = C/K + c holds. */
    public static final int MIN_BATCHES_FOR_R_SQUARED = 3;

    /** The fit for one transport and size; {@code rSquared} is NaN below {@link #MIN_BATCHES_FOR_R_SQUARED} values of K. */
    public record Fit(TransportKind transport, WaitStrategy waitStrategy, int payloadBytes, List<Integer> batches,
        double crossingNs, double perMessageNs, double rSquared)
    {
        public String series()
        {
            return new Series(transport, waitStrategy, 1).toString();
        }

        /** Whether the fit is exact by construction: two values of K, one line through both. */
        public boolean exactByConstruction()
        {
            return batches.size() < MIN_BATCHES_FOR_R_SQUARED;
        }
    }

    private Batching()
    {
    }

    public static List<Fit> fits(final Collection<PointRecord> records)
    {
        final Map<String, TreeMap<Integer, Double>> byGroup = new TreeMap<>();
        final Map<String, PointKey> keys = new TreeMap<>();
        for (final PointRecord record : records)
        {
            final PointKey key = record.key();
            final Spread spread = key.mode() == Mode.STREAM ? record.spread(Metric.MSGS_PER_S) : null;
            if (spread != null && spread.median() > 0)
            {
                final String group = key.transport() + "/" + key.waitStrategy() + "/" + String.format("%012d", key.payloadBytes());
                byGroup.computeIfAbsent(group, g -> new TreeMap<>()).put(key.batch(), 1e9 / spread.median());
                keys.put(group, key);
            }
        }
        final List<Fit> fits = new ArrayList<>();
        for (final Map.Entry<String, TreeMap<Integer, Double>> entry : byGroup.entrySet())
        {
            final TreeMap<Integer, Double> perMessage = entry.getValue();
            if (perMessage.size() < 2)
            {
                continue;
            }
            final PointKey key = keys.get(entry.getKey());
            fits.add(fit(key, perMessage));
        }
        return fits;
    }

    static Fit fit(final PointKey key, final TreeMap<Integer, Double> perMessageNs)
    {
        final int n = perMessageNs.size();
        double sumX = 0;
        double sumY = 0;
        for (final Map.Entry<Integer, Double> point : perMessageNs.entrySet())
        {
            sumX += 1.0 / point.getKey();
            sumY += point.getValue();
        }
        final double meanX = sumX / n;
        final double meanY = sumY / n;
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (final Map.Entry<Integer, Double> point : perMessageNs.entrySet())
        {
            final double dx = 1.0 / point.getKey() - meanX;
            final double dy = point.getValue() - meanY;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }
        final double crossing = sxx == 0 ? Double.NaN : sxy / sxx;
        final double perMessage = meanY - crossing * meanX;
        final double rSquared = n < MIN_BATCHES_FOR_R_SQUARED ? Double.NaN : syy == 0 ? 1 : crossing * sxy / syy;
        return new Fit(key.transport(), key.waitStrategy(), key.payloadBytes(), new ArrayList<>(perMessageNs.keySet()),
            crossing, perMessage, rSquared);
    }
}
