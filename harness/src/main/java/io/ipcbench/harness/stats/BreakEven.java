package io.ipcbench.harness.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;

/**
 * Where two series change places as the message size grows, judged on one metric.
 *
 * <p>At each size the two medians give an order; the order is significant where the two
 * repetitions' ranges [min, max] do not overlap (and there were at least two repetitions). A
 * crossover is claimed between two significant sizes with opposite winners, and placed where the
 * log of the ratio of the medians crosses zero, interpolated linearly on log size. A flip of the
 * medians that no significant sizes bracket is reported as within noise.
 */
public final class BreakEven
{
    /** What a comparison of two series found. */
    public enum Kind
    {
        /** A significant change of order, located at {@link Finding#sizeBytes}. */
        CROSSOVER,
        /** The medians change order but the repetitions overlap. */
        WITHIN_NOISE,
        /** The medians change order, but one repetition per point cannot tell noise from a real flip. */
        UNASSESSED,
        /** The same series wins at every size measured. */
        NO_CROSSOVER
    }

    /** One size's figures for both series. */
    public record Sample(long sizeBytes, Spread a, Spread b)
    {
    }

    /** A statement about a pair of series. */
    public record Finding(
        Kind kind, String a, String b, double sizeBytes, long lowerSize, long upperSize, String belowWinner, String aboveWinner,
        double belowRatio, double aboveRatio, String text)
    {
    }

    private BreakEven()
    {
    }

    /**
     * @param samples both series' figures at each size both measured, in ascending size.
     * @param higherIsBetter true for throughput, false for latency.
     * @param sizeFormat how sizes are printed in the statements.
     */
    public static List<Finding> analyse(
        final String a, final String b, final List<Sample> samples, final boolean higherIsBetter, final String metricName,
        final LongFunction<String> sizeFormat)
    {
        final List<Finding> findings = new ArrayList<>();
        final int n = samples.size();
        if (n == 0)
        {
            return findings;
        }
        final double[] s = new double[n];
        final boolean[] significant = new boolean[n];
        boolean assessable = true;
        for (int i = 0; i < n; i++)
        {
            final Sample sample = samples.get(i);
            final double ratio = sample.a().median() / sample.b().median();
            s[i] = higherIsBetter ? Math.log(ratio) : -Math.log(ratio);
            significant[i] = !sample.a().overlaps(sample.b()) && s[i] != 0;
            assessable &= sample.a().count() > 1 && sample.b().count() > 1;
        }
        final boolean[] explained = new boolean[n];
        if (assessable)
        {
            int previous = -1;
            for (int i = 0; i < n; i++)
            {
                if (!significant[i])
                {
                    continue;
                }
                if (previous >= 0 && Math.signum(s[previous]) != Math.signum(s[i]))
                {
                    int k = previous;
                    while (k + 1 < i && Math.signum(s[k + 1]) == Math.signum(s[previous]))
                    {
                        k++;
                    }
                    findings.add(crossing(Kind.CROSSOVER, a, b, samples, s, k, previous, i, metricName, sizeFormat));
                    for (int j = previous; j < i; j++)
                    {
                        explained[j] = true;
                    }
                }
                previous = i;
            }
        }
        for (int k = 0; k + 1 < n; k++)
        {
            // a flip may pass through sizes where the medians tie: compare with the next size that has an order
            int next = k + 1;
            while (next + 1 < n && s[next] == 0)
            {
                next++;
            }
            if (!explained[k] && s[k] * s[next] < 0)
            {
                findings.add(crossing(assessable ? Kind.WITHIN_NOISE : Kind.UNASSESSED, a, b, samples, s, k, k, next, metricName, sizeFormat));
            }
        }
        if (findings.isEmpty())
        {
            findings.add(noCrossover(a, b, samples, s, significant, assessable, sizeFormat));
        }
        return findings;
    }

