package io.ipcbench.harness.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import io.ipcbench.harness.stats.Metric;
import io.ipcbench.transport.control.HistogramCodec;
import io.ipcbench.transport.message.MessageHeader;
import org.HdrHistogram.Histogram;

import java.util.EnumMap;
import java.util.Map;

/**
 * Turns the two result lines of a pair into figures, and checks that they agree: the consumer
 * must have received exactly what the producer says it sent in the measured window.
 *
 * <ul>
 *   <li>ping-pong: round-trip percentiles from the producer's histogram (warm-up excluded);</li>
 *   <li>stream: messages and payload bytes the consumer received, over the time from the first
 *       measured message's send timestamp to the consumer reading END (its last byte);</li>
 *   <li>rate: one-way latency percentiles from the consumer's histogram, measured from each
 *       message's scheduled send time;</li>
 *   <li>every mode: each side's CPU time and context switches per message in the window, and its
 *       system calls per message over the accounting window that precedes it.</li>
 * </ul>
 *
 * <p>CPU time comes from getrusage(RUSAGE_THREAD), whose figure for a running thread is brought up
 * to date only at a scheduler tick or a context switch: a sample can lag the thread's true CPU
 * time by up to a tick (1 to 10 ms, by the kernel's HZ). Over a window of microseconds that lag is
 * the whole figure, and a single thread reads as several cores busy. So CPU time and utilisation
 * are withheld from windows shorter than {@link #MIN_CPU_WINDOW_NS} (see {@link #cpuWindowTooShort});
 * the counts (context switches, faults, system calls) are exact and kept.
 */
public final class RepMetrics
{
    /**
     * Shortest window whose CPU time is reported: ten ticks at the coarsest common HZ (100), so
     * the lag of getrusage's thread clock is at most a tenth of the figure, and a few percent at HZ 250.
     */
    public static final long MIN_CPU_WINDOW_NS = 100_000_000L;

    private final Map<Metric, Double> metrics = new EnumMap<>(Metric.class);
    private Histogram histogram;

    private RepMetrics()
    {
    }

    /** @throws IllegalStateException when the two sides disagree about what was exchanged. */
    public static RepMetrics extract(final PointKey key, final JsonNode producer, final JsonNode consumer)
    {
        final long sent = producer.path("messages").asLong(-1);
        final long received = consumer.path("messages").asLong(-2);
        if (sent != received)
        {
            throw new IllegalStateException("message count mismatch: producer sent " + sent +
                " measured messages, consumer received " + received);
        }
        if (sent <= 0)
        {
            throw new IllegalStateException("no measured messages");
        }
        final RepMetrics result = new RepMetrics();
        switch (key.mode())
        {
            case PINGPONG:
                result.histogram = HistogramCodec.decode(producer.path("histogram").asText());
                result.latency(Metric.RTT_P50, Metric.RTT_P90, Metric.RTT_P99, Metric.RTT_P999, null, Metric.RTT_MAX);
                result.metrics.put(Metric.RTT_MEAN, result.histogram.getMean());
                result.metrics.put(Metric.ROUND_TRIPS_PER_S, sent * 1e9 / producer.path("cpu").path("window_ns").asDouble());
                break;
            case STREAM:
                final double elapsedNs = consumer.path("window_end_ns").asLong() - consumer.path("first_send_ns").asLong();
                if (elapsedNs <= 0)
                {
                    throw new IllegalStateException("stream window is empty: first send " +
                        consumer.path("first_send_ns").asLong() + " ns, last byte " + consumer.path("window_end_ns").asLong() + " ns");
                }
                final double payload = consumer.path("wire_bytes").asDouble() - (double)received * MessageHeader.LENGTH;
                result.metrics.put(Metric.MSGS_PER_S, received * 1e9 / elapsedNs);
                result.metrics.put(Metric.MB_PER_S, payload * 1e9 / elapsedNs / 1e6);
                break;
            case RATE:
                result.histogram = HistogramCodec.decode(consumer.path("histogram").asText());
                result.latency(Metric.OWL_P50, Metric.OWL_P90, Metric.OWL_P99, Metric.OWL_P999, Metric.OWL_P9999, Metric.OWL_MAX);
                result.metrics.put(Metric.ACHIEVED_RATE, producer.path("achieved_rate").asDouble());
                break;
            default:
                throw new IllegalArgumentException("no metrics for mode " + key.mode());
        }
        result.cpu(producer, sent, Metric.PRODUCER_USER_NS, Metric.PRODUCER_SYS_NS, Metric.PRODUCER_VCSW, Metric.PRODUCER_IVCSW,
            Metric.PRODUCER_CPU, Metric.PRODUCER_SYSCALLS, Metric.PRODUCER_FAULTS);
        result.cpu(consumer, received, Metric.CONSUMER_USER_NS, Metric.CONSUMER_SYS_NS, Metric.CONSUMER_VCSW, Metric.CONSUMER_IVCSW,
            Metric.CONSUMER_CPU, Metric.CONSUMER_SYSCALLS, Metric.CONSUMER_FAULTS);
        return result;
    }

