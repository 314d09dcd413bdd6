package io.ipcbench.harness.compare;

import io.ipcbench.harness.results.StoredRun;
import io.ipcbench.harness.stats.Metric;
import io.ipcbench.harness.stats.Spread;
import io.ipcbench.harness.sweep.PointKey;
import io.ipcbench.harness.sweep.Series;
import io.ipcbench.harness.sweep.Sizes;
import io.ipcbench.transport.control.Mode;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Two runs compared figure by figure; see the package documentation for the rule. */
public final class Comparison
{
    /** The figures that can fail a comparison unless {@code --all-metrics}: median and p99 latency, and throughput. */
    public static final Set<Metric> GATING = Collections.unmodifiableSet(EnumSet.of(
        Metric.RTT_P50, Metric.RTT_P99, Metric.MB_PER_S, Metric.MSGS_PER_S, Metric.OWL_P50, Metric.OWL_P99));

    /**
     * The figures the reports list when they move beyond the threshold: the gating ones and the CPU
     * price (cores busy, system calls per message). The rest (CPU ns, context switches, faults, other
     * percentiles) are compared and counted, and listed with {@code --all-rows} or {@code --all-metrics}.
     */
    public static final Set<Metric> LISTED = Collections.unmodifiableSet(EnumSet.of(
        Metric.RTT_P50, Metric.RTT_P99, Metric.MB_PER_S, Metric.MSGS_PER_S, Metric.OWL_P50, Metric.OWL_P99,
        Metric.PRODUCER_CPU, Metric.CONSUMER_CPU, Metric.PRODUCER_SYSCALLS, Metric.CONSUMER_SYSCALLS));

    /** Environment entries that, when they differ, make the two runs measure different machines. */
    static final List<String> ENVIRONMENT_KEYS = List.of("cpu_model", "kernel", "java_version");

    /**
     * Configuration entries that, when they differ, change what the same point measures (how long,
     * what is checked, how big a ring or a pipe is, where the threads run); what was swept is not among them.
     */
    static final List<String> CONFIGURATION_KEYS = List.of(
        "verify", "duration_ns", "warmup_min_ns", "warmup_max_ns", "max_messages", "max_bytes", "rate", "pinning",
        "ring_capacity", "pipe_capacity_requested", "chronicle_block_size", "run_directory_root");

    private final StoredRun base;
    private final StoredRun current;
    private final double threshold;
    private final boolean allMetrics;
    private final List<Change> changes;
    private final List<PointKey> added;
    private final List<PointKey> removed;
    private final List<String> onlyInOne;
    private final List<PointKey> failedInCurrent;
    private final List<String> warnings;
    private final int sharedPoints;

    private Comparison(
        final StoredRun base,
        final StoredRun current,
        final double threshold,
        final boolean allMetrics,
        final List<Change> changes,
        final List<PointKey> added,
        final List<PointKey> removed,
        final List<String> onlyInOne,
        final List<PointKey> failedInCurrent,
        final List<String> warnings,
        final int sharedPoints)
    {
        this.base = base;
        this.current = current;
        this.threshold = threshold;
        this.allMetrics = allMetrics;
        this.changes = List.copyOf(changes);
        this.added = List.copyOf(added);
        this.removed = List.copyOf(removed);
        this.onlyInOne = List.copyOf(onlyInOne);
        this.failedInCurrent = List.copyOf(failedInCurrent);
        this.warnings = List.copyOf(warnings);
        this.sharedPoints = sharedPoints;
    }

    /**
     * Compares every figure present in both runs for every point (series, mode, size) present in both.
     *
     * @param threshold  the relative change a median must exceed to count, e.g. 0.10.
     * @param allMetrics let every figure fail the comparison, not only {@link #GATING}.
     * @throws IllegalArgumentException when the runs share no point.
     */
    public static Comparison of(final StoredRun base, final StoredRun current, final double threshold, final boolean allMetrics)
    {
        final List<Change> changes = new ArrayList<>();
        final List<PointKey> added = new ArrayList<>();
        final List<PointKey> removed = new ArrayList<>();
        final List<String> onlyInOne = new ArrayList<>();
        final List<PointKey> failedInCurrent = new ArrayList<>();
        int shared = 0;
        for (final Map.Entry<PointKey, Map<Metric, Spread>> entry : base.points().entrySet())
        {
            final PointKey point = entry.getKey();
            final Map<Metric, Spread> now = current.points().get(point);
            if (now == null)
            {
                removed.add(point);
                continue;
            }
            shared++;
            final Map<Metric, Spread> before = entry.getValue();
            final List<String> baseOnly = new ArrayList<>();
            final List<String> currentOnly = new ArrayList<>();
            for (final Metric metric : Metric.values())
            {
                final Spread was = before.get(metric);
                final Spread is = now.get(metric);
                if (was != null && is != null)
                {
                    changes.add(Change.classify(point, metric, was, is, threshold, allMetrics || GATING.contains(metric)));
                }
                else if (was != null)
                {
                    baseOnly.add(metric.key());
                }
                else if (is != null)
                {
                    currentOnly.add(metric.key());
                }
            }
            if (now.isEmpty() && !before.isEmpty())
            {
                onlyInOne.add(point + ": every repetition failed in current");
                failedInCurrent.add(point);
            }
            else if (before.isEmpty() && !now.isEmpty())
            {
                onlyInOne.add(point + ": every repetition failed in base");
            }
            else
            {
                if (!baseOnly.isEmpty())
                {
                    onlyInOne.add(point + ": " + String.join(", ", baseOnly) + " only in base");
                }
                if (!currentOnly.isEmpty())
                {
                    onlyInOne.add(point + ": " + String.join(", ", currentOnly) + " only in current");
                }
            }
        }
        for (final PointKey point : current.points().keySet())
        {
            if (!base.points().containsKey(point))
            {
                added.add(point);
            }
        }
        if (shared == 0)
        {
            throw new IllegalArgumentException("runs " + base.runId() + " and " + current.runId() +
                " share no points (series, mode, size), so there is nothing to compare: " +
                base.runId() + " has " + outline(base) + "; " + current.runId() + " has " + outline(current) + sizesHint(base, current));
        }
        changes.sort(Change.SEVERITY);
        return new Comparison(base, current, threshold, allMetrics, changes, added, removed, onlyInOne, failedInCurrent,
            warnings(base, current), shared);
    }

