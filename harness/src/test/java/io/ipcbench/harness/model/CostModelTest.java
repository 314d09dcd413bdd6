package io.ipcbench.harness.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ipcbench.harness.calibrate.Calibration;
import io.ipcbench.harness.calibrate.JmhResults;
import io.ipcbench.harness.stats.BreakEven;
import io.ipcbench.harness.stats.Metric;
import io.ipcbench.harness.sweep.Analysis;
import io.ipcbench.harness.sweep.PointKey;
import io.ipcbench.harness.sweep.PointRecord;
import io.ipcbench.harness.sweep.RepResult;
import io.ipcbench.transport.TransportKind;
import io.ipcbench.transport.control.Mode;
import io.ipcbench.transport.wait.WaitStrategy;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongToDoubleFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CostModelTest
{
    private static final int[] SIZES = {8, 128, 2048, 32768, 524288};
    /** uds: low fixed cost, dear bytes. */
    private static final LongToDoubleFunction UDS = size -> 20_000 + 0.5 * size;
    /** agrona/futex: dearer fixed cost, cheaper bytes; the two cross at (30000 - 20000) / (0.5 - 0.25) = 40000 B. */
    private static final LongToDoubleFunction FUTEX = size -> 30_000 + 0.25 * size;

    @Test
    void shouldPredictTheExactCrossoverOfTwoExactLines()
    {
        final CostModel model = CostModel.fit(pingPong(UDS, FUTEX, 2));

        final SeriesFit uds = model.fit(Mode.PINGPONG, "uds");
        final SeriesFit futex = model.fit(Mode.PINGPONG, "agrona/futex");
        final CostModel.Crossover crossover = CostModel.crossover(uds, futex);

        assertEquals(20_000, uds.fixedNs(), 1e-6);
        assertEquals(0.5, uds.perByteNs(), 1e-12);
        assertEquals(30_000, futex.fixedNs(), 1e-6);
        assertEquals(0.25, futex.perByteNs(), 1e-12);
        assertEquals(40_000, crossover.sizeBytes(), 1e-6);
        assertTrue(crossover.interval()[0] <= 40_000 && crossover.interval()[0] > 39_000, "low " + crossover.interval()[0]);
        assertTrue(crossover.interval()[1] >= 40_000 && crossover.interval()[1] < 41_000, "high " + crossover.interval()[1]);
        assertEquals(1.0, crossover.crossingShare());
        assertEquals("uds", crossover.lowerFixed().name());
        assertEquals("agrona/futex", crossover.lowerPerByte().name());
    }

    @Test
    void shouldComputeCrossingOnlyWhenPositiveAndFinite()
    {
        assertEquals(40_000, CostModel.crossing(20_000, 0.5, 30_000, 0.25), 1e-9);
        assertTrue(Double.isNaN(CostModel.crossing(20_000, 0.25, 30_000, 0.5)), "the cheaper line is cheaper throughout");
        assertTrue(Double.isNaN(CostModel.crossing(20_000, 0.5, 30_000, 0.5)), "parallel lines");
    }

    @Test
    void shouldFitEachRepetitionAlone()
    {
        final List<PointRecord> records = new ArrayList<>();
        for (final int size : SIZES)
        {
            final PointRecord record = new PointRecord(key(TransportKind.UDS, WaitStrategy.KERNEL, Mode.PINGPONG, size));
            record.add(rep(record.key(), 1, Map.of(Metric.RTT_P50, 1000 + 1.0 * size)));
            record.add(rep(record.key(), 2, Map.of(Metric.RTT_P50, 3000 + 2.0 * size)));
            records.add(record);
        }

        final SeriesFit fit = CostModel.fit(records).fit(Mode.PINGPONG, "uds");

        assertEquals(2, fit.repetitions().size());
        assertEquals(1000, fit.repetitions().get(0).fixedNs(), 1e-6);
        assertEquals(1.0, fit.repetitions().get(0).perByteNs(), 1e-12);
        assertEquals(3000, fit.repetitions().get(1).fixedNs(), 1e-6);
        assertEquals(2.0, fit.repetitions().get(1).perByteNs(), 1e-12);
        assertEquals(SIZES.length, fit.repetitions().get(1).points());
    }

    @Test
    void shouldFitStreamAsTimePerMessage()
    {
        final List<PointRecord> records = new ArrayList<>();
        for (final int size : SIZES)
        {
            final PointRecord record = new PointRecord(key(TransportKind.PIPE, WaitStrategy.KERNEL, Mode.STREAM, size));
            final double nsPerMessage = 2_000 + 0.125 * size;
            record.add(rep(record.key(), 1, Map.of(Metric.MSGS_PER_S, 1e9 / nsPerMessage)));
            records.add(record);
        }

        final SeriesFit fit = CostModel.fit(records).fit(Mode.STREAM, "pipe");

        assertEquals(2_000, fit.fixedNs(), 1e-6);
        assertEquals(0.125, fit.perByteNs(), 1e-12);
    }

    @Test
    void shouldLeaveOutASeriesMeasuredAtOneSize()
    {
        final PointRecord record = new PointRecord(key(TransportKind.UDS, WaitStrategy.KERNEL, Mode.PINGPONG, 64));
        record.add(rep(record.key(), 1, Map.of(Metric.RTT_P50, 1000.0)));

        assertTrue(CostModel.fit(List.of(record)).fits().isEmpty());
    }

    @Test
    void shouldSayTheCalibrationIsMissing()
    {
        final List<PointRecord> records = pingPong(UDS, FUTEX, 2);
        final CostModel model = CostModel.fit(records);

        final List<String> sentences = model.explanations(Analysis.breakEven(records), null);

        assertEquals("Calibration missing (none under results/calibration; run 'ipcbench calibrate'): the break-evens below are " +
            "explained from the fitted fixed and per-byte costs alone, not in system calls and copies.", sentences.get(0));
        assertEquals(2, sentences.size(), sentences.toString());
        // 40000 B is 39.1 KiB; the measured crossover is interpolated on log size between 32 KiB and 512 KiB
        assertEquals("pingpong: agrona/futex overtakes uds at ~39.9 KiB measured; the fitted lines cross at ~39.1 KiB " +
            "[95%: 39.1 KiB - 39.1 KiB]. Fixed cost: agrona/futex's is 30.0 us (1.50 system calls per round trip, " +
            "producer 1 + consumer 0.500; 0.500 voluntary context switches), against uds's 20.0 us (4 system calls per round " +
            "trip, producer 2 + consumer 2; 2 voluntary context switches); per-byte cost: agrona/futex's is 0.250 ns/B, against uds's 0.500 ns/B. So uds's 10.0 us lower fixed cost is used " +
            "up by agrona/futex's 0.250 ns/B lower per-byte cost after 10.0 us / 0.250 ns/B = 39.1 KiB.", sentences.get(1));
        assertEquals(null, model.toJson(Analysis.breakEven(records), null).get("calibration") instanceof Map<?, ?> calibration ?
            calibration.get("id") : "not a map");
    }

    @Test
    void shouldExplainFromTheCalibrationAndTheRunsCounters()
    {
        final List<PointRecord> records = pingPong(UDS, FUTEX, 2);
        final CostModel model = CostModel.fit(records);

        final List<String> sentences = model.explanations(Analysis.breakEven(records), calibration());

        assertEquals("Calibration cal-1: a raw system call (getpid) costs 250 ns, a memory copy 0.125 ns/B (8 B/ns) " +
            "(direct to direct, fitted over 3 sizes), a CRC32C 0.0500 ns/B, System.nanoTime 20 ns.", sentences.get(0));
        assertEquals("pingpong: agrona/futex overtakes uds at ~39.9 KiB measured; the fitted lines cross at ~39.1 KiB " +
            "[95%: 39.1 KiB - 39.1 KiB]. Fixed cost: agrona/futex's is 30.0 us (about 120 raw system calls' worth at 250 ns each; " +
            "1.50 system calls per round trip, producer 1 + consumer 0.500, 375 ns of bare calls; 0.500 voluntary context " +
            "switches), against uds's 20.0 us (about 80 raw system calls' worth at 250 ns each; 4 system calls per round trip, " +
            "producer 2 + consumer 2, 1.00 us of bare calls; 2 voluntary context switches); per-byte cost: agrona/futex's is " +
            "0.250 ns/B (about 2 copies' worth at 0.125 ns/B per copy), against uds's 0.500 ns/B (about 4 copies' worth at " +
            "0.125 ns/B per copy). Each transport copies a payload in and out, both ways: 4 copies per round trip. So uds's 10.0 us lower fixed cost is used up by agrona/futex's 0.250 ns/B " +
            "lower per-byte cost after 10.0 us / 0.250 ns/B = 39.1 KiB.", sentences.get(1));
    }

    @Test
    void shouldNamePageFaultsOfTheLargestSizeWhereThereAreAny()
    {
        final List<PointRecord> records = new ArrayList<>();
        for (final int size : SIZES)
        {
            final PointRecord kernel = new PointRecord(key(TransportKind.UDS, WaitStrategy.KERNEL, Mode.PINGPONG, size));
            final PointRecord queue = new PointRecord(key(TransportKind.CHRONICLE, WaitStrategy.SPIN, Mode.PINGPONG, size));
            for (int r = 1; r <= 2; r++)
            {
                final double jitter = r % 2 == 1 ? -1 : 1;
                kernel.add(rep(kernel.key(), r, Map.of(Metric.RTT_P50, UDS.applyAsDouble(size) + jitter,
                    Metric.PRODUCER_FAULTS, 0.0001, Metric.CONSUMER_FAULTS, 0.0)));
                // a fresh 4 KiB page per message written, on each side
                queue.add(rep(queue.key(), r, Map.of(Metric.RTT_P50, 1000 + 3.0 * size + jitter,
                    Metric.PRODUCER_FAULTS, size / 4096.0, Metric.CONSUMER_FAULTS, size / 4096.0)));
            }
            records.add(kernel);
            records.add(queue);
        }
        final CostModel model = CostModel.fit(records);

        final String sentence = model.explanations(Analysis.breakEven(records), calibration()).get(1);

        assertTrue(sentence.contains("chronicle/spin's 3 ns/B (about 24 copies' worth at 0.125 ns/B per copy; 256 page faults per " +
            "round trip at 512 KiB: memory touched for the first time)"), sentence);
        assertTrue(sentence.contains("uds's is 0.500 ns/B (about 4 copies' worth at 0.125 ns/B per copy)"), sentence);
    }

    @Test
    void shouldSayWhenTheLinesDoNotCross()
    {
        // agrona/spin: cheaper fixed and cheaper per byte than uds
        final List<PointRecord> records = pingPong(UDS, size -> 300 + 0.25 * size, 2);
        final CostModel model = CostModel.fit(records);

        final List<String> sentences = model.explanations(Analysis.breakEven(records), null);

        assertEquals("pingpong: agrona/futex beats uds at every size measured (8 B to 512 KiB); the fitted lines do not cross " +
            "at any positive size. Fixed cost: agrona/futex's is 300 ns (1.50 system calls per round trip, producer 1 + " +
            "consumer 0.500; 0.500 voluntary context switches), against uds's 20.0 us (4 system calls per round trip, " +
            "producer 2 + consumer 2; 2 voluntary context switches); per-byte cost: agrona/futex's is " +
            "0.250 ns/B, against uds's 0.500 ns/B. agrona/futex has both the lower fixed and the lower per-byte cost, so the " +
            "lines never cross.", sentences.get(1));
    }

    @Test
    void shouldExplainAPairOnceNamingItsOtherFlips()
    {
        final CostModel model = CostModel.fit(pingPong(UDS, FUTEX, 2));
        final BreakEven.Finding crossover = new BreakEven.Finding(BreakEven.Kind.CROSSOVER, "uds", "agrona/futex", 40_000,
            32_768, 524_288, "uds", "agrona/futex", 1.5, 2.0, "text");
        final BreakEven.Finding noise = new BreakEven.Finding(BreakEven.Kind.WITHIN_NOISE, "uds", "agrona/futex", 1024,
            128, 2048, "uds", "agrona/futex", 1.01, 1.01, "text");

        final List<String> sentences = model.explanations(
            List.of(new Analysis.ModeFindings(Mode.PINGPONG, Metric.RTT_P50, List.of(noise, crossover))), null);

        assertEquals(2, sentences.size(), sentences.toString());
        assertTrue(sentences.get(1).startsWith("pingpong: agrona/futex overtakes uds at ~39.1 KiB measured (the medians also flip " +
            "at ~1 KiB); the fitted lines cross at ~39.1 KiB"), sentences.get(1));
    }

    @Test
    void shouldSayWhenTheLinesPutAPairTheOtherWayRound()
    {
        final CostModel model = CostModel.fit(pingPong(UDS, FUTEX, 2));
        // measured: agrona/futex better below, uds above; the lines say the opposite
        final BreakEven.Finding crossover = new BreakEven.Finding(BreakEven.Kind.CROSSOVER, "uds", "agrona/futex", 40_000,
            32_768, 524_288, "agrona/futex", "uds", 1.5, 2.0, "text");

        final List<String> sentences = model.explanations(
            List.of(new Analysis.ModeFindings(Mode.PINGPONG, Metric.RTT_P50, List.of(crossover))), null);

        assertTrue(sentences.get(1).startsWith("pingpong: uds overtakes agrona/futex at ~39.1 KiB measured;"), sentences.get(1));
        assertTrue(sentences.get(1).endsWith("The lines have it the other way round (uds's 10.0 us lower fixed cost is used up by " +
            "agrona/futex's 0.250 ns/B lower per-byte cost after 10.0 us / 0.250 ns/B = 39.1 KiB), so they do not explain this flip."),
            sentences.get(1));
    }

    @Test
    void shouldPutFitsAndMeasuredCrossoversIntoJson() throws Exception
    {
        final List<PointRecord> records = pingPong(UDS, FUTEX, 2);
        final CostModel model = CostModel.fit(records);

        final Map<String, Object> json = model.toJson(Analysis.breakEven(records), calibration());

        final List<?> series = (List<?>)json.get("series");
        assertEquals(2, series.size());
        final Map<?, ?> uds = (Map<?, ?>)series.get(0);
        assertEquals("uds", uds.get("series"));
        assertEquals("pingpong", uds.get("mode"));
        assertEquals(20_000.0, (Double)uds.get("fixed_ns"), 1e-6);
        assertEquals(0.5, (Double)uds.get("per_byte_ns"), 1e-12);
        assertEquals(List.of(8L, 524288L), uds.get("size_range_bytes"));
        final Map<?, ?> crossover = (Map<?, ?>)((List<?>)json.get("crossovers")).get(0);
        assertEquals(40_000.0, (Double)crossover.get("predicted_size_bytes"), 1e-6);
        assertEquals("uds", crossover.get("predicted_below_winner"));
        assertEquals("agrona/futex", crossover.get("predicted_above_winner"));
        final Map<?, ?> measured = (Map<?, ?>)((List<?>)crossover.get("measured")).get(0);
        assertEquals("crossover", measured.get("kind"));
        assertEquals(List.of(32768L, 524288L), measured.get("between_bytes"));
        assertEquals("cal-1", ((Map<?, ?>)json.get("calibration")).get("id"));
        assertEquals(2, ((List<?>)json.get("explanations")).size(), "the calibration's sentence and the one finding's");
        assertNull(((Map<?, ?>)model.toJson().get("calibration")).get("id"));
        final String text = new ObjectMapper().writeValueAsString(json);
        assertTrue(text.contains("\"predicted_interval_bytes\":["), text);
    }

    @Test
    void shouldRenderTheTablesAndTheSentences()
    {
        final List<PointRecord> records = pingPong(UDS, FUTEX, 2);

        final String text = CostModel.fit(records).render(Analysis.breakEven(records), null);

        assertTrue(text.contains("    uds            20.0 us [20.0 us - 20.0 us]   0.500 ns/B [0.500 - 0.500]   4\n"), text);
        assertTrue(text.contains("    pingpong uds vs agrona/futex   ~39.1 KiB [95%: 39.1 KiB - 39.1 KiB]   ~39.9 KiB\n"), text);
        assertTrue(text.contains("    - Calibration missing"), text);
    }

    @Test
    void shouldNotAssessIntervalsFromAQuickSweepsThreePoints() throws Exception
    {
        // --quick: 3 sizes x 1 repetition
        final List<PointRecord> records = new ArrayList<>();
        for (final int size : new int[] {64, 4096, 262144})
        {
            final PointRecord kernel = new PointRecord(key(TransportKind.UDS, WaitStrategy.KERNEL, Mode.PINGPONG, size));
            kernel.add(rep(kernel.key(), 1, Map.of(Metric.RTT_P50, UDS.applyAsDouble(size) + (size == 4096 ? 500 : 0))));
            final PointRecord shared = new PointRecord(key(TransportKind.AGRONA, WaitStrategy.FUTEX, Mode.PINGPONG, size));
            shared.add(rep(shared.key(), 1, Map.of(Metric.RTT_P50, FUTEX.applyAsDouble(size))));
            records.add(kernel);
            records.add(shared);
        }
        final CostModel model = CostModel.fit(records);
        final SeriesFit uds = model.fit(Mode.PINGPONG, "uds");

        assertFalse(uds.intervalsAssessed());
        assertEquals("interval not assessed (3 points at 3 sizes; a bootstrap interval needs at least 8 points at 4 or more sizes)",
            uds.intervalNote());
        final CostModel.Crossover crossover = CostModel.crossover(uds, model.fit(Mode.PINGPONG, "agrona/futex"));
        assertNull(crossover.interval());
        assertFalse(crossover.intervalAssessed());

        final String text = model.render(Analysis.breakEven(records), null);
        assertTrue(text.contains("    uds            20.0 us   0.500 ns/B   -                     interval not assessed (3 points)\n"), text);
        assertTrue(text.contains("~39.1 KiB (interval not assessed: too few points)"), text);
        assertFalse(text.contains("[95%"), text);

        final Map<String, Object> json = model.toJson(Analysis.breakEven(records), null);
        final Map<?, ?> series = (Map<?, ?>)((List<?>)json.get("series")).get(0);
        assertTrue(series.containsKey("fixed_ns_interval"));
        assertNull(series.get("fixed_ns_interval"));
        assertNull(series.get("per_byte_ns_interval"));
        assertEquals(uds.intervalNote(), series.get("interval_note"));
        final Map<?, ?> pair = (Map<?, ?>)((List<?>)json.get("crossovers")).get(0);
        assertNull(pair.get("predicted_interval_bytes"));
        assertNull(pair.get("crossing_share"));
        assertEquals("interval not assessed: a line has fewer than 8 points at 4 or more sizes", pair.get("interval_note"));
        assertTrue(new ObjectMapper().writeValueAsString(json).contains("\"fixed_ns_interval\":null"));
    }

    @Test
    void shouldSayALineWithANegativePerByteCostDoesNotFitAndExplainNothingWithIt()
    {
        // uds's latency falls with size (a run with failed points): not a cost
        final List<PointRecord> records = pingPong(size -> 500_000 - 0.8 * size, FUTEX, 2);
        final CostModel model = CostModel.fit(records);
        final SeriesFit uds = model.fit(Mode.PINGPONG, "uds");

        assertFalse(uds.isCost());
        assertEquals("the line does not fit: latency falls with size here (per byte -0.800 ns/B is not a cost)", uds.misfit());
        assertTrue(model.fit(Mode.PINGPONG, "agrona/futex").isCost());

        final List<String> sentences = model.explanations(Analysis.breakEven(records), null);
        final String sentence = sentences.get(1);
        assertTrue(sentence.endsWith("; no explanation from the fitted lines: uds's line does not fit: latency falls with size " +
            "here (per byte -0.800 ns/B is not a cost)."), sentence);
        assertFalse(sentence.contains("Fixed cost"), sentence);

        final String text = model.render(Analysis.breakEven(records), null);
        assertTrue(text.contains("line does not fit: latency falls with size here"), text);

        final Map<?, ?> series = (Map<?, ?>)((List<?>)model.toJson(Analysis.breakEven(records), null).get("series")).get(0);
        assertEquals(false, series.get("is_cost"));
        assertEquals(uds.misfit(), series.get("fit_note"));
        final Map<?, ?> pair = (Map<?, ?>)((List<?>)model.toJson().get("crossovers")).get(0);
        assertNull(pair.get("predicted_below_winner"));
        assertEquals("no prediction: uds's line does not fit: latency falls with size here (per byte -0.800 ns/B is not a cost)",
            pair.get("prediction_note"));
        assertEquals("not predicted (uds's line does not fit)",
            Explainer.predicted(CostModel.crossover(uds, model.fit(Mode.PINGPONG, "agrona/futex"))));
    }

    @Test
    void shouldSayALineWithANegativeFixedCostDoesNotFit()
    {
        final List<PointRecord> records = pingPong(size -> -5_000 + 0.5 * size, FUTEX, 2);
        final SeriesFit uds = CostModel.fit(records).fit(Mode.PINGPONG, "uds");

        assertFalse(uds.isCost());
        assertEquals("the line does not fit: it reaches below zero at 0 B (fixed -5.00 us is not a cost)", uds.misfit());
    }

    @Test
    void shouldCommentOnAFixedCostWhoseIntervalReachesBelowZero()
    {
        // a small fixed cost under a few microseconds of noise: its interval reaches below zero
        final List<PointRecord> records = new ArrayList<>();
        for (int i = 0; i < SIZES.length; i++)
        {
            final PointRecord record = new PointRecord(key(TransportKind.PIPE, WaitStrategy.KERNEL, Mode.PINGPONG, SIZES[i]));
            final double noise = i % 2 == 0 ? 3_000 : -3_000;
            record.add(rep(record.key(), 1, Map.of(Metric.RTT_P50, 300 + 1.0 * SIZES[i] + noise)));
            record.add(rep(record.key(), 2, Map.of(Metric.RTT_P50, 300 + 1.0 * SIZES[i] - noise)));
            records.add(record);
        }
        final CostModel model = CostModel.fit(records);
        final SeriesFit pipe = model.fit(Mode.PINGPONG, "pipe");

        assertTrue(pipe.intervalsAssessed());
        assertTrue(pipe.isCost(), "fixed " + pipe.fixedNs());
        assertTrue(pipe.line().interceptInterval()[0] < 0, "low " + pipe.line().interceptInterval()[0]);
        assertTrue(pipe.fixedIntervalBelowZero());
        final String text = model.render(List.of(), null);
        assertTrue(text.contains("fixed cost's interval reaches below zero: not told apart from none"), text);
    }

    /** A calibration with exact round numbers: getpid 250 ns, a copy 10 ns + 0.125 ns/B, a CRC 5 ns + 0.05 ns/B. */
    static Calibration calibration()
    {
        final StringBuilder json = new StringBuilder("[");
        json.append(entry("FixedCostBenchmarks.syscallGetpid", null, 250, 2.5)).append(',');
        json.append(entry("FixedCostBenchmarks.nanoTime", null, 20, 0.1));
        for (final long size : new long[] {64, 4096, 262144})
        {
            json.append(',').append(entry("SizedBenchmarks.copyHeapToDirect", size, 12 + 0.125 * size, 1));
            json.append(',').append(entry("SizedBenchmarks.copyDirectToDirect", size, 10 + 0.125 * size, 1));
            json.append(',').append(entry("SizedBenchmarks.crc32c", size, 5 + 0.05 * size, 1));
        }
        json.append(']');
        return Calibration.fromJmh(JmhResults.parse(json.toString(), "test"), "cal-1", "2026-12-03T00:00:00Z",
            Map.of("cpu_model", "test CPU"), Map.of("version", "1.37"));
    }

    private static String entry(final String benchmark, final Long size, final double score, final double error)
    {
        return "{\"benchmark\":\"io.ipcbench.harness.calibrate.bench." + benchmark + "\",\"mode\":\"avgt\"," +
            (size == null ? "" : "\"params\":{\"size\":\"" + size + "\"},") +
            "\"primaryMetric\":{\"score\":" + score + ",\"scoreError\":" + error + ",\"scoreUnit\":\"ns/op\",\"rawData\":[[" +
            score + "," + score + "]]}}";
    }

    /** Two ping-pong series, uds (kernel) and agrona/futex, each with {@code repetitions} exact repetitions and counters. */
    static List<PointRecord> pingPong(final LongToDoubleFunction uds, final LongToDoubleFunction futex, final int repetitions)
    {
        final List<PointRecord> records = new ArrayList<>();
        for (final int size : SIZES)
        {
            final PointRecord kernel = new PointRecord(key(TransportKind.UDS, WaitStrategy.KERNEL, Mode.PINGPONG, size));
            final PointRecord shared = new PointRecord(key(TransportKind.AGRONA, WaitStrategy.FUTEX, Mode.PINGPONG, size));
            for (int r = 1; r <= repetitions; r++)
            {
                // repetitions 1 ns either side of the line: a spread to judge the break-even by, while the
                // pairwise slopes stay symmetric about the true one, so Theil-Sen still recovers the line exactly
                final double jitter = r % 2 == 1 ? -1 : 1;
                kernel.add(rep(kernel.key(), r, Map.of(Metric.RTT_P50, uds.applyAsDouble(size) + jitter,
                    Metric.PRODUCER_SYSCALLS, 2.0, Metric.CONSUMER_SYSCALLS, 2.0, Metric.PRODUCER_VCSW, 1.0, Metric.CONSUMER_VCSW, 1.0)));
                shared.add(rep(shared.key(), r, Map.of(Metric.RTT_P50, futex.applyAsDouble(size) + jitter,
                    Metric.PRODUCER_SYSCALLS, 1.0, Metric.CONSUMER_SYSCALLS, 0.5, Metric.PRODUCER_VCSW, 0.25, Metric.CONSUMER_VCSW, 0.25)));
            }
            records.add(kernel);
            records.add(shared);
        }
        return records;
    }

    private static PointKey key(final TransportKind transport, final WaitStrategy wait, final Mode mode, final int size)
    {
        return new PointKey(transport, wait, 1, mode, size);
    }

    private static RepResult rep(final PointKey key, final int repetition, final Map<Metric, Double> metrics)
    {
        return RepResult.success(key, repetition, new EnumMap<>(metrics), null, null, null, 0);
    }
}
