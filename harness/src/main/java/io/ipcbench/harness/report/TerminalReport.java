package io.ipcbench.harness.report;

import io.ipcbench.harness.stats.BreakEven;
import io.ipcbench.harness.stats.Metric;
import io.ipcbench.harness.stats.Spread;
import io.ipcbench.harness.sweep.Analysis;
import io.ipcbench.harness.sweep.PointRecord;
import io.ipcbench.harness.sweep.RepResult;
import io.ipcbench.harness.sweep.Series;
import io.ipcbench.harness.sweep.Sizes;
import io.ipcbench.transport.control.Mode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The summary printed when a sweep ends (and saved as summary.txt): per mode a table of the
 * headline figure by size and series, each as median [min-max] over the repetitions, then the
 * break-even statements and any failures.
 */
public final class TerminalReport
{
    private TerminalReport()
    {
    }

    public static String render(final String runId, final Collection<PointRecord> records, final int repeat)
    {
        final StringBuilder out = new StringBuilder();
        for (final Mode mode : Mode.values())
        {
            table(out, records, mode, Metric.headline(mode), repeat);
            if (mode == Mode.RATE)
            {
                table(out, records, mode, Metric.OWL_P9999, repeat);
            }
        }
        for (final Mode mode : Mode.values())
        {
            CostReport.table(out, records, mode);
        }
        CostReport.rateWarnings(out, records);
        CostReport.batching(out, records);
        breakEven(out, records);
        CostReport.sharedMemoryAnswer(out, records);
        CostReport.placementWarnings(out, records);
        failures(out, records);
        return out.toString();
    }

    /** One table: rows are sizes, columns series; a cell is median [min-max]. */
    public static void table(final StringBuilder out, final Collection<PointRecord> records, final Mode mode, final Metric metric, final int repeat)
    {
        final Map<Series, Map<Integer, PointRecord>> grid = new TreeMap<>(Series.ORDER);
        final TreeSet<Integer> sizes = new TreeSet<>();
        for (final PointRecord record : records)
        {
            if (record.key().mode() == mode && !record.repetitions().isEmpty())
            {
                grid.computeIfAbsent(record.key().series(), s -> new TreeMap<>()).put(record.key().payloadBytes(), record);
                sizes.add(record.key().payloadBytes());
            }
        }
        if (grid.isEmpty())
        {
            return;
        }
        out.append('\n').append(title(mode, metric)).append(", ").append(Format.unit(metric))
            .append(": median [min-max] of ").append(repetitions(grid, repeat))
            .append(metric.higherIsBetter() ? " (higher is better)" : " (lower is better)").append('\n');
        final List<List<String>> rows = new ArrayList<>();
        final List<String> header = new ArrayList<>();
        header.add("size");
        grid.keySet().forEach(series -> header.add(series.toString()));
        rows.add(header);
        // empty messages carry 0 MB/s on every transport: their row says how many messages went instead
        final boolean emptyInMessages = sizes.contains(0) && Metric.atSize(metric, 0) != metric;
        for (final int size : sizes)
        {
            final List<String> row = new ArrayList<>();
            row.add(Sizes.format(size));
            for (final Map<Integer, PointRecord> column : grid.values())
            {
                final PointRecord record = column.get(size);
                row.add(size == 0 && emptyInMessages ? messagesCell(record, Metric.atSize(metric, 0)) : cell(record, metric));
            }
            rows.add(row);
        }
        align(out, rows);
        if (emptyInMessages)
        {
            out.append("  (0 B messages carry no payload: that row is in messages per second)\n");
        }
    }

