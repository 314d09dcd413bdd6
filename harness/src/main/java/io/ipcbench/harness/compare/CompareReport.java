package io.ipcbench.harness.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.ipcbench.harness.report.Format;
import io.ipcbench.harness.results.TextTable;
import io.ipcbench.harness.stats.Metric;
import io.ipcbench.harness.stats.Spread;
import io.ipcbench.harness.sweep.PointKey;
import io.ipcbench.harness.sweep.Sizes;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A comparison as text for a terminal, as a Markdown table for a pull request, and as the JSON
 * benchmark trackers take (github-action-benchmark's {@code customSmallerIsBetter} and
 * {@code customBiggerIsBetter}: an array of {@code {name, unit, value, range, extra}}; one array
 * cannot mix directions, hence one per direction).
 */
public final class CompareReport
{
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int WIDTH = 110;

    private CompareReport()
    {
    }

    /**
     * The terminal report: the rule, warnings, a table of the figures that moved beyond the
     * threshold (every figure with {@code allRows}) sorted by severity, added and removed points, the verdict.
     */
    public static String text(final Comparison comparison, final boolean allRows)
    {
        final StringBuilder out = new StringBuilder();
        out.append("ipcbench compare: base ").append(comparison.base().runId()).append(" -> current ")
            .append(comparison.current().runId()).append('\n');
        out.append("  base:    ").append(comparison.base().directory()).append('\n');
        out.append("  current: ").append(comparison.current().directory()).append('\n');
        wrap(out, "Rule: " + comparison.rule(), "");
        for (final String warning : comparison.warnings())
        {
            wrap(out, "warning: " + warning, "  ");
        }
        out.append('\n');
        final List<Change> rows = rows(comparison, allRows);
        if (rows.isEmpty())
        {
            out.append("No figure moved by more than ").append(comparison.thresholdText()).append(".\n");
        }
        else
        {
            final TextTable table = new TextTable(3, List.of("verdict", "point", "metric", "base median [min-max]",
                "current median [min-max]", "change"));
            for (final Change change : rows)
            {
                table.row(List.of(change.verdict().label(), change.point().toString(), metricName(change.metric()),
                    spread(change.metric(), change.base()), spread(change.metric(), change.current()), change.changeText()));
            }
            table.appendTo(out);
        }
        footnotes(out, comparison, allRows, "");
        out.append('\n').append(comparison.verdictLine()).append('\n');
        return out.toString();
    }

    /** A Markdown section to paste into a pull request: verdict first, then the table, the rule and the lists. */
    public static String markdown(final Comparison comparison, final boolean allRows)
    {
        final StringBuilder out = new StringBuilder();
        out.append("### ipcbench compare: ").append(comparison.regressed() ? "REGRESSION" : "OK").append("\n\n");
        out.append("**").append(comparison.verdictLine()).append("**\n\n");
        out.append("Base `").append(comparison.base().runId()).append("` -> current `").append(comparison.current().runId())
            .append("`, threshold ").append(comparison.thresholdText()).append(".\n\n");
        for (final String warning : comparison.warnings())
        {
            out.append("> Warning: ").append(warning).append("\n\n");
        }
        final List<Change> rows = rows(comparison, allRows);
        if (rows.isEmpty())
        {
            out.append("No figure moved by more than ").append(comparison.thresholdText()).append(".\n");
        }
        else
        {
            out.append("| verdict | series | mode | size | metric | base median [min-max] | current median [min-max] | change |\n");
            out.append("|---|---|---|---:|---|---:|---:|---:|\n");
            for (final Change change : rows)
            {
                final PointKey point = change.point();
                final String verdict = change.verdict() == Verdict.REGRESSION ? "**REGRESSION**" : change.verdict().label();
                out.append("| ").append(verdict).append(" | ").append(cell(point.series().toString())).append(" | ")
                    .append(point.mode().label()).append(" | ").append(Sizes.format(point.payloadBytes())).append(" | ")
                    .append(metricName(change.metric())).append(" | ").append(spread(change.metric(), change.base())).append(" | ")
                    .append(spread(change.metric(), change.current())).append(" | ").append(change.changeText()).append(" |\n");
            }
        }
        out.append('\n');
        final StringBuilder notes = new StringBuilder();
        footnotes(notes, comparison, allRows, "- ");
        if (notes.length() > 0)
        {
            out.append(notes).append('\n');
        }
        out.append("Rule: ").append(comparison.rule()).append('\n');
        return out.toString();
    }

