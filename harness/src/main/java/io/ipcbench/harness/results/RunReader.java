package io.ipcbench.harness.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ipcbench.harness.env.Environment;
import io.ipcbench.harness.stats.Metric;
import io.ipcbench.harness.stats.Spread;
import io.ipcbench.harness.sweep.PointKey;
import io.ipcbench.transport.TransportKind;
import io.ipcbench.transport.control.Mode;
import io.ipcbench.transport.wait.WaitStrategy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a run back from {@code results/<run-id>/run.json} (format: results/README.md). Only the
 * parts later commands need are read: the run's identity, its environment and every point's
 * figures with their spreads; the raw repetitions and histograms stay on disk. Figures this
 * version does not know are skipped, so a newer run with extra metrics still reads.
 */
public final class RunReader
{
    /** The name, under the results directory, of the link to the newest run. */
    public static final String LATEST = "latest";
    /** The status a run reads as when it was left {@code running} by a harness that is gone. */
    public static final String ABANDONED = "abandoned";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Metric> METRICS = new HashMap<>();

    static
    {
        for (final Metric metric : Metric.values())
        {
            METRICS.put(metric.key(), metric);
        }
    }

    private RunReader()
    {
    }

    /** Resolves then reads a run: see {@link #resolve} and {@link #read}. */
    public static StoredRun load(final String run, final Path resultsRoot)
    {
        return read(resolve(run, resultsRoot));
    }

    /**
     * Finds a run's directory: {@code run} is a path to a run directory (or to its run.json), or
     * the id of a run under {@code resultsRoot}; null means the newest run, {@code resultsRoot/latest}.
     *
     * @throws IllegalArgumentException naming what was looked for and where.
     */
    public static Path resolve(final String run, final Path resultsRoot)
    {
        if (run == null)
        {
            final Path latest = resultsRoot.resolve(LATEST);
            if (Files.isDirectory(latest))
            {
                try
                {
                    return latest.toRealPath();
                }
                catch (final IOException ex)
                {
                    return latest;
                }
            }
            final Path latestText = resultsRoot.resolve(LATEST + ".txt");
            if (Files.isRegularFile(latestText))
            {
                try
                {
                    return resultsRoot.resolve(Files.readString(latestText, StandardCharsets.UTF_8).trim());
                }
                catch (final IOException ex)
                {
                    throw new IllegalArgumentException("cannot read " + latestText + ": " + ex.getMessage());
                }
            }
            throw new IllegalArgumentException("no run given and no latest run in " + resultsRoot.toAbsolutePath() +
                ": run 'ipcbench sweep' first, or name a run directory or run id");
        }
        if (run.trim().isEmpty())
        {
            throw new IllegalArgumentException("the run is empty: give a run directory or a run id");
        }
        final Path path = Path.of(run);
        if (Files.isRegularFile(path) && path.getFileName().toString().equals("run.json"))
        {
            return path.toAbsolutePath().getParent();
        }
        if (Files.exists(path))
        {
            return path.toAbsolutePath().normalize();
        }
        final boolean plainName = path.getNameCount() == 1 && !path.isAbsolute();
        if (plainName && Files.isDirectory(resultsRoot.resolve(run)))
        {
            return resultsRoot.resolve(run).toAbsolutePath().normalize();
        }
        throw new IllegalArgumentException("run '" + run + "' not found: no directory " + path.toAbsolutePath() +
            (plainName ? " and no run " + run + " in " + resultsRoot.toAbsolutePath() : ""));
    }

    /**
     * Reads the run.json of a run directory.
     *
     * @throws IllegalArgumentException when the directory or its run.json is missing, unreadable,
     *                                  or not schema {@value RunRecorder#SCHEMA}; the message names the file.
     */
    public static StoredRun read(final Path directory)
    {
        if (!Files.exists(directory))
        {
            throw new IllegalArgumentException("run directory " + directory + " does not exist");
        }
        if (!Files.isDirectory(directory))
        {
            throw new IllegalArgumentException("run directory " + directory + " is not a directory");
        }
        final Path file = directory.resolve("run.json");
        if (!Files.isRegularFile(file))
        {
            throw new IllegalArgumentException("no run.json in " + directory + ": not an ipcbench run directory");
        }
        final JsonNode root;
        try
        {
            root = JSON.readTree(file.toFile());
        }
        catch (final JsonProcessingException ex)
        {
            throw new IllegalArgumentException(file + " is not valid JSON: " + ex.getOriginalMessage() +
                " (line " + ex.getLocation().getLineNr() + ")");
        }
        catch (final IOException ex)
        {
            throw new IllegalArgumentException("cannot read " + file + ": " + ex.getMessage());
        }
        if (root == null || !root.isObject())
        {
            throw new IllegalArgumentException(file + " is not an ipcbench run: it holds no JSON object");
        }
        final JsonNode schema = root.get("schema");
        if (schema == null || !schema.isTextual())
        {
            throw new IllegalArgumentException(file + " has no schema: it is not an ipcbench run (expected schema " +
                RunRecorder.SCHEMA + ")");
        }
        if (!RunRecorder.SCHEMA.equals(schema.asText()))
        {
            throw new IllegalArgumentException(file + " has schema " + schema.asText() + ", which this ipcbench cannot read (it reads " +
                RunRecorder.SCHEMA + ")");
        }
        final String runId = root.path("run_id").asText(directory.getFileName().toString());
        final Map<String, String> environment = asText(root.path("environment"));
        final String status = status(root);
        final Map<String, String> configuration = asText(root.path("configuration"));
        final JsonNode points = root.get("points");
        if (points == null || !points.isArray())
        {
            throw new IllegalArgumentException(file + " has no points array: not an ipcbench run (schema " + RunRecorder.SCHEMA + ")");
        }
        final Map<PointKey, Map<Metric, Spread>> figures = new LinkedHashMap<>();
        for (int i = 0; i < points.size(); i++)
        {
            final JsonNode point = points.get(i);
            final PointKey key = key(file, i, point);
            final Map<Metric, Spread> metrics = metrics(file, key, point.path("metrics"));
            if (figures.put(key, metrics) != null)
            {
                throw new IllegalArgumentException(file + " has point " + key + " twice (points[" + i + "])");
            }
        }
        return new StoredRun(directory, runId, status, environment, configuration, figures);
    }

