package io.ipcbench.harness.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ipcbench.harness.stats.Metric;
import io.ipcbench.harness.sweep.PointKey;
import io.ipcbench.harness.sweep.PointRecord;
import io.ipcbench.harness.sweep.RepResult;
import io.ipcbench.transport.TransportKind;
import io.ipcbench.transport.control.Mode;
import io.ipcbench.transport.wait.WaitStrategy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A finished run's points with every repetition, read back from its run.json, so that the cost
 * model can be fitted to a run after the fact ({@code ipcbench calibrate --explain RUN}). Only the
 * repetitions' figures are read; histograms and the sides' details stay on disk.
 */
public final class RunPoints
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Metric> METRICS = new HashMap<>();

    static
    {
        for (final Metric metric : Metric.values())
        {
            METRICS.put(metric.key(), metric);
        }
    }

    private RunPoints()
    {
    }

    /**
     * Reads the points of a run directory or of a run.json.
     *
     * @throws IllegalArgumentException naming the file when it is missing or not an ipcbench run.
     */
    public static List<PointRecord> read(final Path runDirectoryOrFile)
    {
        final Path file = Files.isDirectory(runDirectoryOrFile) ? runDirectoryOrFile.resolve("run.json") : runDirectoryOrFile;
        if (!Files.isRegularFile(file))
        {
            throw new IllegalArgumentException("no run.json at " + file + ": give a run directory such as results/latest");
        }
        final JsonNode root;
        try
        {
            root = JSON.readTree(file.toFile());
        }
        catch (final IOException ex)
        {
            throw new IllegalArgumentException("cannot read " + file + ": " + ex.getMessage());
        }
        return read(root, file.toString());
    }

    /**
     * Reads the points of a parsed run.json.
     *
     * @param root the parsed run.json.
     * @param source what the messages name as the file, such as its path.
     * @throws IllegalArgumentException naming {@code source} when the document holds no readable points.
     */
    public static List<PointRecord> read(final JsonNode root, final String source)
    {
        if (root == null || !root.path("points").isArray())
        {
            throw new IllegalArgumentException(source + " has no points array: not an ipcbench run");
        }
        final List<PointRecord> records = new ArrayList<>();
        int index = 0;
        for (final JsonNode point : root.path("points"))
        {
            final PointKey key;
            try
            {
                key = new PointKey(TransportKind.parse(point.path("transport").asText()), WaitStrategy.parse(point.path("wait").asText()),
                    point.path("batch").asInt(1), Mode.parse(point.path("mode").asText()), point.path("payload_bytes").asInt());
            }
            catch (final IllegalArgumentException ex)
            {
                throw new IllegalArgumentException(source + " points[" + index + "] cannot be read: " + ex.getMessage());
            }
            final PointRecord record = new PointRecord(key);
            for (final JsonNode rep : point.path("repetitions"))
            {
                final int repetition = rep.path("repetition").asInt();
                final long elapsed = rep.path("elapsed_ns").asLong();
                if (!rep.path("ok").asBoolean(false))
                {
                    record.add(RepResult.failure(key, repetition, rep.path("failure").asText("failed"), rep.path("detail").asText(""), elapsed));
                    continue;
                }
                final Map<Metric, Double> metrics = new EnumMap<>(Metric.class);
                for (final Map.Entry<String, JsonNode> field : rep.path("metrics").properties())
                {
                    final Metric metric = METRICS.get(field.getKey());
                    // a metric this version does not know is skipped: newer runs still read
                    if (metric != null && field.getValue().isNumber())
                    {
                        metrics.put(metric, field.getValue().asDouble());
                    }
                }
                record.add(RepResult.success(key, repetition, metrics, null, rep.path("producer"), rep.path("consumer"), elapsed));
            }
            records.add(record);
            index++;
        }
        return records;
    }
}
