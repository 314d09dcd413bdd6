package io.ipcbench.harness.stats;

import io.ipcbench.harness.stats.BreakEven.Finding;
import io.ipcbench.harness.stats.BreakEven.Kind;
import io.ipcbench.harness.stats.BreakEven.Sample;
import io.ipcbench.harness.sweep.Sizes;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongToDoubleFunction;
import java.util.function.LongPredicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BreakEvenTest
{
    /** Latency of A: small fixed cost, grows fast with size. Better below 1000 B. */
    private static final LongToDoubleFunction LINE_A = size -> 10 + 1.0 * size;
    /** Latency of B: large fixed cost, grows slowly with size. Better above 1000 B. */
    private static final LongToDoubleFunction LINE_B = size -> 1000 + 0.01 * size;
    private static final double TIGHT = 0.001;

    @Test
    void shouldLocateCrossoverByLogSizeInterpolation()
    {
        final List<Sample> samples = samples(powersOfFour(), LINE_A, LINE_B, size -> false);

        final List<Finding> findings = BreakEven.analyse("A", "B", samples, false, "rtt p50", Sizes::format);

        assertEquals(1, findings.size(), findings.toString());
        final Finding finding = findings.get(0);
        assertEquals(Kind.CROSSOVER, finding.kind());
        assertEquals("A", finding.a());
        assertEquals("B", finding.b());
        assertEquals(256, finding.lowerSize());
        assertEquals(1024, finding.upperSize());
        assertTrue(finding.sizeBytes() > 256 && finding.sizeBytes() < 1024, "size " + finding.sizeBytes());
        assertEquals(expectedCrossing(256, 1024), finding.sizeBytes(), 1e-9 * finding.sizeBytes());
        assertEquals("A", finding.belowWinner());
        assertEquals("B", finding.aboveWinner());
        assertEquals(LINE_B.applyAsDouble(256) / LINE_A.applyAsDouble(256), finding.belowRatio(), 1e-9);
        assertEquals(LINE_A.applyAsDouble(1024) / LINE_B.applyAsDouble(1024), finding.aboveRatio(), 1e-9);
        assertTrue(finding.text().contains("overtakes"), finding.text());
        assertEquals("B overtakes A at ~" + Sizes.format(Math.round(finding.sizeBytes())) +
            ": below, A is better (by 3.8x at 256 B); above, B is better (by 2% at 1 KiB) [rtt p50]", finding.text());
    }

    @Test
    void shouldClaimCrossoverWhenSignificantSizesOnBothSidesDisagreeAcrossNoise()
    {
        // ranges overlap from 64 B to 4 KiB, around the flip; elsewhere they are disjoint
        final List<Sample> samples = samples(powersOfFour(), LINE_A, LINE_B, size -> size >= 64 && size <= 4096);

        final List<Finding> findings = BreakEven.analyse("A", "B", samples, false, "rtt p50", Sizes::format);

        assertEquals(1, findings.size(), findings.toString());
        final Finding finding = findings.get(0);
        assertEquals(Kind.CROSSOVER, finding.kind());
        assertEquals(16, finding.lowerSize(), "last significant size below");
        assertEquals(16384, finding.upperSize(), "first significant size above");
        assertEquals(expectedCrossing(256, 1024), finding.sizeBytes(), 1e-9 * finding.sizeBytes(), "placed where the medians flip");
        assertEquals("A", finding.belowWinner());
        assertEquals("B", finding.aboveWinner());
        assertTrue(finding.text().startsWith("B overtakes A at ~"), finding.text());
        assertTrue(finding.text().contains("at 16 B); above, B is better"), finding.text());
        assertTrue(finding.text().contains("at 16 KiB) [rtt p50]"), finding.text());
    }

    @Test
    void shouldReportFlipWithoutSignificantOppositeWinnerAsWithinNoise()
    {
        // A is significantly better up to 16 B; from 64 B on, every range overlaps, so B's lead is never significant
        final List<Sample> samples = samples(powersOfFour(), LINE_A, LINE_B, size -> size >= 64);

        final List<Finding> findings = BreakEven.analyse("A", "B", samples, false, "rtt p50", Sizes::format);

        assertEquals(1, findings.size(), findings.toString());
        final Finding finding = findings.get(0);
        assertEquals(Kind.WITHIN_NOISE, finding.kind());
        assertEquals(256, finding.lowerSize());
        assertEquals(1024, finding.upperSize());
        assertEquals(expectedCrossing(256, 1024), finding.sizeBytes(), 1e-9 * finding.sizeBytes());
        assertEquals("A", finding.belowWinner());
        assertEquals("B", finding.aboveWinner());
        assertTrue(finding.text().contains("within noise"), finding.text());
        assertEquals("A vs B: order flips between 256 B and 1 KiB (~" + Sizes.format(Math.round(finding.sizeBytes())) +
            ") but within noise: the repetitions' ranges overlap [rtt p50]", finding.text());
    }

    @Test
    void shouldReportFlipAsWithinNoiseWhenEveryRangeOverlaps()
    {
        final List<Sample> samples = samples(powersOfFour(), LINE_A, LINE_B, size -> true);

        final List<Finding> findings = BreakEven.analyse("A", "B", samples, false, "rtt p50", Sizes::format);

        assertEquals(1, findings.size(), findings.toString());
        assertEquals(Kind.WITHIN_NOISE, findings.get(0).kind());
    }

    @Test
    void shouldNotAssessFlipWithOneRepetitionPerPoint()
    {
        final List<Sample> samples = new ArrayList<>();
        for (final long size : powersOfFour())
        {
            samples.add(new Sample(size, single(LINE_A.applyAsDouble(size)), single(LINE_B.applyAsDouble(size))));
        }

        final List<Finding> findings = BreakEven.analyse("A", "B", samples, false, "rtt p50", Sizes::format);

        assertEquals(1, findings.size(), findings.toString());
        final Finding finding = findings.get(0);
        assertEquals(Kind.UNASSESSED, finding.kind());
        assertEquals(256, finding.lowerSize());
        assertEquals(1024, finding.upperSize());
        assertEquals(expectedCrossing(256, 1024), finding.sizeBytes(), 1e-9 * finding.sizeBytes());
        assertTrue(finding.text().contains("one repetition per point, so noise is not assessed"), finding.text());
    }

    @Test
    void shouldNotAssessWhenOnlyOneSeriesHasOneRepetition()
    {
        final List<Sample> samples = new ArrayList<>();
        for (final long size : powersOfFour())
        {
            samples.add(new Sample(size, tight(LINE_A.applyAsDouble(size)), single(LINE_B.applyAsDouble(size))));
        }

        final List<Finding> findings = BreakEven.analyse("A", "B", samples, false, "rtt p50", Sizes::format);

        assertEquals(1, findings.size(), findings.toString());
        assertEquals(Kind.UNASSESSED, findings.get(0).kind());
    }

    @Test
    void shouldReportNoCrossoverNamingWinnerAndRange()
    {
        final List<Sample> samples = samples(powersOfTwoFrom8To1MiB(), size -> 10 + 0.5 * size, size -> 30 + 1.0 * size, size -> false);

        final List<Finding> findings = BreakEven.analyse("A", "B", samples, false, "rtt p50", Sizes::format);

        assertEquals(1, findings.size(), findings.toString());
        final Finding finding = findings.get(0);
        assertEquals(Kind.NO_CROSSOVER, finding.kind());
        assertEquals("A", finding.belowWinner());
        assertEquals("A", finding.aboveWinner());
        assertEquals(8, finding.lowerSize());
        assertEquals(1 << 20, finding.upperSize());
        assertTrue(Double.isNaN(finding.sizeBytes()));
        assertTrue(finding.text().contains("no crossover between 8 B and 1 MiB"), finding.text());
        assertEquals("A vs B: no crossover between 8 B and 1 MiB: A is better at every size, by 2.0x to 2.7x", finding.text());
    }

    @Test
    void shouldNameSecondSeriesWhenItWinsEverywhere()
    {
        final List<Sample> samples = samples(powersOfTwoFrom8To1MiB(), size -> 30 + 1.0 * size, size -> 10 + 0.5 * size, size -> false);

        final Finding finding = BreakEven.analyse("A", "B", samples, false, "rtt p50", Sizes::format).get(0);

        assertEquals(Kind.NO_CROSSOVER, finding.kind());
        assertEquals("B", finding.belowWinner());
        assertTrue(finding.text().startsWith("A vs B: no crossover between 8 B and 1 MiB: B is better at every size"), finding.text());
    }

    @Test
    void shouldSayNoCrossoverIsWithinNoiseWhereRangesOverlap()
    {
        final List<Sample> samples = samples(powersOfTwoFrom8To1MiB(), size -> 10 + 0.5 * size, size -> 30 + 1.0 * size, size -> size == 64);

        final Finding finding = BreakEven.analyse("A", "B", samples, false, "rtt p50", Sizes::format).get(0);

        assertEquals(Kind.NO_CROSSOVER, finding.kind());
        assertTrue(finding.text().endsWith(" (within noise at 1 of 18 sizes)"), finding.text());
    }

    @Test
    void shouldOrientThroughputHigherIsBetter()
    {
        // throughput as the inverse of the latency lines: A is better at small sizes, B at large
        final List<Sample> samples = samples(powersOfFour(),
            size -> 1e9 / LINE_A.applyAsDouble(size), size -> 1e9 / LINE_B.applyAsDouble(size), size -> false);

        final List<Finding> findings = BreakEven.analyse("A", "B", samples, true, "MB/s", Sizes::format);

        assertEquals(1, findings.size(), findings.toString());
        final Finding finding = findings.get(0);
        assertEquals(Kind.CROSSOVER, finding.kind());
        assertEquals("A", finding.belowWinner());
        assertEquals("B", finding.aboveWinner());
        assertEquals(expectedCrossing(256, 1024), finding.sizeBytes(), 1e-9 * finding.sizeBytes());
        assertTrue(finding.text().startsWith("B overtakes A at ~"), finding.text());
    }

    @Test
    void shouldSwapWinnersWhenHigherIsBetter()
    {
        // the same numbers read as throughput: the larger figure wins
        final List<Sample> samples = samples(powersOfFour(), LINE_A, LINE_B, size -> false);

        final Finding finding = BreakEven.analyse("A", "B", samples, true, "msg/s", Sizes::format).get(0);

        assertEquals(Kind.CROSSOVER, finding.kind());
        assertEquals("B", finding.belowWinner());
        assertEquals("A", finding.aboveWinner());
        assertTrue(finding.text().startsWith("A overtakes B at ~"), finding.text());
    }

    @Test
    void shouldReportFlipThroughTiedMediansWithOneRepetition()
    {
        // A is better at 64 B, the medians tie at 256 B, B is better at 1 KiB: the order does flip
        final List<Sample> samples = List.of(
            new Sample(64, single(100), single(200)),
            new Sample(256, single(200), single(200)),
            new Sample(1024, single(300), single(200)));

        final List<Finding> findings = BreakEven.analyse("A", "B", samples, false, "rtt p50", Sizes::format);

        assertEquals(1, findings.size(), findings.toString());
        final Finding finding = findings.get(0);
        assertEquals(Kind.UNASSESSED, finding.kind());
        assertEquals("A", finding.belowWinner());
        assertEquals("B", finding.aboveWinner());
        assertEquals(64, finding.lowerSize());
        assertEquals(1024, finding.upperSize());
        assertEquals(256, finding.sizeBytes(), 1e-9, "the medians are equal at 256 B");
    }

    @Test
    void shouldReportFlipThroughTiedMediansWithinNoise()
    {
        final List<Sample> samples = List.of(
            new Sample(64, tight(100), tight(200)),
            new Sample(256, new Spread(new double[]{150, 200, 250}), new Spread(new double[]{150, 200, 250})),
            new Sample(1024, new Spread(new double[]{100, 300, 400}), new Spread(new double[]{100, 200, 400})));

        final List<Finding> findings = BreakEven.analyse("A", "B", samples, false, "rtt p50", Sizes::format);

        assertEquals(1, findings.size(), findings.toString());
        assertEquals(Kind.WITHIN_NOISE, findings.get(0).kind());
        assertEquals("B", findings.get(0).aboveWinner());
    }

    @Test
    void shouldLocateSignificantCrossoverAtTiedMedians()
    {
        final List<Sample> samples = List.of(
            new Sample(64, tight(100), tight(200)),
            new Sample(256, tight(200), tight(200)),
            new Sample(1024, tight(300), tight(200)));

        final List<Finding> findings = BreakEven.analyse("A", "B", samples, false, "rtt p50", Sizes::format);

        assertEquals(1, findings.size(), findings.toString());
        final Finding finding = findings.get(0);
        assertEquals(Kind.CROSSOVER, finding.kind());
        assertEquals(256, finding.sizeBytes(), 1e-9);
        assertEquals("A", finding.belowWinner());
        assertEquals("B", finding.aboveWinner());
    }

    @Test
    void shouldFindNothingWithoutSamples()
    {
        assertTrue(BreakEven.analyse("A", "B", List.of(), false, "rtt p50", Sizes::format).isEmpty());
    }

    @Test
    void shouldFormatRatios()
    {
        assertEquals("12%", BreakEven.ratio(1.12));
        assertEquals("0%", BreakEven.ratio(1.0));
        assertEquals("2.0x", BreakEven.ratio(2.0));
        assertEquals("3.4x", BreakEven.ratio(3.4));
        assertEquals("12x", BreakEven.ratio(12.3));
    }

    /** The size where log(A/B), taken as linear in log(size) between two samples, is zero. */
    private static double expectedCrossing(final long lowSize, final long highSize)
    {
        final double x0 = Math.log(lowSize);
        final double x1 = Math.log(highSize);
        final double y0 = Math.log(LINE_A.applyAsDouble(lowSize) / LINE_B.applyAsDouble(lowSize));
        final double y1 = Math.log(LINE_A.applyAsDouble(highSize) / LINE_B.applyAsDouble(highSize));
        final double slope = (y1 - y0) / (x1 - x0);
        return Math.exp(x0 - y0 / slope);
    }

    private static List<Long> powersOfFour()
    {
        final List<Long> sizes = new ArrayList<>();
        for (long size = 1; size <= 1 << 20; size *= 4)
        {
            sizes.add(size);
        }
        return sizes;
    }

    private static List<Long> powersOfTwoFrom8To1MiB()
    {
        final List<Long> sizes = new ArrayList<>();
        for (long size = 8; size <= 1 << 20; size *= 2)
        {
            sizes.add(size);
        }
        return sizes;
    }

    /**
     * Both lines at each size, three repetitions each: tight around the median, or (where {@code noisy}) with
     * both series spanning the same wide range, so that they overlap whatever their medians.
     */
    private static List<Sample> samples(
        final List<Long> sizes, final LongToDoubleFunction a, final LongToDoubleFunction b, final LongPredicate noisy)
    {
        final List<Sample> samples = new ArrayList<>();
        for (final long size : sizes)
        {
            final double medianA = a.applyAsDouble(size);
            final double medianB = b.applyAsDouble(size);
            if (noisy.test(size))
            {
                final double low = Math.min(medianA, medianB) / 2;
                final double high = Math.max(medianA, medianB) * 2;
                samples.add(new Sample(size, new Spread(new double[]{low, medianA, high}), new Spread(new double[]{low, medianB, high})));
            }
            else
            {
                final Sample sample = new Sample(size, tight(medianA), tight(medianB));
                assertTrue(!sample.a().overlaps(sample.b()), "tight spreads must not overlap at " + size);
                samples.add(sample);
            }
        }
        return samples;
    }

    private static Spread tight(final double median)
    {
        return new Spread(new double[]{median * (1 - TIGHT), median, median * (1 + TIGHT)});
    }

    private static Spread single(final double value)
    {
        return new Spread(new double[]{value});
    }
}
