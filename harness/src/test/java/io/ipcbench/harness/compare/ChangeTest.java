package io.ipcbench.harness.compare;

import io.ipcbench.harness.stats.Metric;
import io.ipcbench.harness.stats.Spread;
import io.ipcbench.harness.sweep.PointKey;
import io.ipcbench.transport.TransportKind;
import io.ipcbench.transport.control.Mode;
import io.ipcbench.transport.wait.WaitStrategy;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ChangeTest
{
    private static final PointKey POINT = new PointKey(TransportKind.UDS, WaitStrategy.KERNEL, 1, Mode.PINGPONG, 64);

    @Test
    void shouldFlagSlowerLatencyBeyondThresholdAndSpread()
    {
        final Change change = classify(Metric.RTT_P50, spread(99, 100, 101), spread(129, 130, 131), true);

        assertEquals(Verdict.REGRESSION, change.verdict());
        assertEquals(0.30, change.change(), 1e-12);
        assertEquals("+30.0%", change.changeText());
        assertEquals("uds pingpong 64 B rtt_p50", change.name());
    }

    @Test
    void shouldNotFlagChangeWhoseRangesOverlap()
    {
        assertEquals(Verdict.WITHIN_SPREAD, classify(Metric.RTT_P50, spread(99, 100, 101), spread(95, 130, 160), true).verdict());
    }

    @Test
    void shouldNotFlagChangeNoLargerThanARunsOwnRangeEvenWhenTheRangesAreDisjoint()
    {
        // measured on this VM, two runs of one configuration: pipe stream 4 KiB, MB/s
        final Change noise = classify(Metric.MB_PER_S, spread(3559, 3831, 4300), spread(1298, 3323, 3476), true);
        final Change real = classify(Metric.MB_PER_S, spread(3559, 3831, 4300), spread(1950, 2000, 2100), true);

        assertEquals(Verdict.WITHIN_SPREAD, noise.verdict(), "moved 508 MB/s; base's own repetitions lie 741 apart");
        assertEquals(Verdict.REGRESSION, real.verdict(), "moved 1831 MB/s, beyond both ranges' widths (741 and 150)");
    }

    @Test
    void shouldNotFlagChangeOfExactlyTheThreshold()
    {
        assertEquals(Verdict.UNCHANGED, classify(Metric.RTT_P50, spread(1.0), spread(1.1), true).verdict());
        assertEquals(Verdict.REGRESSION, classify(Metric.RTT_P50, spread(1.0), spread(1.1001), true).verdict());
    }

    @Test
    void shouldJudgeThroughputHigherIsBetter()
    {
        assertEquals(Verdict.REGRESSION, classify(Metric.MB_PER_S, spread(99, 100, 101), spread(69, 70, 71), true).verdict());
        assertEquals(Verdict.IMPROVED, classify(Metric.MB_PER_S, spread(99, 100, 101), spread(129, 130, 131), true).verdict());
        assertEquals(Verdict.IMPROVED, classify(Metric.RTT_P50, spread(99, 100, 101), spread(69, 70, 71), true).verdict());
    }

    @Test
    void shouldMarkInformationalFigureWorseNotRegressed()
    {
        assertEquals(Verdict.WORSE, classify(Metric.CONSUMER_CPU, spread(0.5), spread(0.9), false).verdict());
    }

    @Test
    void shouldWriteTenfoldChangeAsFactor()
    {
        assertEquals("24x", classify(Metric.RTT_P99, spread(10), spread(240), true).changeText());
        assertEquals("+800.0%", classify(Metric.RTT_P99, spread(10), spread(90), true).changeText());
        assertEquals("-99.0%", classify(Metric.MB_PER_S, spread(100), spread(1), true).changeText());
    }

    @Test
    void shouldTreatRiseFromZeroAsInfinite()
    {
        final Change change = classify(Metric.CONSUMER_SYSCALLS, spread(0), spread(1), false);

        assertEquals(Double.POSITIVE_INFINITY, change.change());
        assertEquals("from 0", change.changeText());
        assertEquals(Verdict.WORSE, change.verdict());
        assertEquals(Verdict.UNCHANGED, classify(Metric.CONSUMER_SYSCALLS, spread(0), spread(0), false).verdict());
    }

    @Test
    void shouldParseThresholdWithOrWithoutPercentSign()
    {
        assertEquals(0.10, Comparison.parseThreshold("10%"), 1e-12);
        assertEquals(0.025, Comparison.parseThreshold(" 2.5 "), 1e-12);
        assertEquals(0, Comparison.parseThreshold("0%"));
    }

    @Test
    void shouldRejectThresholdOutsideRange()
    {
        assertEquals("--threshold '-5%' must be a percentage from 0% to 1000%, e.g. 10%",
            assertThrows(IllegalArgumentException.class, () -> Comparison.parseThreshold("-5%")).getMessage());
        assertEquals("--threshold '2000%' must be a percentage from 0% to 1000%, e.g. 10%",
            assertThrows(IllegalArgumentException.class, () -> Comparison.parseThreshold("2000%")).getMessage());
    }

    private static Change classify(final Metric metric, final Spread base, final Spread current, final boolean gating)
    {
        return Change.classify(POINT, metric, base, current, 0.10, gating);
    }

    private static Spread spread(final double... values)
    {
        return new Spread(values);
    }
}