    /** Where the two runs were not measured alike: a different machine, kernel or JVM, or an unfinished run. */
    static List<String> warnings(final StoredRun base, final StoredRun current)
    {
        final List<String> warnings = new ArrayList<>();
        final List<String> differences = differences(ENVIRONMENT_KEYS, base.environment(), current.environment());
        if (!differences.isEmpty())
        {
            warnings.add("the runs were measured in different environments: " + String.join("; ", differences) +
                "; a change may come from the environment rather than the code");
        }
        final List<String> settings = differences(CONFIGURATION_KEYS, base.configuration(), current.configuration());
        if (!settings.isEmpty())
        {
            warnings.add("the runs were measured with different settings: " + String.join("; ", settings) +
                "; a change may come from the settings rather than the code");
        }
        for (final StoredRun run : List.of(base, current))
        {
            if (run.partial())
            {
                warnings.add((run == base ? "base" : "current") + " run " + run.runId() + " is '" + run.status() +
                    "', not complete: only its finished points are compared");
            }
        }
        return warnings;
    }

    /** Each of {@code keys} that both runs recorded, with different values, as "key 'base' (base) vs 'current' (current)". */
    private static List<String> differences(final List<String> keys, final Map<String, String> base, final Map<String, String> current)
    {
        final List<String> differences = new ArrayList<>();
        for (final String key : keys)
        {
            final String was = base.get(key);
            final String is = current.get(key);
            if (was != null && is != null && !Objects.equals(was, is))
            {
                differences.add(key + " '" + was + "' (base) vs '" + is + "' (current)");
            }
        }
        return differences;
    }

    /** When the runs have no size in common (a --quick run against a default sweep): how to measure one that compares. */
    private static String sizesHint(final StoredRun base, final StoredRun current)
    {
        final Set<Integer> baseSizes = base.points().keySet().stream().map(PointKey::payloadBytes).collect(Collectors.toCollection(TreeSet::new));
        if (baseSizes.isEmpty() || current.points().keySet().stream().map(PointKey::payloadBytes).anyMatch(baseSizes::contains))
        {
            return "";
        }
        return "; they have no size in common: measure the current run at base's sizes to compare them (ipcbench sweep --sizes " +
            baseSizes.stream().map(Sizes::option).collect(Collectors.joining(",")) + ")";
    }

    private static String outline(final StoredRun run)
    {
        if (run.points().isEmpty())
        {
            return "no points";
        }
        final List<String> parts = new ArrayList<>();
        for (final Mode mode : run.modes())
        {
            final List<Integer> sizes = run.points().keySet().stream()
                .filter(p -> p.mode() == mode).map(PointKey::payloadBytes).distinct().sorted().collect(Collectors.toList());
            parts.add(run.series(mode).stream().map(Series::toString).collect(Collectors.joining(", ")) + " in " + mode.label() +
                " at " + sizes.stream().map(Sizes::format).collect(Collectors.joining(", ")));
        }
        return String.join("; ", parts);
    }

    /**
     * Parses a threshold as users write it: {@code 10%} or {@code 10} (percent either way).
     *
     * @return the relative threshold, e.g. 0.10.
     * @throws IllegalArgumentException naming the value and the range.
     */
    public static double parseThreshold(final String text)
    {
        final String trimmed = text.trim();
        final String digits = trimmed.endsWith("%") ? trimmed.substring(0, trimmed.length() - 1).trim() : trimmed;
        final double percent = digits.matches("[0-9]+(\\.[0-9]*)?|\\.[0-9]+") ? Double.parseDouble(digits) : Double.NaN;
        if (Double.isNaN(percent) || percent > 1000)
        {
            throw new IllegalArgumentException("--threshold '" + text + "' must be a percentage from 0% to 1000%, e.g. 10%");
        }
        return percent / 100.0;
    }