    /**
     * How many repetitions the table's points ran: {@code 3 repetitions}, or for a run that stopped
     * early {@code 1 repetition (3 asked)} or {@code 1 to 3 repetitions (3 asked)}.
     */
    static String repetitions(final Map<Series, Map<Integer, PointRecord>> grid, final int repeat)
    {
        final IntSummaryStatistics ran = grid.values().stream().flatMap(column -> column.values().stream())
            .mapToInt(record -> record.repetitions().size()).summaryStatistics();
        final String counted = ran.getMin() == ran.getMax() ?
            ran.getMin() + (ran.getMin() == 1 ? " repetition" : " repetitions") : ran.getMin() + " to " + ran.getMax() + " repetitions";
        return ran.getMin() == repeat && ran.getMax() == repeat ? counted : counted + " (" + repeat + " asked)";
    }

    private static String messagesCell(final PointRecord record, final Metric metric)
    {
        final String cell = cell(record, metric);
        return record == null || record.spread(metric) == null ? cell : cell + " " + Format.unit(metric);
    }

    private static String cell(final PointRecord record, final Metric metric)
    {
        if (record == null)
        {
            return "-";
        }
        final Spread spread = record.spread(metric);
        final long failed = record.repetitions().size() - record.successes();
        if (spread == null)
        {
            return failed > 0 ? "FAILED" : "-";
        }
        return Format.spread(metric, spread) + (failed > 0 ? " (" + failed + " failed)" : "");
    }

    static String title(final Mode mode, final Metric metric)
    {
        switch (mode)
        {
            case PINGPONG:
                return "Ping-pong: " + metric.description();
            case STREAM:
                return "Stream: " + metric.description();
            default:
                return "Fixed rate: " + metric.description();
        }
    }

    public static void align(final StringBuilder out, final List<List<String>> rows)
    {
        final int columns = rows.get(0).size();
        final int[] widths = new int[columns];
        for (final List<String> row : rows)
        {
            for (int i = 0; i < columns; i++)
            {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (final List<String> row : rows)
        {
            final StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < columns; i++)
            {
                final String cell = row.get(i);
                if (i == 0)
                {
                    line.append(cell).append(" ".repeat(widths[i] - cell.length()));
                }
                else
                {
                    line.append("   ").append(" ".repeat(widths[i] - cell.length())).append(cell);
                }
            }
            out.append(line.toString().replaceAll("\\s+$", "")).append('\n');
        }
    }

    static void breakEven(final StringBuilder out, final Collection<PointRecord> records)
    {
        final List<Analysis.ModeFindings> all = Analysis.breakEven(records);
        if (all.isEmpty())
        {
            return;
        }
        out.append("\nBreak-even (where one transport overtakes another as messages grow; judged on the median,\n")
            .append("claimed only where the repetitions' ranges do not overlap on both sides):\n");
        for (final Analysis.ModeFindings mode : all)
        {
            out.append("  ").append(mode.mode().label()).append(" (").append(mode.metric().description()).append("):\n");
            for (final BreakEven.Kind kind : BreakEven.Kind.values())
            {
                for (final BreakEven.Finding finding : mode.findings())
                {
                    if (finding.kind() == kind)
                    {
                        // the heading above names the metric: the line need not
                        out.append("    ").append(marker(kind)).append(' ').append(Format.withoutMetric(finding.text())).append('\n');
                    }
                }
            }
        }
    }

    private static String marker(final BreakEven.Kind kind)
    {
        switch (kind)
        {
            case CROSSOVER:
                return "X";
            case WITHIN_NOISE:
            case UNASSESSED:
                return "~";
            default:
                return "-";
        }
    }

    static void failures(final StringBuilder out, final Collection<PointRecord> records)
    {
        final List<String> lines = new ArrayList<>();
        for (final PointRecord record : records)
        {
            for (final RepResult rep : record.repetitions())
            {
                if (!rep.ok())
                {
                    // the failure text starts with the point and repetition already
                    lines.add("  " + rep.failure());
                }
            }
        }
        if (!lines.isEmpty())
        {
            out.append("\nFailed points (").append(lines.size()).append("):\n");
            lines.forEach(line -> out.append(line).append('\n'));
        }
    }
}
