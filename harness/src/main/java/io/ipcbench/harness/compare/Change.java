package io.ipcbench.harness.compare;

import io.ipcbench.harness.stats.Metric;
import io.ipcbench.harness.stats.Spread;
import io.ipcbench.harness.sweep.PointKey;

import java.util.Comparator;
import java.util.Locale;

/**
 * One figure of one point in both runs: the two spreads, the relative change of the median, and
 * the verdict of the rule (see the package documentation).
 *
 * @param point    the point (series, mode, size).
 * @param metric   the figure.
 * @param base     its spread in the base run.
 * @param current  its spread in the current run.
 * @param change   (current median - base median) / |base median|; infinite when the base median is 0 and the current is not.
 * @param gating   true when this figure can fail the comparison.
 * @param verdict  what the rule concluded.
 */
public record Change(PointKey point, Metric metric, Spread base, Spread current, double change, boolean gating, Verdict verdict)
{
    /** Slack against binary fractions: a change of exactly the threshold (1.1 / 1.0 - 1 = 0.10000000000000009) is not beyond it. */
    static final double EPSILON = 1e-9;

    /** Most severe first: by verdict, then by the size of the change, then in report order. */
    public static final Comparator<Change> SEVERITY = Comparator
        .comparing(Change::verdict)
        .thenComparing(Comparator.comparingDouble((Change c) -> Math.abs(c.change())).reversed())
        .thenComparing(Change::point, PointKey.ORDER)
        .thenComparing(Change::metric);

    /**
     * Applies the rule to one figure.
     *
     * @param threshold the relative change a median must exceed, e.g. 0.10 for 10%.
     * @param gating    whether a worsening of this figure fails the comparison.
     */
    public static Change classify(
        final PointKey point, final Metric metric, final Spread base, final Spread current, final double threshold, final boolean gating)
    {
        final double change = relative(base.median(), current.median());
        final Verdict verdict;
        if (!(Math.abs(change) > threshold + EPSILON))
        {
            verdict = Verdict.UNCHANGED;
        }
        else if (withinSpread(base, current))
        {
            verdict = Verdict.WITHIN_SPREAD;
        }
        else if (metric.higherIsBetter() ? change < 0 : change > 0)
        {
            verdict = gating ? Verdict.REGRESSION : Verdict.WORSE;
        }
        else
        {
            verdict = Verdict.IMPROVED;
        }
        return new Change(point, metric, base, current, change, gating, verdict);
    }

    /**
     * True unless the median moved by more than either run's own spread: the ranges [min, max] of
     * the repetitions overlap, or the medians are closer than the wider range is wide. Disjoint
     * ranges alone are weak evidence with three repetitions (two sets of three from one
     * distribution are disjoint one time in ten, and a run compares dozens of figures); a move
     * larger than the runs' own variation is not noise they have shown.
     */
    static boolean withinSpread(final Spread base, final Spread current)
    {
        final double widest = Math.max(base.max() - base.min(), current.max() - current.min());
        return base.overlaps(current) || Math.abs(current.median() - base.median()) <= widest;
    }

    /** (current - base) / |base|; 0 when both are 0, infinite when only the base is. */
    static double relative(final double base, final double current)
    {
        if (base == current)
        {
            return 0;
        }
        if (base == 0)
        {
            return current > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        }
        return (current - base) / Math.abs(base);
    }

    /** True when either run has a single repetition of this point: no spread to judge the change by. */
    public boolean unassessedSpread()
    {
        return base.count() == 1 || current.count() == 1;
    }

    /** {@code +30.0%}, {@code -5.2%}, {@code 24x} (ten times or more), {@code from 0}. */
    public String changeText()
    {
        if (Double.isInfinite(change))
        {
            return "from 0";
        }
        if (change >= 9)
        {
            return String.format(Locale.ROOT, "%.0fx", change + 1);
        }
        return String.format(Locale.ROOT, "%+.1f%%", change * 100);
    }

    /** {@code uds pingpong 64 B rtt_p50}: the name trackers and verdict lines use. */
    public String name()
    {
        return point + " " + metric.key();
    }
}
