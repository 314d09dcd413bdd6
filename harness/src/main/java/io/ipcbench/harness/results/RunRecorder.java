package io.ipcbench.harness.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ipcbench.harness.stats.BreakEven;
import io.ipcbench.harness.stats.Metric;
import io.ipcbench.harness.stats.Spread;
import io.ipcbench.harness.sweep.Analysis;
import io.ipcbench.harness.sweep.PointKey;
import io.ipcbench.harness.sweep.PointRecord;
import io.ipcbench.harness.sweep.RepResult;
import org.HdrHistogram.HistogramLogWriter;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a run into {@code results/<run-id>/} as it goes: after every repetition, run.json,
 * points.csv and reps.csv are rewritten whole and renamed into place, so an interrupted sweep
 * leaves every finished point readable and never a truncated file. The format is described in
 * results/README.md.
 */
public final class RunRecorder
{
    public static final String SCHEMA = "ipcbench-run/1";
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Path resultsRoot;
    private final Path directory;
    private final String runId;
    private final Instant started = Instant.now();
    private final Map<String, Object> environment;
    private final Map<String, Object> configuration;
    private final Map<PointKey, PointRecord> records = new LinkedHashMap<>();
    private final List<Map<String, Object>> failures = new ArrayList<>();
    private Map<String, Object> conditions = Map.of();
    private Map<String, Object> costModel;
    private String status = "running";
    private Instant finished;

    public RunRecorder(
        final Path resultsRoot, final List<PointKey> points, final Map<String, Object> environment, final Map<String, Object> configuration)
        throws IOException
    {
        this.resultsRoot = resultsRoot;
        this.environment = environment;
        this.configuration = configuration;
        Files.createDirectories(resultsRoot);
        this.directory = claimDirectory(resultsRoot, RUN_ID.format(started));
        this.runId = directory.getFileName().toString();
        Files.createDirectories(directory.resolve("hist"));
        for (final PointKey point : points)
        {
            records.put(point, new PointRecord(point));
        }
        save();
    }

    /**
     * Makes {@code <id>}, or {@code <id>-2}, {@code -3}, ... when taken: createDirectory fails if
     * the name exists, so two sweeps started in the same second never share a directory.
     */
    private static Path claimDirectory(final Path resultsRoot, final String id) throws IOException
    {
        for (int suffix = 1; ; suffix++)
        {
            final Path candidate = resultsRoot.resolve(suffix == 1 ? id : id + "-" + suffix);
            try
            {
                return Files.createDirectory(candidate);
            }
            catch (final FileAlreadyExistsException ex)
            {
                // taken by an earlier or a concurrent run: try the next suffix
            }
        }
    }

    /** The run conditions (clock cost, load, warnings) recorded with the environment. */
    public void conditions(final Map<String, Object> conditions) throws IOException
    {
        this.conditions = conditions;
        save();
    }

    /** The cost model of the finished run ({@code CostModel.toJson}), written into run.json as {@code cost_model}. */
    public void costModel(final Map<String, Object> costModel)
    {
        this.costModel = costModel;
    }

    public String runId()
    {
        return runId;
    }

    public Path directory()
    {
        return directory;
    }

    /** True once {@link #finish} has run: the run's status is final. */
    public boolean finished()
    {
        return finished != null;
    }

    public Collection<PointRecord> records()
    {
        return records.values();
    }

    /** Adds a repetition and rewrites the files; ignored once the run is finished (an interrupted run is final). */
    public void record(final RepResult result) throws IOException
    {
        if (finished != null)
        {
            return;
        }
        if (result.ok() && result.histogram() != null)
        {
            final String name = "hist/" + result.key().slug() + "-r" + result.repetition() + ".hlog";
            final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (PrintStream out = new PrintStream(bytes, true, "UTF-8"))
            {
                final HistogramLogWriter writer = new HistogramLogWriter(out);
                writer.outputComment("ipcbench " + runId + " " + result.key() + " repetition " + result.repetition() +
                    (result.key().mode() == io.ipcbench.transport.control.Mode.RATE ? ": one-way latency, ns" : ": round-trip time, ns"));
                writer.outputLogFormatVersion();
                writer.outputStartTime(System.currentTimeMillis());
                writer.outputLegend();
                result.histogram().setTag(result.key().slug());
                writer.outputIntervalHistogram(result.histogram());
            }
            AtomicFiles.write(directory.resolve(name), bytes.toByteArray());
            result.histogramLog(name);
        }
        if (!result.ok())
        {
            final Map<String, Object> failure = new LinkedHashMap<>();
            failure.put("point", result.key().toString());
            failure.put("repetition", result.repetition());
            failure.put("failure", result.failure());
            failure.put("detail", result.failureDetail());
            failures.add(failure);
        }
        records.get(result.key()).add(result);
        save();
    }