    private void latency(final Metric p50, final Metric p90, final Metric p99, final Metric p999, final Metric p9999, final Metric max)
    {
        metrics.put(p50, (double)histogram.getValueAtPercentile(50.0));
        metrics.put(p90, (double)histogram.getValueAtPercentile(90.0));
        metrics.put(p99, (double)histogram.getValueAtPercentile(99.0));
        metrics.put(p999, (double)histogram.getValueAtPercentile(99.9));
        if (p9999 != null)
        {
            metrics.put(p9999, (double)histogram.getValueAtPercentile(99.99));
        }
        metrics.put(max, (double)histogram.getMaxValue());
    }

    private void cpu(
        final JsonNode side, final long messages, final Metric user, final Metric system, final Metric voluntary,
        final Metric involuntary, final Metric utilisation, final Metric syscalls, final Metric faults)
    {
        final JsonNode thread = side.path("cpu").path("thread");
        final double window = side.path("cpu").path("window_ns").asDouble();
        if (thread.isMissingNode() || window <= 0)
        {
            return;
        }
        if (window >= MIN_CPU_WINDOW_NS)
        {
            metrics.put(user, thread.path("user_ns").asDouble() / messages);
            metrics.put(system, thread.path("system_ns").asDouble() / messages);
            metrics.put(utilisation, (thread.path("user_ns").asDouble() + thread.path("system_ns").asDouble()) / window);
        }
        metrics.put(voluntary, thread.path("voluntary_switches").asDouble() / messages);
        metrics.put(involuntary, thread.path("involuntary_switches").asDouble() / messages);
        metrics.put(faults, (thread.path("minor_faults").asDouble() + thread.path("major_faults").asDouble()) / messages);
        final JsonNode counted = side.path("syscalls");
        if (counted.path("count").isNumber() && counted.path("messages").asLong() > 0)
        {
            metrics.put(syscalls, counted.path("count").asDouble() / counted.path("messages").asDouble());
        }
    }

    /**
     * Why one side's CPU figures were withheld ({@code window too short for CPU accounting: 141 us}),
     * or null when its window was long enough or it has no CPU record.
     */
    public static String cpuWindowTooShort(final JsonNode side)
    {
        final JsonNode cpu = side == null ? null : side.path("cpu");
        if (cpu == null || !cpu.path("thread").isObject() || !cpu.path("window_ns").isNumber())
        {
            return null;
        }
        final double window = cpu.path("window_ns").asDouble();
        if (window <= 0 || window >= MIN_CPU_WINDOW_NS)
        {
            return null;
        }
        return "window too short for CPU accounting: " + (window < 1e6 ? Math.round(window / 1e3) + " us" :
            String.format(java.util.Locale.ROOT, "%.1f ms", window / 1e6));
    }

    public Map<Metric, Double> metrics()
    {
        return metrics;
    }

    public Histogram histogram()
    {
        return histogram;
    }
}
