package io.ipcbench.harness.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.ipcbench.harness.stats.BreakEven;
import io.ipcbench.harness.stats.Metric;
import io.ipcbench.harness.stats.Spread;
import io.ipcbench.harness.sweep.Analysis;
import io.ipcbench.harness.sweep.Batching;
import io.ipcbench.harness.sweep.PointKey;
import io.ipcbench.harness.sweep.PointRecord;
import io.ipcbench.harness.sweep.RepMetrics;
import io.ipcbench.harness.sweep.RepResult;
import io.ipcbench.harness.sweep.Series;
import io.ipcbench.harness.sweep.Sizes;
import io.ipcbench.transport.TransportKind;
import io.ipcbench.transport.control.Mode;
import io.ipcbench.transport.wait.WaitStrategy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The parts of the summary that explain the figures with their costs: CPU time, system calls
 * and cores per message, batching's amortisation, the fixed-rate warnings, the plain answer to
 * "when does blocking shared memory beat a socket, and what does spinning buy", and where the
 * measuring threads did not run where they were pinned.
 */
final class CostReport
{
    private CostReport()
    {
    }

    /** Per mode: for the smallest and largest size, each series' CPU per message, system calls and cores busy. */
    static void table(final StringBuilder out, final Collection<PointRecord> records, final Mode mode)
    {
        final Map<Series, Map<Integer, PointRecord>> grid = new TreeMap<>(Series.ORDER);
        final TreeSet<Integer> sizes = new TreeSet<>();
        for (final PointRecord record : records)
        {
            if (record.key().mode() == mode && record.successes() > 0)
            {
                grid.computeIfAbsent(record.key().series(), s -> new TreeMap<>()).put(record.key().payloadBytes(), record);
                sizes.add(record.key().payloadBytes());
            }
        }
        if (grid.isEmpty())
        {
            return;
        }
        final List<Integer> shown = sizes.size() == 1 ? List.of(sizes.first()) : List.of(sizes.first(), sizes.last());
        if (mode == Mode.RATE)
        {
            rateTable(out, grid, shown);
            return;
        }
        out.append('\n').append("Cost per message, ").append(mode.label())
            .append(": CPU time (user+system, producer+consumer), system calls and cores kept busy (producer/consumer); medians\n");
        costTable(out, grid, shown, List.of(
            new Column(size -> "CPU/msg @" + Sizes.format(size), CostReport::cpuPerMessage),
            new Column(size -> "syscalls/msg", record -> pair(record, Metric.PRODUCER_SYSCALLS, Metric.CONSUMER_SYSCALLS, "%.1f")),
            new Column(size -> "cores", record -> pair(record, Metric.PRODUCER_CPU, Metric.CONSUMER_CPU, "%.2f"))));
    }

    /** A column of a cost table, repeated for every size shown: its heading at a size, and its cell of a point. */
    private record Column(IntFunction<String> header, Function<PointRecord, String> cell)
    {
    }

    /** A cost table: a row per series, the columns at each size shown, then the windows too short for CPU figures. */
    private static void costTable(
        final StringBuilder out, final Map<Series, Map<Integer, PointRecord>> grid, final List<Integer> shown, final List<Column> columns)
    {
        final List<List<String>> rows = new ArrayList<>();
        final List<String> header = new ArrayList<>(List.of("series"));
        for (final int size : shown)
        {
            columns.forEach(column -> header.add(column.header().apply(size)));
        }
        rows.add(header);
        for (final Map.Entry<Series, Map<Integer, PointRecord>> series : grid.entrySet())
        {
            final List<String> row = new ArrayList<>(List.of(series.getKey().toString()));
            for (final int size : shown)
            {
                final PointRecord record = series.getValue().get(size);
                columns.forEach(column -> row.add(record == null ? "-" : column.cell().apply(record)));
            }
            rows.add(row);
        }
        TerminalReport.align(out, rows);
        windowNotes(out, grid, shown);
        spinNotes(out, grid, shown);
    }

    /** Below the threads' share of a core that a spinning reader with its CPU to itself keeps (it never sleeps). */
    static final double SPIN_SHARE = 0.9;

