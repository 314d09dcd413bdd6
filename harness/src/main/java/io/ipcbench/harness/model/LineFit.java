package io.ipcbench.harness.model;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A straight line {@code y = a + b * x} fitted with the Theil–Sen estimator, and its uncertainty
 * from a bootstrap over the points.
 *
 * <p>Theil–Sen: {@code b} is the median of the slopes of every pair of points with different x,
 * {@code a} the median of {@code y - b * x}. Up to about 29% of the points can be arbitrarily wrong
 * before the line moves with them, where one wild point drags a least-squares line anywhere; and
 * it needs no noise model or tuning constant. Latencies are skewed and the odd repetition is hit
 * by a preemption, so that robustness is what a fixed + per-byte cost should be read from.
 *
 * <p>Uncertainty: the points are resampled with replacement {@value #BOOTSTRAP_REPLICATES} times
 * (a resample with fewer than two distinct x is drawn again), the line refitted each time, and
 * the 2.5th and 97.5th percentiles of {@code a} and {@code b} give a 95% interval. The random
 * generator is seeded, so the same points always give the same interval. The replicates are kept
 * so that a quantity derived from two lines (a crossover) gets an interval the same way; two lines
 * that are combined so must have been fitted with different seeds, or their resamples would leave
 * out the same sizes together and the two lines' errors would look correlated when they are not.
 */
public final class LineFit
{
    /** Resamples behind each interval: enough for stable 2.5% and 97.5% percentiles. */
    public static final int BOOTSTRAP_REPLICATES = 1000;
    /** The seed {@link #fit(double[], double[])} uses. */
    public static final long DEFAULT_SEED = 20261203L;

    private final double intercept;
    private final double slope;
    private final int points;
    private final int distinctX;
    private final double[] interceptReplicates;
    private final double[] slopeReplicates;

    private LineFit(
        final double intercept, final double slope, final int points, final int distinctX, final double[] interceptReplicates,
        final double[] slopeReplicates)
    {
        this.intercept = intercept;
        this.slope = slope;
        this.points = points;
        this.distinctX = distinctX;
        this.interceptReplicates = interceptReplicates;
        this.slopeReplicates = slopeReplicates;
    }

    /**
     * Fits the line and bootstraps its interval with {@link #DEFAULT_SEED}.
     *
     * @throws IllegalArgumentException as {@link #fit(double[], double[], long)}.
     */
    public static LineFit fit(final double[] x, final double[] y)
    {
        return fit(x, y, DEFAULT_SEED);
    }

    /**
     * Fits the line and bootstraps its interval.
     *
     * @param seed of the resampling: the same points and seed give the same interval.
     * @throws IllegalArgumentException when x and y differ in length, hold a value that is not
     *     finite, or have fewer than two distinct x.
     */
    public static LineFit fit(final double[] x, final double[] y, final long seed)
    {
        check(x, y);
        final double[] line = theilSen(x, y, identity(x.length));
        final double[] intercepts = new double[BOOTSTRAP_REPLICATES];
        final double[] slopes = new double[BOOTSTRAP_REPLICATES];
        final SplittableRandom random = new SplittableRandom(seed);
        final int[] sample = new int[x.length];
        for (int r = 0; r < BOOTSTRAP_REPLICATES; r++)
        {
            do
            {
                for (int i = 0; i < sample.length; i++)
                {
                    sample[i] = random.nextInt(x.length);
                }
            }
            while (distinct(x, sample) < 2);
            final double[] replicate = theilSen(x, y, sample);
            intercepts[r] = replicate[0];
            slopes[r] = replicate[1];
        }
        return new LineFit(line[0], line[1], x.length, distinct(x, identity(x.length)), intercepts, slopes);
    }

    /** The Theil–Sen line alone, without the bootstrap: {@code {a, b}}. */
    public static double[] theilSen(final double[] x, final double[] y)
    {
        check(x, y);
        return theilSen(x, y, identity(x.length));
    }

    /** Ordinary least squares {@code {a, b}}, for comparison only (tests show what it does with an outlier). */
    public static double[] leastSquares(final double[] x, final double[] y)
    {
        check(x, y);
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < x.length; i++)
        {
            meanX += x[i] / x.length;
            meanY += y[i] / x.length;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.length; i++)
        {
            sxy += (x[i] - meanX) * (y[i] - meanY);
            sxx += (x[i] - meanX) * (x[i] - meanX);
        }
        final double slope = sxy / sxx;
        return new double[] {meanY - slope * meanX, slope};
    }

    private static double[] theilSen(final double[] x, final double[] y, final int[] sample)
    {
        final int n = sample.length;
        final double[] slopes = new double[n * (n - 1) / 2];
        int count = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                final double dx = x[sample[j]] - x[sample[i]];
                if (dx != 0)
                {
                    slopes[count++] = (y[sample[j]] - y[sample[i]]) / dx;
                }
            }
        }
        final double slope = median(slopes, count);
        final double[] residuals = new double[n];
        for (int i = 0; i < n; i++)
        {
            residuals[i] = y[sample[i]] - slope * x[sample[i]];
        }
        return new double[] {median(residuals, n), slope};
    }

    private static void check(final double[] x, final double[] y)
    {
        if (x.length != y.length)
        {
            throw new IllegalArgumentException("x and y must have the same length: x has " + x.length + ", y has " + y.length);
        }
        for (int i = 0; i < x.length; i++)
        {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i]))
            {
                throw new IllegalArgumentException("point " + i + " must be finite: x=" + x[i] + ", y=" + y[i]);
            }
        }
        final int distinct = distinct(x, identity(x.length));
        if (distinct < 2)
        {
            throw new IllegalArgumentException("a line needs points at two or more distinct x: distinct x=" + distinct);
        }
    }

    private static int[] identity(final int n)
    {
        final int[] all = new int[n];
        for (int i = 0; i < n; i++)
        {
            all[i] = i;
        }
        return all;
    }

    private static int distinct(final double[] x, final int[] sample)
    {
        final double[] values = new double[sample.length];
        for (int i = 0; i < sample.length; i++)
        {
            values[i] = x[sample[i]];
        }
        return (int)Arrays.stream(values).distinct().count();
    }

    /** Median of the first {@code count} values (sorted in place); the mean of the middle two for an even count. */
    static double median(final double[] values, final int count)
    {
        Arrays.sort(values, 0, count);
        return count % 2 == 1 ? values[count / 2] : (values[count / 2 - 1] + values[count / 2]) / 2.0;
    }

    /** The {@code p}-quantile (0..1) of the values, linearly interpolated between order statistics. */
    static double quantile(final double[] values, final double p)
    {
        final double[] sorted = values.clone();
        Arrays.sort(sorted);
        final double position = p * (sorted.length - 1);
        final int low = (int)Math.floor(position);
        final int high = Math.min(sorted.length - 1, low + 1);
        return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
    }

    /** a: the line at x = 0. */
    public double intercept()
    {
        return intercept;
    }

    /** b: the change in y per unit of x. */
    public double slope()
    {
        return slope;
    }

    /** The line at {@code x}. */
    public double at(final double x)
    {
        return intercept + slope * x;
    }

    public int points()
    {
        return points;
    }

    public int distinctX()
    {
        return distinctX;
    }

    /** 95% bootstrap interval of a: {@code {low, high}}. */
    public double[] interceptInterval()
    {
        return new double[] {quantile(interceptReplicates, 0.025), quantile(interceptReplicates, 0.975)};
    }

    /** 95% bootstrap interval of b: {@code {low, high}}. */
    public double[] slopeInterval()
    {
        return new double[] {quantile(slopeReplicates, 0.025), quantile(slopeReplicates, 0.975)};
    }

    /** The bootstrap replicates of a, in the order they were drawn. */
    double[] interceptReplicates()
    {
        return interceptReplicates.clone();
    }

    /** The bootstrap replicates of b, in the order they were drawn. */
    double[] slopeReplicates()
    {
        return slopeReplicates.clone();
    }
}
