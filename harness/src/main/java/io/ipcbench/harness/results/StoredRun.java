package io.ipcbench.harness.results;

import io.ipcbench.harness.stats.Metric;
import io.ipcbench.harness.stats.Spread;
import io.ipcbench.harness.sweep.PointKey;
import io.ipcbench.harness.sweep.Series;
import io.ipcbench.transport.control.Mode;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A finished (or interrupted) run as read back from its run.json: who ran where, and every point's
 * figures as spreads across its successful repetitions. Read by {@link RunReader}; immutable.
 */
public final class StoredRun
{
    private final Path directory;
    private final String runId;
    private final String status;
    private final Map<String, String> environment;
    private final Map<String, String> configuration;
    private final Map<PointKey, Map<Metric, Spread>> points;

    /**
     * @param directory   the run directory the run was read from.
     * @param runId       the run's id as recorded in run.json.
     * @param status      {@code complete}, {@code interrupted}, ... as recorded.
     * @param environment   the environment section, every value as text.
     * @param configuration the configuration section, every value as text (a nested one as its JSON).
     * @param points        every point with at least one figure, and its figures.
     */
    public StoredRun(
        final Path directory,
        final String runId,
        final String status,
        final Map<String, String> environment,
        final Map<String, String> configuration,
        final Map<PointKey, Map<Metric, Spread>> points)
    {
        this.directory = directory;
        this.runId = runId;
        this.status = status;
        this.environment = Collections.unmodifiableMap(new TreeMap<>(environment));
        this.configuration = Collections.unmodifiableMap(new TreeMap<>(configuration));
        final Map<PointKey, Map<Metric, Spread>> copy = new TreeMap<>(PointKey.ORDER);
        points.forEach((key, metrics) -> copy.put(key, Collections.unmodifiableMap(new EnumMap<>(metrics))));
        this.points = Collections.unmodifiableMap(copy);
    }

    public Path directory()
    {
        return directory;
    }

    public String runId()
    {
        return runId;
    }

    public String status()
    {
        return status;
    }

    /** The recorded environment (cpu_model, kernel, java_version, ...), each value as text. */
    public Map<String, String> environment()
    {
        return environment;
    }

    /** The recorded configuration (verify, pipe_capacity_requested, duration_ns, ...), each value as text. */
    public Map<String, String> configuration()
    {
        return configuration;
    }

    /** Every point, in report order ({@link PointKey#ORDER}), with its figures. */
    public Map<PointKey, Map<Metric, Spread>> points()
    {
        return points;
    }

    /** The point's figure, or null when the run does not have it. */
    public Spread spread(final PointKey point, final Metric metric)
    {
        final Map<Metric, Spread> metrics = points.get(point);
        return metrics == null ? null : metrics.get(metric);
    }

    /** The modes the run has points of. */
    public Set<Mode> modes()
    {
        return points.keySet().stream().map(PointKey::mode).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The series measured in a mode, in report order. */
    public List<Series> series(final Mode mode)
    {
        return points.keySet().stream()
            .filter(point -> point.mode() == mode)
            .map(PointKey::series)
            .distinct()
            .sorted(Series.ORDER)
            .collect(Collectors.toList());
    }

    /** The payload sizes measured in a mode that have {@code metric}, ascending. */
    public List<Integer> sizes(final Mode mode, final Metric metric)
    {
        return points.entrySet().stream()
            .filter(entry -> entry.getKey().mode() == mode && entry.getValue().containsKey(metric))
            .map(entry -> entry.getKey().payloadBytes())
            .distinct()
            .sorted()
            .collect(Collectors.toList());
    }

    /** True unless the run ended with every point done: {@code complete} or {@code complete-with-failures}. */
    public boolean partial()
    {
        return !status.startsWith("complete");
    }

    @Override
    public String toString()
    {
        return runId + " (" + directory + ")";
    }
}
