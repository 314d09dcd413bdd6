package io.ipcbench.harness.stats;

import java.util.Arrays;

/**
 * A figure across the repetitions of a point: the median, quoted with the minimum and maximum.
 * The median of an even count is the mean of the middle two.
 */
public final class Spread
{
    private final double[] values;
    private final double median;

    public Spread(final double[] values)
    {
        if (values.length == 0)
        {
            throw new IllegalArgumentException("a spread needs at least one value");
        }
        this.values = values.clone();
        Arrays.sort(this.values);
        final int n = this.values.length;
        this.median = n % 2 == 1 ? this.values[n / 2] : (this.values[n / 2 - 1] + this.values[n / 2]) / 2.0;
    }

    public double median()
    {
        return median;
    }

    public double min()
    {
        return values[0];
    }

    public double max()
    {
        return values[values.length - 1];
    }

    public int count()
    {
        return values.length;
    }

    /** The values, sorted ascending. */
    public double[] values()
    {
        return values.clone();
    }

    /** (max - min) / median: the relative width of the repetitions' range. */
    public double relativeRange()
    {
        return median == 0 ? 0 : (max() - min()) / Math.abs(median);
    }

    /** True when the two ranges [min, max] share any value. */
    public boolean overlaps(final Spread other)
    {
        return min() <= other.max() && other.min() <= max();
    }
}