    /**
     * Under a cost table: the spinning readers that kept well under a whole core busy. A reader that
     * spins takes its CPU whenever the scheduler lets it; less means other work ran there, and the
     * point's figures were measured on a shared CPU.
     */
    private static void spinNotes(final StringBuilder out, final Map<Series, Map<Integer, PointRecord>> grid, final List<Integer> shown)
    {
        final List<String> shortOfACore = new ArrayList<>();
        for (final Map.Entry<Series, Map<Integer, PointRecord>> series : grid.entrySet())
        {
            if (series.getKey().waitStrategy() != WaitStrategy.SPIN)
            {
                continue;
            }
            for (final int size : shown)
            {
                final PointRecord record = series.getValue().get(size);
                final Spread cores = record == null ? null : record.spread(Metric.CONSUMER_CPU);
                if (cores != null && cores.median() < SPIN_SHARE)
                {
                    shortOfACore.add(String.format(Locale.ROOT, "%s %.2f at %s", series.getKey(), cores.median(), Sizes.format(size)));
                }
            }
        }
        if (!shortOfACore.isEmpty())
        {
            out.append("  note: spinning readers that kept less than a whole core busy (their CPU was shared: the JVM's own threads, ")
                .append("the harness, the hypervisor): ").append(String.join(", ", shortOfACore)).append('\n');
        }
    }

    /**
     * Rate mode: the producer spins until each message's scheduled time, so its thread keeps a core
     * busy whatever the transport, and its CPU per message is the pacing (1/rate), not the cost of
     * sending. The table shows the consumer's CPU per message as the transport's cost, and the
     * producer's cores apart, labelled as pacing; run.json keeps both sides' raw figures.
     */
    private static void rateTable(final StringBuilder out, final Map<Series, Map<Integer, PointRecord>> grid, final List<Integer> shown)
    {
        out.append('\n').append("Cost per message, rate: the consumer's CPU time (user+system), system calls and cores kept busy; medians.\n")
            .append("The producer spins until each scheduled send, so its thread takes all the CPU it is given whatever\n")
            .append("the transport: its CPU measures the pacing, not the transport, and is shown only as its cores (pacing).\n")
            .append("A consumer that busy-spins (agrona/spin, chronicle/spin) burns its core while it waits too, so its\n")
            .append("CPU per message is about 1/rate.\n");
        costTable(out, grid, shown, List.of(
            new Column(size -> "consumer CPU/msg @" + Sizes.format(size),
                record -> cpuPerMessage(record, Metric.CONSUMER_USER_NS, Metric.CONSUMER_SYS_NS)),
            new Column(size -> "syscalls/msg", record -> single(record, Metric.CONSUMER_SYSCALLS, "%.1f")),
            new Column(size -> "consumer cores", record -> single(record, Metric.CONSUMER_CPU, "%.2f")),
            new Column(size -> "producer cores (pacing)", record -> single(record, Metric.PRODUCER_CPU, "%.2f"))));
    }

    /** Under a cost table: the points whose CPU figures were withheld because a side's window was too short to measure them. */
    private static void windowNotes(final StringBuilder out, final Map<Series, Map<Integer, PointRecord>> grid, final List<Integer> shown)
    {
        final List<String> notes = new ArrayList<>();
        for (final Map<Integer, PointRecord> column : grid.values())
        {
            for (final int size : shown)
            {
                final PointRecord record = column.get(size);
                if (record == null)
                {
                    continue;
                }
                for (final RepResult rep : record.repetitions())
                {
                    if (!rep.ok())
                    {
                        continue;
                    }
                    final String producer = RepMetrics.cpuWindowTooShort(rep.producer());
                    final String consumer = RepMetrics.cpuWindowTooShort(rep.consumer());
                    if (producer != null || consumer != null)
                    {
                        notes.add("    " + record.key() + " repetition " + rep.repetition() + ": " +
                            (producer == null ? "" : "producer " + producer) + (producer != null && consumer != null ? "; " : "") +
                            (consumer == null ? "" : "consumer " + consumer));
                    }
                }
            }
        }
        if (!notes.isEmpty())
        {
            out.append(String.format(Locale.ROOT, "  CPU figures withheld (shown as - or n/a): a thread's CPU clock (getrusage) can lag by " +
                "up to a scheduler tick (1-10 ms), so a window under %d ms cannot be measured:\n", RepMetrics.MIN_CPU_WINDOW_NS / 1_000_000));
            notes.stream().limit(20).forEach(line -> out.append(line).append('\n'));
            if (notes.size() > 20)
            {
                out.append("    ... and ").append(notes.size() - 20).append(" more\n");
            }
        }
    }