    private static Finding crossing(
        final Kind kind, final String a, final String b, final List<Sample> samples, final double[] s, final int k,
        final int low, final int high, final String metricName, final LongFunction<String> sizeFormat)
    {
        final double x0 = Math.log(Math.max(1, samples.get(k).sizeBytes()));
        final double x1 = Math.log(Math.max(1, samples.get(k + 1).sizeBytes()));
        final double t = s[k] / (s[k] - s[k + 1]);
        final double size = Math.exp(x0 + t * (x1 - x0));
        final String below = s[low] > 0 ? a : b;
        final String above = s[high] > 0 ? a : b;
        final double belowRatio = Math.exp(Math.abs(s[low]));
        final double aboveRatio = Math.exp(Math.abs(s[high]));
        final String lowSize = sizeFormat.apply(samples.get(low).sizeBytes());
        final String highSize = sizeFormat.apply(samples.get(high).sizeBytes());
        final String text;
        switch (kind)
        {
            case CROSSOVER:
                text = String.format(Locale.ROOT, "%s overtakes %s at ~%s: below, %s is better (by %s at %s); above, %s is better (by %s at %s) [%s]",
                    above, below, sizeFormat.apply(Math.round(size)), below, ratio(belowRatio), lowSize, above, ratio(aboveRatio), highSize, metricName);
                break;
            case WITHIN_NOISE:
                text = String.format(Locale.ROOT, "%s vs %s: order flips between %s and %s (~%s) but within noise: the repetitions' ranges overlap [%s]",
                    a, b, lowSize, highSize, sizeFormat.apply(Math.round(size)), metricName);
                break;
            default:
                text = String.format(Locale.ROOT, "%s vs %s: order flips between %s and %s (~%s); one repetition per point, so noise is not assessed [%s]",
                    a, b, lowSize, highSize, sizeFormat.apply(Math.round(size)), metricName);
        }
        return new Finding(kind, a, b, size, samples.get(low).sizeBytes(), samples.get(high).sizeBytes(), below, above,
            belowRatio, aboveRatio, text);
    }

    private static Finding noCrossover(
        final String a, final String b, final List<Sample> samples, final double[] s, final boolean[] significant, final boolean assessable,
        final LongFunction<String> sizeFormat)
    {
        double least = Double.MAX_VALUE;
        double most = 0;
        int significantCount = 0;
        for (int i = 0; i < s.length; i++)
        {
            least = Math.min(least, Math.abs(s[i]));
            most = Math.max(most, Math.abs(s[i]));
            significantCount += significant[i] ? 1 : 0;
        }
        final String winner = s[0] > 0 ? a : s[0] < 0 ? b : (s[s.length - 1] >= 0 ? a : b);
        final String loser = winner.equals(a) ? b : a;
        final long first = samples.get(0).sizeBytes();
        final long last = samples.get(samples.size() - 1).sizeBytes();
        final String range = "between " + sizeFormat.apply(first) + " and " + sizeFormat.apply(last);
        final String noise;
        if (!assessable)
        {
            noise = "; one repetition per point, so noise is not assessed";
        }
        else if (significantCount == 0)
        {
            noise = ", but within noise at every size";
        }
        else if (significantCount < s.length)
        {
            noise = " (within noise at " + (s.length - significantCount) + " of " + s.length + " sizes)";
        }
        else
        {
            noise = "";
        }
        final String text = String.format(Locale.ROOT, "%s vs %s: no crossover %s: %s is better at every size, by %s to %s%s",
            a, b, range, winner, ratio(Math.exp(least)), ratio(Math.exp(most)), noise);
        return new Finding(Kind.NO_CROSSOVER, a, b, Double.NaN, first, last, winner, winner, Math.exp(least), Math.exp(most), text);
    }

    /** 1.12 as "12%", 3.4 as "3.4x". */
    public static String ratio(final double ratio)
    {
        if (ratio < 2)
        {
            return String.format(Locale.ROOT, "%.0f%%", (ratio - 1) * 100);
        }
        return String.format(Locale.ROOT, ratio < 10 ? "%.1fx" : "%.0fx", ratio);
    }
}