    /**
     * One tracker array: every compared figure whose better direction is {@code bigger} (higher is
     * better) or not, plus the figures of points only the current run has. {@code value} is the
     * current median, {@code range} the current repetitions' min-max, {@code extra} the base and the verdict.
     */
    public static String json(final Comparison comparison, final boolean bigger)
    {
        final List<Map<String, Object>> entries = new ArrayList<>();
        final List<Change> ordered = new ArrayList<>(comparison.changes());
        ordered.sort(Comparator.comparing(Change::point, PointKey.ORDER).thenComparing(Change::metric));
        for (final Change change : ordered)
        {
            if (change.metric().higherIsBetter() == bigger)
            {
                entries.add(entry(change.point(), change.metric(), change.current(),
                    "base " + Comparison.number(change.base().median()) + " [" + Comparison.number(change.base().min()) + "-" +
                        Comparison.number(change.base().max()) + "] " + change.metric().unit() + ", change " + change.changeText() +
                        ": " + change.verdict().label() + (change.gating() ? "" : " (informational)") +
                        "; n " + change.base().count() + " -> " + change.current().count()));
            }
        }
        for (final PointKey point : comparison.added())
        {
            for (final Map.Entry<Metric, Spread> figure : comparison.current().points().get(point).entrySet())
            {
                if (figure.getKey().higherIsBetter() == bigger)
                {
                    entries.add(entry(point, figure.getKey(), figure.getValue(), "added: not in base run " + comparison.base().runId()));
                }
            }
        }
        try
        {
            return JSON.writeValueAsString(entries) + "\n";
        }
        catch (final JsonProcessingException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static Map<String, Object> entry(final PointKey point, final Metric metric, final Spread current, final String extra)
    {
        final Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", point + " " + metric.key());
        entry.put("unit", metric.unit());
        entry.put("value", current.median());
        entry.put("range", Comparison.number(current.min()) + "-" + Comparison.number(current.max()));
        entry.put("extra", extra);
        return entry;
    }

    private static List<Change> rows(final Comparison comparison, final boolean allRows)
    {
        return comparison.changes().stream()
            .filter(change -> allRows || comparison.listed(change))
            .collect(Collectors.toList());
    }

    private static void footnotes(final StringBuilder out, final Comparison comparison, final boolean allRows, final String bullet)
    {
        final int unchanged = comparison.with(Verdict.UNCHANGED).size();
        if (!allRows && unchanged > 0)
        {
            out.append(bullet).append(unchanged).append(unchanged == 1 ? " figure" : " figures").append(" moved by no more than ")
                .append(comparison.thresholdText()).append(" and are not listed (--all-rows lists every figure).\n");
        }
        final long hidden = comparison.changes().stream()
            .filter(change -> change.verdict() != Verdict.UNCHANGED && !comparison.listed(change))
            .count();
        if (!allRows && hidden > 0)
        {
            out.append(bullet).append(hidden).append(hidden == 1 ? " other informational figure" : " other informational figures")
                .append(" (CPU time and context switches per message, page faults, other percentiles) moved beyond the threshold and ")
                .append(hidden == 1 ? "is" : "are").append(" not listed (--all-rows lists them).\n");
        }
        final long single = comparison.changes().stream()
            .filter(change -> (allRows ? change.verdict() != Verdict.UNCHANGED : comparison.listed(change)) && change.unassessedSpread())
            .count();
        if (single > 0)
        {
            out.append(bullet).append(single).append(single == 1 ? " listed figure has" : " listed figures have")
                .append(" a single repetition in one run: with no spread to judge by, a change beyond the threshold counts as beyond the spread.\n");
        }
        if (!comparison.added().isEmpty())
        {
            out.append(bullet).append("Added (only in current, not compared): ").append(points(comparison.added())).append('\n');
        }
        if (!comparison.removed().isEmpty())
        {
            out.append(bullet).append("Removed (only in base, not compared): ").append(points(comparison.removed())).append('\n');
        }
        for (final String line : comparison.onlyInOne())
        {
            out.append(bullet).append("Not compared: ").append(line).append('\n');
        }
    }

    private static String points(final List<PointKey> points)
    {
        return points.stream().map(PointKey::toString).collect(Collectors.joining(", "));
    }

    private static String metricName(final Metric metric)
    {
        return metric.key() + " (" + Format.unit(metric) + ")";
    }

    private static String spread(final Metric metric, final Spread spread)
    {
        return Format.spread(metric, spread);
    }

    private static String cell(final String text)
    {
        return text.replace("|", "\\|");
    }

    /** Appends {@code text} broken at spaces to lines of at most {@link #WIDTH}, continuation lines indented. */
    private static void wrap(final StringBuilder out, final String text, final String indent)
    {
        int start = 0;
        String prefix = "";
        while (text.length() - start + prefix.length() > WIDTH)
        {
            int cut = text.lastIndexOf(' ', start + WIDTH - prefix.length());
            if (cut <= start)
            {
                cut = text.indexOf(' ', start + WIDTH - prefix.length());
                if (cut < 0)
                {
                    break;
                }
            }
            out.append(prefix).append(text, start, cut).append('\n');
            start = cut + 1;
            prefix = indent;
        }
        out.append(prefix).append(text.substring(start)).append('\n');
    }
}