    private static String single(final PointRecord record, final Metric metric, final String format)
    {
        final Spread spread = record.spread(metric);
        return spread == null ? "n/a" : String.format(Locale.ROOT, format, spread.median());
    }

    private static String cpuPerMessage(final PointRecord record)
    {
        return cpuPerMessage(record, Metric.PRODUCER_USER_NS, Metric.PRODUCER_SYS_NS, Metric.CONSUMER_USER_NS, Metric.CONSUMER_SYS_NS);
    }

    private static String cpuPerMessage(final PointRecord record, final Metric... metrics)
    {
        double total = 0;
        for (final Metric metric : metrics)
        {
            final Spread spread = record.spread(metric);
            if (spread == null)
            {
                return "-";
            }
            total += spread.median();
        }
        return Format.micros(total) + " us";
    }

    private static String pair(final PointRecord record, final Metric producer, final Metric consumer, final String format)
    {
        final Spread p = record.spread(producer);
        final Spread c = record.spread(consumer);
        if (p == null || c == null)
        {
            return "n/a";
        }
        return String.format(Locale.ROOT, format, p.median()) + "/" + String.format(Locale.ROOT, format, c.median());
    }

    /** Rate mode: say where the producer could not hold the rate asked, with the rate it did hold. */
    static void rateWarnings(final StringBuilder out, final Collection<PointRecord> records)
    {
        final List<String> lines = new ArrayList<>();
        for (final PointRecord record : records)
        {
            for (final RepResult rep : record.repetitions())
            {
                if (rep.ok() && record.key().mode() == Mode.RATE)
                {
                    final double target = rep.producer().path("target_rate").asDouble();
                    final double achieved = rep.producer().path("achieved_rate").asDouble();
                    if (target > 0 && achieved < 0.98 * target)
                    {
                        lines.add(String.format(Locale.ROOT, "  %s repetition %d: asked for %.0f msg/s, held %.0f msg/s (%.0f%%); "
                            + "latencies are measured from the scheduled times, so the backlog is in them",
                            record.key(), rep.repetition(), target, achieved, 100 * achieved / target));
                    }
                }
            }
        }
        if (!lines.isEmpty())
        {
            out.append("\nWarning: the fixed rate was not held:\n");
            lines.forEach(line -> out.append(line).append('\n'));
        }
    }