    /** Marks the run complete, failed or interrupted and writes everything once more. */
    public void finish(final String status) throws IOException
    {
        this.status = status;
        this.finished = Instant.now();
        save();
        try
        {
            AtomicFiles.symlink(resultsRoot.resolve("latest"), Path.of(runId));
        }
        catch (final IOException | UnsupportedOperationException ex)
        {
            AtomicFiles.write(resultsRoot.resolve("latest.txt"), runId + "\n");
        }
    }

    public void writeText(final String name, final String text) throws IOException
    {
        AtomicFiles.write(directory.resolve(name), text);
    }

    private void save() throws IOException
    {
        AtomicFiles.write(directory.resolve("run.json"), json.writeValueAsBytes(document()));
        AtomicFiles.write(directory.resolve("points.csv"), pointsCsv());
        AtomicFiles.write(directory.resolve("reps.csv"), repsCsv());
    }

    private Map<String, Object> document()
    {
        final Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("schema", SCHEMA);
        doc.put("run_id", runId);
        doc.put("status", status);
        doc.put("started", started.toString());
        doc.put("finished", finished == null ? null : finished.toString());
        // lets a reader tell a run still going from one whose harness was killed outright
        doc.put("harness_pid", ProcessHandle.current().pid());
        doc.put("environment", environment);
        doc.put("conditions", conditions);
        doc.put("configuration", configuration);
        final List<Map<String, Object>> points = new ArrayList<>();
        for (final PointRecord record : records.values())
        {
            if (!record.repetitions().isEmpty())
            {
                points.add(point(record));
            }
        }
        doc.put("points", points);
        doc.put("break_even", breakEven());
        doc.put("batching", batching());
        if (costModel != null)
        {
            doc.put("cost_model", costModel);
        }
        doc.put("failures", failures);
        return doc;
    }

    private Map<String, Object> point(final PointRecord record)
    {
        final PointKey key = record.key();
        final Map<String, Object> point = new LinkedHashMap<>();
        point.put("series", key.series().toString());
        point.put("transport", key.transport().label());
        point.put("wait", key.waitStrategy().label());
        point.put("batch", key.batch());
        point.put("mode", key.mode().label());
        point.put("payload_bytes", key.payloadBytes());
        point.put("wire_bytes", key.wireBytes());
        final Map<String, Object> metrics = new LinkedHashMap<>();
        for (final Map.Entry<Metric, Spread> entry : record.spreads().entrySet())
        {
            final Spread spread = entry.getValue();
            final Map<String, Object> figure = new LinkedHashMap<>();
            figure.put("unit", entry.getKey().unit());
            figure.put("median", spread.median());
            figure.put("min", spread.min());
            figure.put("max", spread.max());
            figure.put("n", spread.count());
            figure.put("values", spread.values());
            metrics.put(entry.getKey().key(), figure);
        }
        point.put("metrics", metrics);
        final List<Map<String, Object>> repetitions = new ArrayList<>();
        for (final RepResult rep : record.repetitions())
        {
            final Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("repetition", rep.repetition());
            entry.put("ok", rep.ok());
            entry.put("elapsed_ns", rep.elapsedNs());
            if (rep.ok())
            {
                final Map<String, Object> values = new LinkedHashMap<>();
                rep.metrics().forEach((metric, value) -> values.put(metric.key(), value));
                entry.put("metrics", values);
                entry.put("histogram_log", rep.histogramLog());
                entry.put("producer", withoutHistogram(rep.producer()));
                entry.put("consumer", withoutHistogram(rep.consumer()));
            }
            else
            {
                entry.put("failure", rep.failure());
                entry.put("detail", rep.failureDetail());
            }
            repetitions.add(entry);
        }
        point.put("repetitions", repetitions);
        return point;
    }

