package io.ipcbench.harness.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import io.ipcbench.harness.stats.Metric;
import org.HdrHistogram.Histogram;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** One repetition of one point in its own process pair: its figures, or why it failed. */
public final class RepResult
{
    private final PointKey key;
    private final int repetition;
    private final String failure;
    private final String failureDetail;
    private final Map<Metric, Double> metrics;
    private final Histogram histogram;
    private final JsonNode producer;
    private final JsonNode consumer;
    private final long elapsedNs;
    private String histogramLog;

    private RepResult(
        final PointKey key, final int repetition, final String failure, final String failureDetail, final Map<Metric, Double> metrics,
        final Histogram histogram, final JsonNode producer, final JsonNode consumer, final long elapsedNs)
    {
        this.key = key;
        this.repetition = repetition;
        this.failure = failure;
        this.failureDetail = failureDetail;
        this.metrics = metrics;
        this.histogram = histogram;
        this.producer = producer;
        this.consumer = consumer;
        this.elapsedNs = elapsedNs;
    }

    public static RepResult success(
        final PointKey key, final int repetition, final Map<Metric, Double> metrics, final Histogram histogram,
        final JsonNode producer, final JsonNode consumer, final long elapsedNs)
    {
        return new RepResult(key, repetition, null, null, new EnumMap<>(metrics), histogram, producer, consumer, elapsedNs);
    }

    public static RepResult failure(final PointKey key, final int repetition, final String failure, final String detail, final long elapsedNs)
    {
        return new RepResult(key, repetition, failure, detail, new EnumMap<>(Metric.class), null, null, null, elapsedNs);
    }

    public PointKey key()
    {
        return key;
    }

    public int repetition()
    {
        return repetition;
    }

    public boolean ok()
    {
        return failure == null;
    }

    public String failure()
    {
        return failure;
    }

    public String failureDetail()
    {
        return failureDetail == null ? "" : failureDetail;
    }

    public Map<Metric, Double> metrics()
    {
        return Collections.unmodifiableMap(metrics);
    }

    /** Latency histogram in ns (round trip for ping-pong, one-way for rate), or null. */
    public Histogram histogram()
    {
        return histogram;
    }

    public JsonNode producer()
    {
        return producer;
    }

    public JsonNode consumer()
    {
        return consumer;
    }

    public long elapsedNs()
    {
        return elapsedNs;
    }

    /** Path of the .hlog file, relative to the run directory, once written. */
    public String histogramLog()
    {
        return histogramLog;
    }

    public void histogramLog(final String path)
    {
        this.histogramLog = path;
    }
}