    /** Stream batching: T(K) = C/K + c per transport and size. */
    static void batching(final StringBuilder out, final Collection<PointRecord> records)
    {
        final List<Batching.Fit> fits = Batching.fits(records);
        if (fits.isEmpty())
        {
            return;
        }
        out.append("\nBatching (stream): time per message T(K) = C/K + c for K messages per write or commit;\n")
            .append("C is what one crossing costs (shared by the batch), c what each message costs on its own;\n")
            .append("a negative C means batching bought nothing measurable at that size; R^2 needs ")
            .append(Batching.MIN_BATCHES_FOR_R_SQUARED).append(" or more values of K\n")
            .append("(through two, the line is exact by construction and says nothing about how well T(K) holds)\n");
        final List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("series", "size", "K", "C per crossing", "c per message", "R^2"));
        for (final Batching.Fit fit : fits)
        {
            rows.add(List.of(fit.series(), Sizes.format(fit.payloadBytes()), fit.batches().toString().replace(" ", ""),
                Format.micros(fit.crossingNs()) + " us", Format.micros(fit.perMessageNs()) + " us",
                fit.exactByConstruction() ? "- (exact: " + fit.batches().size() + " K)" : String.format(Locale.ROOT, "%.3f", fit.rSquared())));
        }
        TerminalReport.align(out, rows);
    }

    /**
     * The question the tool exists for, answered from this run's break-even findings: at which size
     * shared memory with blocking (futex) waits overtakes a Unix domain socket, and what
     * busy-spinning buys over blocking, in latency and in cores.
     */
    static void sharedMemoryAnswer(final StringBuilder out, final Collection<PointRecord> records)
    {
        final List<String> lines = new ArrayList<>(blockingAnswers(records));
        lines.addAll(spinAnswers(records));
        if (!lines.isEmpty())
        {
            out.append("\nShared memory against a socket:\n");
            lines.forEach(line -> out.append("  ").append(line).append('\n'));
        }
    }

    /**
     * Per mode and shared-memory transport, where it overtakes a Unix domain socket with blocking
     * (futex) waits, or that it never does; each sentence starts with the mode, as in
     * {@code pingpong: agrona/futex (blocking waits) and uds change places at ~314 KiB: ...}.
     * The summary and report.html both print these.
     */
    static List<String> blockingAnswers(final Collection<PointRecord> records)
    {
        final List<String> lines = new ArrayList<>();
        final String socket = new Series(TransportKind.UDS, WaitStrategy.KERNEL, 1).toString();
        for (final Analysis.ModeFindings mode : Analysis.breakEven(records))
        {
            for (final TransportKind shm : new TransportKind[] {TransportKind.AGRONA, TransportKind.CHRONICLE})
            {
                final String blocking = new Series(shm, WaitStrategy.FUTEX, 1).toString();
                for (final BreakEven.Finding finding : mode.findings())
                {
                    final boolean pair = finding.a().equals(blocking) && finding.b().equals(socket) ||
                        finding.a().equals(socket) && finding.b().equals(blocking);
                    if (pair)
                    {
                        lines.add(mode.mode().label() + ": " + blockingSentence(finding, blocking, socket));
                    }
                }
            }
        }
        return lines;
    }

    /**
     * Per mode and shared-memory transport, what busy-spinning buys over futex waits at the
     * smallest size both were measured at, in the headline figure and in cores kept busy. The
     * summary and report.html both print these.
     */
    static List<String> spinAnswers(final Collection<PointRecord> records)
    {
        final List<String> lines = new ArrayList<>();
        for (final Mode mode : new Mode[] {Mode.PINGPONG, Mode.STREAM})
        {
            for (final TransportKind shm : new TransportKind[] {TransportKind.AGRONA, TransportKind.CHRONICLE})
            {
                final String sentence = spinSentence(records, mode, shm);
                if (sentence != null)
                {
                    lines.add(mode.label() + ": " + sentence);
                }
            }
        }
        return lines;
    }

    private static String blockingSentence(final BreakEven.Finding finding, final String blocking, final String socket)
    {
        switch (finding.kind())
        {
            case CROSSOVER:
                return String.format(Locale.ROOT, "%s (blocking waits) and %s change places at ~%s: %s is better below, %s above",
                    blocking, socket, Sizes.formatApprox(finding.sizeBytes()), finding.belowWinner(), finding.aboveWinner());
            case NO_CROSSOVER:
                return String.format(Locale.ROOT, "%s is better than %s at every size measured (by %s to %s): %s",
                    finding.belowWinner(), finding.belowWinner().equals(blocking) ? socket : blocking,
                    BreakEven.ratio(finding.belowRatio()), BreakEven.ratio(finding.aboveRatio()),
                    finding.belowWinner().equals(blocking) ? "blocking shared memory overtakes the socket below the smallest size swept"
                        : "blocking shared memory never overtakes the socket in this range");
            default:
                return finding.text();
        }
    }

    /** What spinning buys over futex waits for one shared-memory transport, at the smallest size both have. */
    private static String spinSentence(final Collection<PointRecord> records, final Mode mode, final TransportKind shm)
    {
        PointRecord spin = null;
        PointRecord futex = null;
        for (final PointRecord record : records)
        {
            final PointKey key = record.key();
            if (key.mode() != mode || key.transport() != shm || key.batch() != 1 || record.successes() == 0)
            {
                continue;
            }
            if (key.waitStrategy() == WaitStrategy.SPIN && (spin == null || key.payloadBytes() < spin.key().payloadBytes()))
            {
                spin = record;
            }
        }
        if (spin == null)
        {
            return null;
        }
        for (final PointRecord record : records)
        {
            final PointKey key = record.key();
            if (key.mode() == mode && key.transport() == shm && key.batch() == 1 && key.waitStrategy() == WaitStrategy.FUTEX &&
                key.payloadBytes() == spin.key().payloadBytes() && record.successes() > 0)
            {
                futex = record;
            }
        }
        if (futex == null)
        {
            return null;
        }
        final Metric metric = Metric.headline(mode);
        final double spinValue = spin.spread(metric).median();
        final double futexValue = futex.spread(metric).median();
        final double ratio = metric.higherIsBetter() ? spinValue / futexValue : futexValue / spinValue;
        final Spread spinSpread = spin.spread(metric);
        final Spread futexSpread = futex.spread(metric);
        // the same rule as the break-even lines: a difference whose repetitions overlap is not claimed
        final boolean overlap = spinSpread.count() > 1 && futexSpread.count() > 1 &&
            spinSpread.min() <= futexSpread.max() && futexSpread.min() <= spinSpread.max();
        return String.format(Locale.ROOT, "at %s, %s/spin gives %s (%s) against %s with futex waits (%s%s), and keeps %s cores busy against %s",
            Sizes.format(spin.key().payloadBytes()), shm.label(), Format.value(metric, spinValue) + " " + Format.unit(metric),
            metric.description(), Format.value(metric, futexValue) + " " + Format.unit(metric),
            ratio >= 1 ? BreakEven.ratio(ratio) + " better" : BreakEven.ratio(1 / ratio) + " worse",
            overlap ? " by the medians, within noise: the repetitions overlap" : "",
            cores(spin), cores(futex));
    }

    private static String cores(final PointRecord record)
    {
        final Spread p = record.spread(Metric.PRODUCER_CPU);
        final Spread c = record.spread(Metric.CONSUMER_CPU);
        return p == null || c == null ? "?" : String.format(Locale.ROOT, "%.2f", p.median() + c.median());
    }

    /** Repetitions whose measuring threads did not stay on the CPUs they were pinned to, or shared one. */
    static void placementWarnings(final StringBuilder out, final Collection<PointRecord> records)
    {
        int checked = 0;
        final List<String> problems = new ArrayList<>();
        for (final PointRecord record : records)
        {
            for (final RepResult rep : record.repetitions())
            {
                if (!rep.ok())
                {
                    continue;
                }
                checked++;
                final JsonNode p = rep.producer().path("placement");
                final JsonNode c = rep.consumer().path("placement");
                final String problem = placementProblem(p, c);
                if (problem != null)
                {
                    problems.add("  " + record.key() + " repetition " + rep.repetition() + ": " + problem);
                }
            }
        }
        if (!problems.isEmpty())
        {
            out.append("\nWarning: ").append(problems.size()).append(" of ").append(checked)
                .append(" repetitions did not run where they were pinned:\n");
            problems.stream().limit(20).forEach(line -> out.append(line).append('\n'));
        }
    }

    /** Null when both sides ran pinned on distinct CPUs as asked (or were not pinned on purpose). */
    public static String placementProblem(final JsonNode producer, final JsonNode consumer)
    {
        final int pAsked = producer.path("cpu_requested").asInt(-1);
        final int cAsked = consumer.path("cpu_requested").asInt(-1);
        if (pAsked < 0 && cAsked < 0)
        {
            return null;
        }
        final String pAffinity = producer.path("affinity").asText();
        final String cAffinity = consumer.path("affinity").asText();
        if (!pAffinity.equals(Integer.toString(pAsked)) || !cAffinity.equals(Integer.toString(cAsked)))
        {
            return "affinity in effect producer " + pAffinity + ", consumer " + cAffinity + " (asked " + pAsked + " and " + cAsked + ")";
        }
        for (final String field : new String[] {"cpu_at_start", "cpu_at_end"})
        {
            if (producer.path(field).asInt(-1) != pAsked || consumer.path(field).asInt(-1) != cAsked)
            {
                return "ran on CPUs producer " + producer.path(field).asInt(-1) + ", consumer " + consumer.path(field).asInt(-1) +
                    " (" + field.replace('_', ' ') + ")";
            }
        }
        return null;
    }
}