    private static JsonNode withoutHistogram(final JsonNode side)
    {
        if (side instanceof ObjectNode)
        {
            final ObjectNode copy = ((ObjectNode)side).deepCopy();
            copy.remove("histogram");
            return copy;
        }
        return side;
    }

    private List<Map<String, Object>> breakEven()
    {
        final List<Map<String, Object>> list = new ArrayList<>();
        for (final Analysis.ModeFindings mode : Analysis.breakEven(records.values()))
        {
            for (final BreakEven.Finding finding : mode.findings())
            {
                final Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("mode", mode.mode().label());
                entry.put("metric", mode.metric().key());
                entry.put("a", finding.a());
                entry.put("b", finding.b());
                entry.put("kind", finding.kind().name().toLowerCase(java.util.Locale.ROOT));
                entry.put("size_bytes", Double.isFinite(finding.sizeBytes()) ? finding.sizeBytes() : null);
                entry.put("between_bytes", List.of(finding.lowerSize(), finding.upperSize()));
                entry.put("below_winner", finding.belowWinner());
                entry.put("above_winner", finding.aboveWinner());
                entry.put("text", finding.text());
                list.add(entry);
            }
        }
        return list;
    }

    private List<Map<String, Object>> batching()
    {
        final List<Map<String, Object>> list = new ArrayList<>();
        for (final io.ipcbench.harness.sweep.Batching.Fit fit : io.ipcbench.harness.sweep.Batching.fits(records.values()))
        {
            final Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("series", fit.series());
            entry.put("payload_bytes", fit.payloadBytes());
            entry.put("batches", fit.batches());
            entry.put("crossing_ns", fit.crossingNs());
            entry.put("per_message_ns", fit.perMessageNs());
            entry.put("r_squared", fit.exactByConstruction() ? null : fit.rSquared());
            entry.put("r_squared_note", fit.exactByConstruction() ? "exact by construction: " + fit.batches().size() +
                " values of K; R^2 needs at least " + io.ipcbench.harness.sweep.Batching.MIN_BATCHES_FOR_R_SQUARED : null);
            list.add(entry);
        }
        return list;
    }

    private String pointsCsv()
    {
        final StringBuilder csv = new StringBuilder(Csv.row(List.of("run_id", "mode", "series", "transport", "wait", "batch",
            "payload_bytes", "wire_bytes", "metric", "unit", "median", "min", "max", "n", "failed_reps")));
        for (final PointRecord record : records.values())
        {
            final PointKey key = record.key();
            final long failed = record.repetitions().size() - record.successes();
            for (final Map.Entry<Metric, Spread> entry : record.spreads().entrySet())
            {
                final Spread spread = entry.getValue();
                csv.append(Csv.row(List.of(runId, key.mode().label(), key.series().toString(), key.transport().label(), key.waitStrategy().label(),
                    key.batch(), key.payloadBytes(), key.wireBytes(), entry.getKey().key(), entry.getKey().unit(),
                    spread.median(), spread.min(), spread.max(), spread.count(), failed)));
            }
        }
        return csv.toString();
    }

    private String repsCsv()
    {
        final StringBuilder csv = new StringBuilder(Csv.row(List.of("run_id", "repetition", "mode", "series", "transport", "wait",
            "batch", "payload_bytes", "wire_bytes", "metric", "unit", "value")));
        for (final PointRecord record : records.values())
        {
            final PointKey key = record.key();
            for (final RepResult rep : record.repetitions())
            {
                for (final Map.Entry<Metric, Double> entry : rep.metrics().entrySet())
                {
                    csv.append(Csv.row(List.of(runId, rep.repetition(), key.mode().label(), key.series().toString(),
                        key.transport().label(), key.waitStrategy().label(), key.batch(), key.payloadBytes(), key.wireBytes(),
                        entry.getKey().key(), entry.getKey().unit(), entry.getValue())));
                }
            }
        }
        return csv.toString();
    }
}
