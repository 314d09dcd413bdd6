package io.ipcbench.harness.recommend;

import io.ipcbench.harness.stats.Spread;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EstimateTest
{
    @Test
    void shouldTakeGeometricMeanHalfwayOnLogSize()
    {
        // 512 B is halfway between 64 B and 4 KiB on a log axis: log y halfway too
        assertEquals(800, Estimate.interpolate(64, 400, 4096, 1600, 512), 1e-9);
    }

    @Test
    void shouldFollowPowerLawBetweenSizes()
    {
        // y = x^2 through (10, 100) and (1000, 1e6): the interpolation is exact on a power law
        assertEquals(10_000, Estimate.interpolate(10, 100, 1000, 1e6, 100), 1e-6);
    }

    @Test
    void shouldReturnMeasuredValuesAtEnds()
    {
        assertEquals(400, Estimate.interpolate(64, 400, 4096, 1600, 64));
        assertEquals(1600, Estimate.interpolate(64, 400, 4096, 1600, 4096));
    }

    @Test
    void shouldInterpolateLinearlyInFigureWhenOneIsZero()
    {
        // no system calls at 64 B, 2 at 4 KiB: halfway on log size is 1
        assertEquals(1, Estimate.interpolate(64, 0, 4096, 2, 512), 1e-12);
    }

    @Test
    void shouldInterpolateLinearlyInSizeFromSizeZero()
    {
        // no log of 0 B: halfway in size, still halfway on log figure
        assertEquals(Math.sqrt(100 * 200), Estimate.interpolate(0, 100, 8, 200, 4), 1e-9);
        assertEquals(1, Estimate.interpolate(0, 0, 8, 2, 4), 1e-12, "linear on both axes");
    }

    @Test
    void shouldInterpolateRangeAsWellAsMedian()
    {
        final Estimate estimate = Estimate.between(
            64, new Spread(new double[]{300, 400, 500}), 4096, new Spread(new double[]{1200, 1600, 2000}), 512);

        assertEquals(800, estimate.median(), 1e-9);
        assertEquals(600, estimate.min(), 1e-9);
        assertEquals(1000, estimate.max(), 1e-9);
    }

    @Test
    void shouldTakeMeasuredSpreadAtMeasuredSize()
    {
        final Estimate estimate = Estimate.between(64, new Spread(new double[]{1, 2, 3}), 64, new Spread(new double[]{1, 2, 3}), 64);

        assertEquals(new Estimate(2, 1, 3), estimate);
    }

    @Test
    void shouldOverlapWhenRangesShareValues()
    {
        assertTrue(new Estimate(10, 9, 11).overlaps(new Estimate(12, 11, 13)));
        assertFalse(new Estimate(10, 9, 11).overlaps(new Estimate(12, 11.5, 13)));
    }
}
