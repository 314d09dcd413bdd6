package io.ipcbench.harness.model;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LineFitTest
{
    /** A sweep's default sizes, three repetitions each. */
    private static final int[] SIZES = {8, 32, 128, 512, 2048, 8192, 32768, 131072, 524288, 1048576};
    private static final int REPETITIONS = 3;
    private static final double A = 20_000;
    private static final double B = 0.3;

    @Test
    void shouldRecoverInterceptAndSlopeFromNoisyPoints()
    {
        final double[][] points = noisy(new Random(7), 300);

        final LineFit fit = LineFit.fit(points[0], points[1]);

        // tolerances of 2%: Theil-Sen meets them for 2000 of 2000 seeds of this noise
        assertEquals(A, fit.intercept(), 400, "a");
        assertEquals(B, fit.slope(), 0.006, "b");
        assertEquals(SIZES.length * REPETITIONS, fit.points());
        assertEquals(SIZES.length, fit.distinctX());
        final double[] a = fit.interceptInterval();
        final double[] b = fit.slopeInterval();
        assertTrue(a[0] < fit.intercept() && fit.intercept() < a[1], "a's interval " + a[0] + " - " + a[1] + " holds the fit");
        assertTrue(b[0] < fit.slope() && fit.slope() < b[1], "b's interval " + b[0] + " - " + b[1] + " holds the fit");
    }

    @Test
    void shouldRecoverTheLineDespiteOneWildOutlierWhereLeastSquaresDoesNot()
    {
        final double[][] points = noisy(new Random(11), 300);
        // one repetition at 1 MiB hit by a long preemption: ten times the true figure
        final int wild = points[0].length - 1;
        points[1][wild] = 10 * (A + B * points[0][wild]);

        final LineFit robust = LineFit.fit(points[0], points[1]);
        final double[] leastSquares = LineFit.leastSquares(points[0], points[1]);

        assertEquals(A, robust.intercept(), 400, "Theil-Sen a");
        assertEquals(B, robust.slope(), 0.006, "Theil-Sen b");
        assertTrue(Math.abs(leastSquares[1] - B) > 0.1, "least squares b is dragged by the outlier: " + leastSquares[1]);
        assertTrue(Math.abs(leastSquares[0] - A) > 10_000, "least squares a is dragged by the outlier: " + leastSquares[0]);
    }

    @Test
    void shouldFitAnExactLineExactly()
    {
        final double[] x = {8, 128, 2048, 32768, 524288};
        final double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++)
        {
            y[i] = 1500 + 0.125 * x[i];
        }

        final LineFit fit = LineFit.fit(x, y);

        assertEquals(1500, fit.intercept(), 1e-9);
        assertEquals(0.125, fit.slope(), 1e-12);
        assertArrayEquals(new double[] {1500, 1500}, fit.interceptInterval(), 1e-9);
        assertArrayEquals(new double[] {0.125, 0.125}, fit.slopeInterval(), 1e-12);
    }

    @Test
    void shouldGiveTheSameIntervalForTheSameSeed()
    {
        final double[][] points = noisy(new Random(3), 500);

        final LineFit first = LineFit.fit(points[0], points[1], 42);
        final LineFit second = LineFit.fit(points[0], points[1], 42);

        assertArrayEquals(first.slopeInterval(), second.slopeInterval());
        assertArrayEquals(first.interceptInterval(), second.interceptInterval());
    }

    @Test
    void shouldRejectPointsAtASingleSize()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> LineFit.fit(new double[] {64, 64, 64}, new double[] {1, 2, 3}));

        assertEquals("a line needs points at two or more distinct x: distinct x=1", ex.getMessage());
    }

    @Test
    void shouldRejectMismatchedLengths()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> LineFit.fit(new double[] {1, 2, 3}, new double[] {1, 2}));

        assertEquals("x and y must have the same length: x has 3, y has 2", ex.getMessage());
    }

    @Test
    void shouldRejectAPointThatIsNotFinite()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> LineFit.fit(new double[] {1, 2}, new double[] {1, Double.NaN}));

        assertEquals("point 1 must be finite: x=2.0, y=NaN", ex.getMessage());
    }

    /** y = A + B x with Gaussian noise of the given standard deviation in ns plus 1% of the size-dependent part. */
    private static double[][] noisy(final Random random, final double sigma)
    {
        final double[] x = new double[SIZES.length * REPETITIONS];
        final double[] y = new double[x.length];
        int i = 0;
        for (int rep = 0; rep < REPETITIONS; rep++)
        {
            for (final int size : SIZES)
            {
                x[i] = size;
                y[i] = A + B * size + random.nextGaussian() * (sigma + 0.01 * B * size);
                i++;
            }
        }
        return new double[][] {x, y};
    }
}
