package io.ipcbench.harness.recommend;

import io.ipcbench.harness.results.StoredRun;
import io.ipcbench.harness.stats.Metric;
import io.ipcbench.harness.stats.Spread;
import io.ipcbench.harness.sweep.PointKey;
import io.ipcbench.transport.TransportKind;
import io.ipcbench.transport.control.Mode;
import io.ipcbench.transport.wait.WaitStrategy;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecommenderTest
{
    private final Map<PointKey, Map<Metric, Spread>> points = new LinkedHashMap<>();

    @Test
    void shouldSayWhenSpinningReaderGotLessThanACore()
    {
        add(TransportKind.AGRONA, WaitStrategy.SPIN, 64, 1000, 0.31);
        add(TransportKind.AGRONA, WaitStrategy.SPIN, 4096, 4000, 0.31);
        add(TransportKind.UDS, WaitStrategy.KERNEL, 64, 50_000, 0.15);
        add(TransportKind.UDS, WaitStrategy.KERNEL, 4096, 60_000, 0.15);

        final String text = Recommender.recommend(run(), 512, Goal.LATENCY, false).text();

        assertTrue(text.contains("Best: agrona/spin: 2.00 us round trip at 512 B, 27x faster than uds (54.8 us), but its reader " +
            "busy-spins: it takes a whole core whenever the scheduler lets it (measured: consumer 0.31 cores, producer 0.31 cores; " +
            "below 1.00 the spinning thread did not have its CPU to itself).\n"), text);
    }

    @Test
    void shouldLeaveOutSeriesMissingOnOneSideOfTheSize()
    {
        add(TransportKind.UDS, WaitStrategy.KERNEL, 64, 50_000, 0.15);
        add(TransportKind.UDS, WaitStrategy.KERNEL, 4096, 60_000, 0.15);
        add(TransportKind.PIPE, WaitStrategy.KERNEL, 64, 40_000, 0.15);

        final Recommendation recommendation = Recommender.recommend(run(), 512, Goal.LATENCY, false);

        assertEquals(1, recommendation.ranked().size());
        assertEquals("[pipe]", recommendation.unmeasured().toString());
        assertTrue(recommendation.text().contains("Not ranked: pipe (not measured on both sides of 512 B).\n"));
    }

    @Test
    void shouldUseMeasuredFiguresAtMeasuredSize()
    {
        add(TransportKind.UDS, WaitStrategy.KERNEL, 64, 50_000, 0.15);
        add(TransportKind.UDS, WaitStrategy.KERNEL, 4096, 60_000, 0.15);

        final Candidate best = Recommender.recommend(run(), 4096, Goal.LATENCY, false).best();

        assertTrue(best.measured());
        assertEquals(60_000, best.figure(Metric.RTT_P50).median());
    }

    @Test
    void shouldRankEmptyMessagesByMessagesPerSecondWhereEveryStreamCarriesZeroBytes()
    {
        addStream(TransportKind.TCP, WaitStrategy.KERNEL, 0, 229_300);
        addStream(TransportKind.CHRONICLE, WaitStrategy.FUTEX, 0, 1_100_000);
        addStream(TransportKind.TCP, WaitStrategy.KERNEL, 64, 200_000);
        addStream(TransportKind.CHRONICLE, WaitStrategy.FUTEX, 64, 900_000);

        final Recommendation empty = Recommender.recommend(run(), 0, Goal.THROUGHPUT, false);
        final Recommendation small = Recommender.recommend(run(), 64, Goal.THROUGHPUT, false);

        assertEquals(TransportKind.CHRONICLE, empty.best().series().transport());
        assertEquals(1_100_000, empty.best().figure(Metric.MSGS_PER_S).median());
        assertTrue(empty.text().contains("(msgs_per_s)"), empty.text());
        assertEquals(TransportKind.CHRONICLE, small.best().series().transport());
        assertTrue(small.text().contains("(mb_per_s)"), small.text());
        assertEquals("size 32 B lies between 0 B and 64 B, the smallest sizes run synthetic measured in stream mode: recommend " +
            "interpolates on log size, which cannot start at 0 B; ask about 0 B or 64 B, or sweep a size between them",
            assertThrows(IllegalArgumentException.class, () -> Recommender.recommend(run(), 32, Goal.THROUGHPUT, false)).getMessage());
    }

    @Test
    void shouldRefuseRunWithoutPoints()
    {
        assertEquals("run synthetic has no pingpong points with rtt_p50 (its modes: none); the latency goal ranks pingpong figures: " +
            "measure them with ipcbench sweep --modes pingpong",
            assertThrows(IllegalArgumentException.class, () -> Recommender.recommend(run(), 512, Goal.LATENCY, false)).getMessage());
    }

    private void add(final TransportKind transport, final WaitStrategy wait, final int size, final double rttNs, final double cores)
    {
        final Map<Metric, Spread> metrics = new EnumMap<>(Metric.class);
        metrics.put(Metric.RTT_P50, new Spread(new double[]{rttNs}));
        metrics.put(Metric.PRODUCER_CPU, new Spread(new double[]{cores}));
        metrics.put(Metric.CONSUMER_CPU, new Spread(new double[]{cores}));
        points.put(new PointKey(transport, wait, 1, Mode.PINGPONG, size), metrics);
    }

    private void addStream(final TransportKind transport, final WaitStrategy wait, final int size, final double messagesPerSecond)
    {
        final Map<Metric, Spread> metrics = new EnumMap<>(Metric.class);
        metrics.put(Metric.MSGS_PER_S, new Spread(new double[]{messagesPerSecond}));
        metrics.put(Metric.MB_PER_S, new Spread(new double[]{messagesPerSecond * size / 1e6}));
        points.put(new PointKey(transport, wait, 1, Mode.STREAM, size), metrics);
    }

    private StoredRun run()
    {
        return new StoredRun(Path.of("synthetic"), "synthetic", "complete", Map.of(), Map.of(), points);
    }
}