    public StoredRun base()
    {
        return base;
    }

    public StoredRun current()
    {
        return current;
    }

    /** The relative threshold, e.g. 0.10. */
    public double threshold()
    {
        return threshold;
    }

    public boolean allMetrics()
    {
        return allMetrics;
    }

    /** Every figure compared, most severe first. */
    public List<Change> changes()
    {
        return changes;
    }

    /** Points only the current run has: listed, not compared. */
    public List<PointKey> added()
    {
        return added;
    }

    /** Points only the base run has: listed, not compared. */
    public List<PointKey> removed()
    {
        return removed;
    }

    /** Figures a shared point has in one run only, one line per point and run. */
    public List<String> onlyInOne()
    {
        return onlyInOne;
    }

    /** Differences in environment, unfinished runs: worth knowing, never a failure. */
    public List<String> warnings()
    {
        return warnings;
    }

    /** How many points both runs have. */
    public int sharedPoints()
    {
        return sharedPoints;
    }

    public List<Change> with(final Verdict verdict)
    {
        return changes.stream().filter(change -> change.verdict() == verdict).collect(Collectors.toList());
    }

    /** True when the reports list this change without --all-rows: it moved beyond the threshold and is a listed figure. */
    public boolean listed(final Change change)
    {
        return change.verdict() != Verdict.UNCHANGED && (change.gating() || LISTED.contains(change.metric()));
    }

    /** Points measured in base whose every repetition failed in current: each fails the comparison. */
    public List<PointKey> failedInCurrent()
    {
        return failedInCurrent;
    }

    /** True when any figure regressed, or a point that base measured failed outright in current: the comparison fails. */
    public boolean regressed()
    {
        return !failedInCurrent.isEmpty() || changes.stream().anyMatch(change -> change.verdict() == Verdict.REGRESSION);
    }

    /** {@code 10%}, {@code 2.5%}. */
    public String thresholdText()
    {
        return number(threshold * 100) + "%";
    }

    /** A figure in plain digits, six significant at most: {@code 26000}, {@code 0.25}. */
    static String number(final double value)
    {
        if (!Double.isFinite(value))
        {
            return Double.toString(value);
        }
        return new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    /** The rule, in words, as every output states it. */
    public String rule()
    {
        return "a figure regresses when its median moved the bad way by more than " + thresholdText() +
            " AND beyond both runs' own spread: the repetition ranges [min, max] of the two runs do not overlap and the medians " +
            "moved by more than the wider range is wide; " +
            "improvements follow the same rule the other way; a point that base measured and current failed in every repetition fails the comparison too. " +
            (allMetrics ? "With --all-metrics every figure can fail the comparison." :
                "Only " + GATING.stream().map(Metric::key).collect(Collectors.joining(", ")) +
                " can fail the comparison; the other figures (CPU, context switches, system calls, other percentiles) are " +
                "informational (--all-metrics counts them too).");
    }

    /** The verdict line: REGRESSION or OK, with the counts behind it. */
    public String verdictLine()
    {
        final List<Change> regressions = with(Verdict.REGRESSION);
        final StringBuilder line = new StringBuilder("Verdict: ");
        if (!failedInCurrent.isEmpty())
        {
            line.append("REGRESSION, ").append(failedInCurrent.size())
                .append(failedInCurrent.size() == 1 ? " point" : " points").append(" measured in base failed in every repetition of current: ")
                .append(failedInCurrent.stream().limit(3).map(PointKey::toString).collect(Collectors.joining(", ")))
                .append(failedInCurrent.size() > 3 ? ", ..." : "")
                .append("; ").append(regressions.size()).append(regressions.size() == 1 ? " figure regressed" : " figures regressed");
        }
        else if (regressions.isEmpty())
        {
            line.append("OK, no regression");
        }
        else
        {
            line.append("REGRESSION, ").append(regressions.size()).append(regressions.size() == 1 ? " regression: " : " regressions: ");
            final int shown = Math.min(3, regressions.size());
            for (int i = 0; i < shown; i++)
            {
                line.append(i == 0 ? "" : ", ").append(regressions.get(i).name()).append(' ').append(regressions.get(i).changeText());
            }
            if (regressions.size() > shown)
            {
                line.append(", ...");
            }
        }
        line.append(" (").append(with(Verdict.IMPROVED).size()).append(" improved, ")
            .append(with(Verdict.WITHIN_SPREAD).size()).append(" within spread, ")
            .append(with(Verdict.WORSE).size()).append(" worse but informational; ")
            .append(changes.size()).append(" figures of ").append(sharedPoints).append(sharedPoints == 1 ? " point" : " points")
            .append(" compared, threshold ").append(thresholdText()).append(')');
        return line.toString();
    }
}
