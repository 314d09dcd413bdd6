package io.ipcbench.harness.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ipcbench.harness.stats.Metric;
import io.ipcbench.transport.TransportKind;
import io.ipcbench.transport.control.HistogramCodec;
import io.ipcbench.transport.control.Mode;
import io.ipcbench.transport.message.MessageHeader;
import io.ipcbench.transport.wait.WaitStrategy;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RepMetricsTest
{
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final PointKey PINGPONG = new PointKey(TransportKind.UDS, WaitStrategy.KERNEL, 1, Mode.PINGPONG, 64);
    private static final PointKey STREAM = new PointKey(TransportKind.AGRONA, WaitStrategy.SPIN, 1, Mode.STREAM, 64);
    private static final PointKey RATE = new PointKey(TransportKind.PIPE, WaitStrategy.KERNEL, 1, Mode.RATE, 64);

    @Test
    void shouldTakeRoundTripPercentilesFromProducerHistogram()
    {
        final Histogram histogram = HistogramCodec.newHistogram();
        for (long value = 1; value <= 1000; value++)
        {
            histogram.recordValueWithCount(value * 100, 3);
        }
        histogram.recordValue(5_000_000);
        final ObjectNode producer = side(3001);
        producer.put("histogram", HistogramCodec.encode(histogram));
        producer.putObject("cpu").put("window_ns", 2_000_000_000L);

        final RepMetrics result = RepMetrics.extract(PINGPONG, producer, side(3001));
        final Map<Metric, Double> metrics = result.metrics();

        assertEquals((double)histogram.getValueAtPercentile(50.0), metrics.get(Metric.RTT_P50));
        assertEquals((double)histogram.getValueAtPercentile(90.0), metrics.get(Metric.RTT_P90));
        assertEquals((double)histogram.getValueAtPercentile(99.0), metrics.get(Metric.RTT_P99));
        assertEquals((double)histogram.getValueAtPercentile(99.9), metrics.get(Metric.RTT_P999));
        assertEquals((double)histogram.getMaxValue(), metrics.get(Metric.RTT_MAX));
        assertEquals(histogram.getMean(), metrics.get(Metric.RTT_MEAN));
        assertEquals(3001 * 1e9 / 2e9, metrics.get(Metric.ROUND_TRIPS_PER_S));
        // 3001 values: the 1501st is the third 50 100 ns; HdrHistogram keeps three significant digits
        assertEquals(50_100, metrics.get(Metric.RTT_P50), 50_100 * 0.001);
        assertEquals(5_000_000, metrics.get(Metric.RTT_MAX), 5_000_000 * 0.001);
        assertEquals(histogram, result.histogram());
        assertFalse(metrics.containsKey(Metric.OWL_P50));
        assertFalse(metrics.containsKey(Metric.MSGS_PER_S));
    }

    @Test
    void shouldComputeStreamRatesFromConsumerWindowCountingPayloadOnly()
    {
        // 1000 messages of 64 B payload (88 B on the wire) in 1 µs
        final ObjectNode consumer = side(1000)
            .put("wire_bytes", 1000L * (64 + MessageHeader.LENGTH))
            .put("first_send_ns", 0L)
            .put("window_end_ns", 1_000L);

        final RepMetrics result = RepMetrics.extract(STREAM, side(1000), consumer);

        assertEquals(1e9, result.metrics().get(Metric.MSGS_PER_S), 1e-3);
        assertEquals(64e3, result.metrics().get(Metric.MB_PER_S), 1e-6);
        assertNull(result.histogram());
        assertFalse(result.metrics().containsKey(Metric.RTT_P50));
    }

    @Test
    void shouldScaleStreamRatesWithWindow()
    {
        // the same 1000 messages in 1 ms: a thousand times slower
        final ObjectNode consumer = side(1000)
            .put("wire_bytes", 1000L * (64 + MessageHeader.LENGTH))
            .put("first_send_ns", 0L)
            .put("window_end_ns", 1_000_000L);

        final RepMetrics result = RepMetrics.extract(STREAM, side(1000), consumer);

        assertEquals(1e6, result.metrics().get(Metric.MSGS_PER_S), 1e-6);
        assertEquals(64, result.metrics().get(Metric.MB_PER_S), 1e-9);
    }

    @Test
    void shouldMeasureStreamWindowFromFirstSendToLastByte()
    {
        final ObjectNode consumer = side(500)
            .put("wire_bytes", 500L * (4096 + MessageHeader.LENGTH))
            .put("first_send_ns", 7_000_000_000L)
            .put("window_end_ns", 7_002_000_000L);

        final Map<Metric, Double> metrics = RepMetrics.extract(STREAM, side(500), consumer).metrics();

        assertEquals(250_000, metrics.get(Metric.MSGS_PER_S), 1e-6);
        assertEquals(500 * 4096 / 2e-3 / 1e6, metrics.get(Metric.MB_PER_S), 1e-9);
    }

    @Test
    void shouldRejectEmptyStreamWindow()
    {
        final ObjectNode consumer = side(10).put("wire_bytes", 880L).put("first_send_ns", 500L).put("window_end_ns", 500L);

        final IllegalStateException ex = assertThrows(IllegalStateException.class, () -> RepMetrics.extract(STREAM, side(10), consumer));
        assertEquals("stream window is empty: first send 500 ns, last byte 500 ns", ex.getMessage());
    }

    @Test
    void shouldTakeOneWayPercentilesFromConsumerHistogramInRateMode()
    {
        final Histogram histogram = HistogramCodec.newHistogram();
        for (long value = 1; value <= 10_000; value++)
        {
            histogram.recordValue(value * 10);
        }
        final ObjectNode producer = side(10_000).put("achieved_rate", 9_999.5);
        final ObjectNode consumer = side(10_000).put("histogram", HistogramCodec.encode(histogram));

        final Map<Metric, Double> metrics = RepMetrics.extract(RATE, producer, consumer).metrics();

        assertEquals((double)histogram.getValueAtPercentile(50.0), metrics.get(Metric.OWL_P50));
        assertEquals((double)histogram.getValueAtPercentile(90.0), metrics.get(Metric.OWL_P90));
        assertEquals((double)histogram.getValueAtPercentile(99.0), metrics.get(Metric.OWL_P99));
        assertEquals((double)histogram.getValueAtPercentile(99.9), metrics.get(Metric.OWL_P999));
        assertEquals((double)histogram.getValueAtPercentile(99.99), metrics.get(Metric.OWL_P9999));
        assertEquals((double)histogram.getMaxValue(), metrics.get(Metric.OWL_MAX));
        assertEquals(9_999.5, metrics.get(Metric.ACHIEVED_RATE));
    }

    @Test
    void shouldRejectCountMismatchNamingBothCounts()
    {
        final IllegalStateException ex = assertThrows(IllegalStateException.class,
            () -> RepMetrics.extract(STREAM, side(10), side(9)));
        assertEquals("message count mismatch: producer sent 10 measured messages, consumer received 9", ex.getMessage());
    }

    @Test
    void shouldRejectMissingCounts()
    {
        final IllegalStateException ex = assertThrows(IllegalStateException.class,
            () -> RepMetrics.extract(STREAM, MAPPER.createObjectNode(), MAPPER.createObjectNode()));
        assertEquals("message count mismatch: producer sent -1 measured messages, consumer received -2", ex.getMessage());
    }

    @Test
    void shouldRejectEmptyWindow()
    {
        final IllegalStateException ex = assertThrows(IllegalStateException.class,
            () -> RepMetrics.extract(STREAM, side(0), side(0)));
        assertEquals("no measured messages", ex.getMessage());
    }

    @Test
    void shouldComputeCpuPerMessageForBothSides()
    {
        final ObjectNode producer = side(1000);
        cpu(producer, 2_000_000_000L, 1_000_000, 500_000, 10, 2);
        producer.putObject("syscalls").put("count", 6000).put("messages", 2000);
        final ObjectNode consumer = side(1000)
            .put("wire_bytes", 1000L * (64 + MessageHeader.LENGTH))
            .put("first_send_ns", 0L)
            .put("window_end_ns", 1_000_000L);
        cpu(consumer, 1_000_000_000L, 400_000, 600_000, 1000, 50);

        final Map<Metric, Double> metrics = RepMetrics.extract(STREAM, producer, consumer).metrics();

        assertEquals(1000.0, metrics.get(Metric.PRODUCER_USER_NS), 1e-9);
        assertEquals(500.0, metrics.get(Metric.PRODUCER_SYS_NS), 1e-9);
        assertEquals(0.01, metrics.get(Metric.PRODUCER_VCSW), 1e-12);
        assertEquals(0.002, metrics.get(Metric.PRODUCER_IVCSW), 1e-12);
        assertEquals(1_500_000 / 2e9, metrics.get(Metric.PRODUCER_CPU), 1e-12);
        assertEquals(3.0, metrics.get(Metric.PRODUCER_SYSCALLS), 1e-12);

        assertEquals(400.0, metrics.get(Metric.CONSUMER_USER_NS), 1e-9);
        assertEquals(600.0, metrics.get(Metric.CONSUMER_SYS_NS), 1e-9);
        assertEquals(1.0, metrics.get(Metric.CONSUMER_VCSW), 1e-12);
        assertEquals(0.05, metrics.get(Metric.CONSUMER_IVCSW), 1e-12);
        assertEquals(0.001, metrics.get(Metric.CONSUMER_CPU), 1e-12);
        assertFalse(metrics.containsKey(Metric.CONSUMER_SYSCALLS), "no syscall count given");
        assertEquals(0.0, metrics.get(Metric.PRODUCER_FAULTS), 1e-12);
    }

    @Test
    void shouldWithholdCpuTimeFromAWindowTooShortForTheThreadClock()
    {
        // what `--messages 1` gave: 141 us of wall time, 213 us of thread CPU (the clock lags up to a tick): "1.51 cores"
        final ObjectNode producer = side(1);
        cpu(producer, 140_640L, 123_000, 90_000, 1, 0);
        producer.put("histogram", HistogramCodec.encode(HistogramCodec.newHistogram()));
        final ObjectNode consumer = side(1);
        cpu(consumer, RepMetrics.MIN_CPU_WINDOW_NS, 50_000_000, 10_000_000, 4, 2);

        final Map<Metric, Double> metrics = RepMetrics.extract(PINGPONG, producer, consumer).metrics();

        assertFalse(metrics.containsKey(Metric.PRODUCER_CPU));
        assertFalse(metrics.containsKey(Metric.PRODUCER_USER_NS));
        assertFalse(metrics.containsKey(Metric.PRODUCER_SYS_NS));
        assertEquals(1.0, metrics.get(Metric.PRODUCER_VCSW), 1e-12, "counts are exact: kept");
        assertEquals(0.0, metrics.get(Metric.PRODUCER_IVCSW), 1e-12);
        // a window of exactly the minimum is measured
        assertEquals(0.6, metrics.get(Metric.CONSUMER_CPU), 1e-12);
        assertEquals(50_000_000.0, metrics.get(Metric.CONSUMER_USER_NS), 1e-6);
        assertEquals("window too short for CPU accounting: 141 us", RepMetrics.cpuWindowTooShort(producer));
        assertNull(RepMetrics.cpuWindowTooShort(consumer));
        final ObjectNode longer = side(1);
        cpu(longer, 12_345_678L, 1, 1, 0, 0);
        assertEquals("window too short for CPU accounting: 12.3 ms", RepMetrics.cpuWindowTooShort(longer));
        assertNull(RepMetrics.cpuWindowTooShort(side(1)), "no CPU record: nothing withheld");
    }

    @Test
    void shouldSkipCpuMetricsWithoutThreadUsage()
    {
        final ObjectNode producer = side(100);
        producer.putObject("cpu").put("window_ns", 1_000_000L);
        final ObjectNode consumer = side(100).put("wire_bytes", 100L * 88).put("first_send_ns", 0L).put("window_end_ns", 1000L);
        cpu(consumer, 0L, 1, 1, 1, 1);

        final Map<Metric, Double> metrics = RepMetrics.extract(STREAM, producer, consumer).metrics();

        for (final Metric metric : Metric.values())
        {
            if (metric.name().startsWith("PRODUCER_") || metric.name().startsWith("CONSUMER_"))
            {
                assertFalse(metrics.containsKey(metric), metric + " without thread usage or with an empty window");
            }
        }
        assertTrue(metrics.containsKey(Metric.MSGS_PER_S));
    }

    private static ObjectNode side(final long messages)
    {
        return MAPPER.createObjectNode().put("messages", messages);
    }

    private static void cpu(
        final ObjectNode side, final long windowNs, final long userNs, final long systemNs, final long voluntary, final long involuntary)
    {
        final ObjectNode cpu = side.putObject("cpu").put("window_ns", windowNs);
        cpu.putObject("thread")
            .put("user_ns", userNs)
            .put("system_ns", systemNs)
            .put("voluntary_switches", voluntary)
            .put("involuntary_switches", involuntary);
    }
}
