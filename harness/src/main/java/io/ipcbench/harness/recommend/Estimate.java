package io.ipcbench.harness.recommend;

import io.ipcbench.harness.stats.Spread;

/**
 * A figure at the size asked about: measured there, or interpolated between the two nearest
 * measured sizes. {@code min} and {@code max} are the repetitions' range, interpolated likewise.
 */
public record Estimate(double median, double min, double max)
{
    /** The figure of a measured point, as it is. */
    public static Estimate of(final Spread spread)
    {
        return new Estimate(spread.median(), spread.min(), spread.max());
    }

    /**
     * The figure at {@code size} from the figures at the measured sizes {@code lower} and {@code
     * upper} around it: see {@link #interpolate(double, double, double, double, double)}.
     */
    public static Estimate between(final int lower, final Spread atLower, final int upper, final Spread atUpper, final int size)
    {
        if (lower == size || lower == upper)
        {
            return of(atLower);
        }
        if (upper == size)
        {
            return of(atUpper);
        }
        final double median = interpolate(lower, atLower.median(), upper, atUpper.median(), size);
        final double low = interpolate(lower, atLower.min(), upper, atUpper.min(), size);
        final double high = interpolate(lower, atLower.max(), upper, atUpper.max(), size);
        return new Estimate(median, Math.min(low, median), Math.max(high, median));
    }

    /**
     * The value at {@code x} of the line through ({@code x0}, {@code y0}) and ({@code x1}, {@code y1})
     * drawn on log-log axes: log y linear in log x. Where a logarithm does not exist the axis is
     * taken linear instead: a size of 0 (linear in size), a figure of 0 such as no system calls
     * (linear in the figure).
     */
    public static double interpolate(final double x0, final double y0, final double x1, final double y1, final double x)
    {
        if (x == x0 || x0 == x1)
        {
            return y0;
        }
        if (x == x1)
        {
            return y1;
        }
        final double t = x0 > 0 ? Math.log(x / x0) / Math.log(x1 / x0) : (x - x0) / (x1 - x0);
        if (y0 > 0 && y1 > 0)
        {
            return Math.exp(Math.log(y0) + t * (Math.log(y1) - Math.log(y0)));
        }
        return y0 + t * (y1 - y0);
    }

    /** True when the two ranges [min, max] share any value: their order is not clear. */
    public boolean overlaps(final Estimate other)
    {
        return min <= other.max && other.min <= max;
    }
}