    /** {@code node} with every object's fields in name order. */
    private static JsonNode canonical(final JsonNode node)
    {
        if (node.isObject())
        {
            final ObjectNode sorted = JSON.createObjectNode();
            final Iterator<String> names = node.fieldNames();
            final List<String> ordered = new ArrayList<>();
            names.forEachRemaining(ordered::add);
            Collections.sort(ordered);
            ordered.forEach(name -> sorted.set(name, canonical(node.get(name))));
            return sorted;
        }
        if (node.isArray())
        {
            final ArrayNode array = JSON.createArrayNode();
            node.forEach(element -> array.add(canonical(element)));
            return array;
        }
        return node;
    }

    /**
     * The run's recorded status, except that a run recorded as {@code running} on this host by a
     * harness that is no longer running reads as {@link #ABANDONED}: its harness was killed outright
     * (SIGKILL, the OOM killer, a power cut), and no hook could mark it.
     */
    public static String status(final JsonNode root)
    {
        final String status = root.path("status").asText("unknown");
        final JsonNode pid = root.get("harness_pid");
        if (!"running".equals(status) || pid == null || !pid.canConvertToLong() || !Environment.hostname().equals(root.path("environment").path("hostname").asText()))
        {
            return status;
        }
        final boolean alive = ProcessHandle.of(pid.asLong())
            .filter(ProcessHandle::isAlive)
            .flatMap(handle -> handle.info().commandLine())
            .map(command -> command.contains("ipcbench"))
            .orElse(false);
        return alive ? status : ABANDONED;
    }

    /**
     * An object's fields, each value as text: a nested object or array as its JSON with the fields of
     * every object in name order, so that two runs that recorded the same map in another order read alike.
     */
    private static Map<String, String> asText(final JsonNode object)
    {
        final Map<String, String> values = new LinkedHashMap<>();
        final Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext())
        {
            final Map.Entry<String, JsonNode> field = fields.next();
            values.put(field.getKey(), field.getValue().isValueNode() ? field.getValue().asText() : canonical(field.getValue()).toString());
        }
        return values;
    }

    private static PointKey key(final Path file, final int index, final JsonNode point)
    {
        try
        {
            final TransportKind transport = TransportKind.parse(text(point, "transport"));
            final WaitStrategy wait = WaitStrategy.parse(text(point, "wait"));
            final Mode mode = Mode.parse(text(point, "mode"));
            return new PointKey(transport, wait, number(point, "batch"), mode, number(point, "payload_bytes"));
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException(file + " points[" + index + "] cannot be read: " + ex.getMessage());
        }
    }

    private static Map<Metric, Spread> metrics(final Path file, final PointKey key, final JsonNode node)
    {
        final Map<Metric, Spread> metrics = new EnumMap<>(Metric.class);
        final Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext())
        {
            final Map.Entry<String, JsonNode> field = fields.next();
            final Metric metric = METRICS.get(field.getKey());
            if (metric == null)
            {
                continue;
            }
            final JsonNode values = field.getValue().get("values");
            if (values == null || !values.isArray() || values.isEmpty())
            {
                throw new IllegalArgumentException(file + " point " + key + " metric " + metric.key() +
                    " has no values: a figure needs the values of its repetitions");
            }
            final double[] numbers = new double[values.size()];
            for (int i = 0; i < numbers.length; i++)
            {
                if (!values.get(i).isNumber())
                {
                    throw new IllegalArgumentException(file + " point " + key + " metric " + metric.key() +
                        " has a value that is not a number: " + values.get(i));
                }
                numbers[i] = values.get(i).asDouble();
            }
            metrics.put(metric, new Spread(numbers));
        }
        return metrics;
    }

    private static String text(final JsonNode point, final String field)
    {
        final JsonNode value = point.get(field);
        if (value == null || !value.isTextual())
        {
            throw new IllegalArgumentException("it has no " + field);
        }
        return value.asText();
    }

    private static int number(final JsonNode point, final String field)
    {
        final JsonNode value = point.get(field);
        if (value == null || !value.canConvertToInt() || value.asInt() < 0)
        {
            throw new IllegalArgumentException(field + " must be a whole number of at least 0: " + field + "=" + value);
        }
        return value.asInt();
    }
}
