package io.ipcbench.harness.model;

import io.ipcbench.harness.calibrate.Calibration;
import io.ipcbench.harness.report.Format;
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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A fixed + per-byte cost for every series of a run, and what it says about the break-evens.
 *
 * <p>For each series (transport, wait strategy, batch) and mode, the latency of a message of S
 * payload bytes is fitted to {@code a + b * S}: ping-pong's round-trip p50 in ns, and stream's
 * time per message, {@code 1e9 / msgs_per_s} ns. {@code a} is what a message costs before its
 * first byte (the boundary crossings, system calls and wake-ups), {@code b} what each byte adds
 * (the copies, and the checksum). The fit is Theil–Sen over every successful repetition at every
 * size, with a 95% bootstrap interval (see {@link LineFit}); each repetition is also fitted alone.
 *
 * <p>Two lines cross where {@code S* = (a2 - a1) / (b1 - b2)}, when that is positive and finite:
 * below it the series with the lower fixed cost wins, above it the one with the lower per-byte
 * cost. The model sets that beside the crossover the sweep measured, and explains each
 * break-even in system calls and copies using a calibration's measured costs, or from the fits
 * alone when there is no calibration.
 */
public final class CostModel
{
    /** The modes that have a cost per message to fit. Rate mode holds the send rate fixed and is left out. */
    public static final List<Mode> MODES = List.of(Mode.PINGPONG, Mode.STREAM);

    /** Copies of the payload per round trip (ping-pong) or per message (stream): every transport copies in and out, each way. */
    static final int COPIES_PER_ROUND_TRIP = 4;
    static final int COPIES_PER_MESSAGE = 2;

    /** Below this share of bootstrap resamples in which the lines cross, a predicted crossover gets no interval. */
    static final double CROSSING_SHARE_FOR_INTERVAL = 0.95;

    /**
     * Where the lines of two series of one mode cross.
     *
     * @param sizeBytes the predicted crossover S*, NaN when the lines do not cross at a positive size.
     * @param interval 95% bootstrap interval of S* over the resamples in which the lines cross, or null.
     * @param crossingShare the share of bootstrap resamples in which the lines cross at a positive size.
     */
    public record Crossover(Mode mode, SeriesFit first, SeriesFit second, double sizeBytes, double[] interval, double crossingShare)
    {
        public boolean crosses()
        {
            return Double.isFinite(sizeBytes);
        }

        /** The series with the lower fixed cost: the lines say it is better below the crossover. */
        public SeriesFit lowerFixed()
        {
            return first.fixedNs() <= second.fixedNs() ? first : second;
        }

        /** The series with the lower per-byte cost: the lines say it is better above the crossover. */
        public SeriesFit lowerPerByte()
        {
            return first.perByteNs() <= second.perByteNs() ? first : second;
        }

        /** Whether both lines have enough points for the crossover's interval to be assessed. */
        public boolean intervalAssessed()
        {
            return first.intervalsAssessed() && second.intervalsAssessed();
        }

        /**
         * Why the lines predict nothing for this pair ({@code uds's line does not fit: latency falls with size here}),
         * or null when both lines are costs.
         */
        public String misfit()
        {
            final List<String> reasons = new ArrayList<>();
            for (final SeriesFit fit : List.of(first, second))
            {
                if (!fit.isCost())
                {
                    reasons.add(fit.name() + "'s " + fit.misfit().replaceFirst("^the line", "line"));
                }
            }
            return reasons.isEmpty() ? null : String.join("; ", reasons);
        }
    }

    private final List<SeriesFit> fits;

    private CostModel(final List<SeriesFit> fits)
    {
        this.fits = fits;
    }

    /**
     * Fits every series of every mode in {@link #MODES} that has successful repetitions at two or
     * more sizes; the others are left out.
     */
    public static CostModel fit(final Collection<PointRecord> records)
    {
        final List<SeriesFit> fits = new ArrayList<>();
        for (final Mode mode : MODES)
        {
            final Map<Series, List<PointRecord>> bySeries = new TreeMap<>(Series.ORDER);
            for (final PointRecord record : records)
            {
                if (record.key().mode() == mode)
                {
                    bySeries.computeIfAbsent(record.key().series(), s -> new ArrayList<>()).add(record);
                }
            }
            for (final Map.Entry<Series, List<PointRecord>> entry : bySeries.entrySet())
            {
                final SeriesFit fit = fitSeries(mode, entry.getKey(), entry.getValue());
                if (fit != null)
                {
                    fits.add(fit);
                }
            }
        }
        return new CostModel(fits);
    }

    private static SeriesFit fitSeries(final Mode mode, final Series series, final List<PointRecord> records)
    {
        final List<double[]> points = new ArrayList<>();
        final Map<Integer, List<double[]>> byRepetition = new TreeMap<>();
        PointRecord smallest = null;
        PointRecord largest = null;
        for (final PointRecord record : records)
        {
            boolean measured = false;
            for (final RepResult rep : record.repetitions())
            {
                final Double y = rep.ok() ? y(mode, rep) : null;
                if (y != null)
                {
                    final double[] point = {record.key().payloadBytes(), y};
                    points.add(point);
                    byRepetition.computeIfAbsent(rep.repetition(), r -> new ArrayList<>()).add(point);
                    measured = true;
                }
            }
            if (measured && (smallest == null || record.key().payloadBytes() < smallest.key().payloadBytes()))
            {
                smallest = record;
            }
            if (measured && (largest == null || record.key().payloadBytes() > largest.key().payloadBytes()))
            {
                largest = record;
            }
        }
        if (smallest == null || smallest == largest)
        {
            return null;
        }
        // a seed of its own per series and mode: two lines combined into a crossover must be resampled independently
        final long seed = LineFit.DEFAULT_SEED * 31 + (mode.label() + "|" + series).hashCode();
        final LineFit line = LineFit.fit(column(points, 0), column(points, 1), seed);
        final List<SeriesFit.RepetitionFit> repetitions = new ArrayList<>();
        for (final Map.Entry<Integer, List<double[]>> entry : byRepetition.entrySet())
        {
            final double[] x = column(entry.getValue(), 0);
            if (java.util.Arrays.stream(x).distinct().count() >= 2)
            {
                final double[] ab = LineFit.theilSen(x, column(entry.getValue(), 1));
                repetitions.add(new SeriesFit.RepetitionFit(entry.getKey(), ab[0], ab[1], x.length));
            }
        }
        return new SeriesFit(series, mode, line, Collections.unmodifiableList(repetitions),
            smallest.key().payloadBytes(), largest.key().payloadBytes(),
            median(smallest, Metric.PRODUCER_SYSCALLS), median(smallest, Metric.CONSUMER_SYSCALLS), switches(smallest),
            bothSides(largest, Metric.PRODUCER_FAULTS, Metric.CONSUMER_FAULTS));
    }

    /** The figure fitted: round-trip p50 (ns) in ping-pong, ns per message in stream; null when missing. */
    static Double y(final Mode mode, final RepResult rep)
    {
        if (mode == Mode.PINGPONG)
        {
            final Double rtt = rep.metrics().get(Metric.RTT_P50);
            return rtt != null && Double.isFinite(rtt) ? rtt : null;
        }
        final Double rate = rep.metrics().get(Metric.MSGS_PER_S);
        return rate != null && rate > 0 && Double.isFinite(rate) ? 1e9 / rate : null;
    }

    private static Double median(final PointRecord record, final Metric metric)
    {
        final Spread spread = record.spread(metric);
        return spread == null ? null : spread.median();
    }

    private static Double switches(final PointRecord record)
    {
        return bothSides(record, Metric.PRODUCER_VCSW, Metric.CONSUMER_VCSW);
    }

    private static Double bothSides(final PointRecord record, final Metric producerMetric, final Metric consumerMetric)
    {
        final Double producer = median(record, producerMetric);
        final Double consumer = median(record, consumerMetric);
        return producer == null || consumer == null ? null : producer + consumer;
    }

    private static double[] column(final List<double[]> points, final int column)
    {
        final double[] values = new double[points.size()];
        for (int i = 0; i < values.length; i++)
        {
            values[i] = points.get(i)[column];
        }
        return values;
    }

    /** Every fitted series, by mode, then in series order. */
    public List<SeriesFit> fits()
    {
        return Collections.unmodifiableList(fits);
    }

    /** The fit of a series in a mode, by the series' name ({@code uds}, {@code agrona/futex}), or null. */
    public SeriesFit fit(final Mode mode, final String series)
    {
        for (final SeriesFit fit : fits)
        {
            if (fit.mode() == mode && fit.name().equals(series))
            {
                return fit;
            }
        }
        return null;
    }

    /** S* = (a2 - a1) / (b1 - b2) when positive and finite, else NaN. */
    public static double crossing(final double a1, final double b1, final double a2, final double b2)
    {
        final double size = (a2 - a1) / (b1 - b2);
        return Double.isFinite(size) && size > 0 ? size : Double.NaN;
    }

    /** Where two fitted series cross, with the bootstrap interval of the crossing. */
    public static Crossover crossover(final SeriesFit first, final SeriesFit second)
    {
        final double size = crossing(first.fixedNs(), first.perByteNs(), second.fixedNs(), second.perByteNs());
        final double[] a1 = first.line().interceptReplicates();
        final double[] b1 = first.line().slopeReplicates();
        final double[] a2 = second.line().interceptReplicates();
        final double[] b2 = second.line().slopeReplicates();
        final int replicates = Math.min(a1.length, a2.length);
        final double[] crossings = new double[replicates];
        int count = 0;
        for (int r = 0; r < replicates; r++)
        {
            final double replicate = crossing(a1[r], b1[r], a2[r], b2[r]);
            if (!Double.isNaN(replicate))
            {
                crossings[count++] = replicate;
            }
        }
        final double share = replicates == 0 ? 0 : (double)count / replicates;
        // too few points for either line: its resamples say nothing, and neither does the interval built on them
        final boolean assessed = first.intervalsAssessed() && second.intervalsAssessed();
        final double[] interval = count == 0 || !assessed ? null : new double[] {
            LineFit.quantile(java.util.Arrays.copyOf(crossings, count), 0.025),
            LineFit.quantile(java.util.Arrays.copyOf(crossings, count), 0.975)};
        return new Crossover(first.mode(), first, second, size, interval, share);
    }

    /** Every pair of series of each mode, in the order of {@link #fits()}. */
    public List<Crossover> crossovers()
    {
        final List<Crossover> crossovers = new ArrayList<>();
        for (int i = 0; i < fits.size(); i++)
        {
            for (int j = i + 1; j < fits.size(); j++)
            {
                if (fits.get(i).mode() == fits.get(j).mode())
                {
                    crossovers.add(crossover(fits.get(i), fits.get(j)));
                }
            }
        }
        return crossovers;
    }

    /**
     * One sentence for each break-even finding of a fitted mode, explaining it from the two
     * series' fixed and per-byte costs and, when a calibration is given, in raw system calls and
     * copies at the costs it measured. The first sentence names the calibration used, or says
     * that there is none.
     *
     * @param breakEven the run's findings, as {@link Analysis#breakEven} gives them.
     * @param calibrationOrNull the newest calibration ({@link Calibration#latest}), or null.
     */
    public List<String> explanations(final List<Analysis.ModeFindings> breakEven, final Calibration calibrationOrNull)
    {
        return explanations(breakEven, calibrationOrNull, false);
    }

    /**
     * @param flipsOnly only the pairs whose order flips (crossover, within noise or unassessed): the
     *                  break-evens proper, for the terminal; all pairs go to run.json.
     */
    public List<String> explanations(
        final List<Analysis.ModeFindings> breakEven, final Calibration calibrationOrNull, final boolean flipsOnly)
    {
        final List<String> sentences = new ArrayList<>();
        sentences.add(Explainer.preface(calibrationOrNull));
        final Explainer explainer = new Explainer(calibrationOrNull);
        for (final Analysis.ModeFindings mode : breakEven)
        {
            if (!MODES.contains(mode.mode()))
            {
                continue;
            }
            // one sentence per pair: its most telling finding, with the pair's other flips named in it
            final Map<String, List<BreakEven.Finding>> byPair = new LinkedHashMap<>();
            for (final BreakEven.Finding finding : mode.findings())
            {
                byPair.computeIfAbsent(finding.a() + "\n" + finding.b(), pair -> new ArrayList<>()).add(finding);
            }
            for (final List<BreakEven.Finding> pair : byPair.values())
            {
                final BreakEven.Finding primary = primary(pair);
                if (flipsOnly && primary.kind() == BreakEven.Kind.NO_CROSSOVER)
                {
                    continue;
                }
                final SeriesFit a = fit(mode.mode(), primary.a());
                final SeriesFit b = fit(mode.mode(), primary.b());
                if (a == null || b == null)
                {
                    sentences.add(String.format(Locale.ROOT, "%s: %s vs %s: no cost model: %s was measured at fewer than two sizes",
                        mode.mode().label(), primary.a(), primary.b(), a == null ? primary.a() : primary.b()));
                    continue;
                }
                final List<BreakEven.Finding> others = new ArrayList<>(pair);
                others.remove(primary);
                sentences.add(explainer.explain(primary, others, crossover(a, b)));
            }
        }
        return sentences;
    }

    /** A crossover first, then a flip within noise or unassessed, then the absence of one. */
    private static BreakEven.Finding primary(final List<BreakEven.Finding> findings)
    {
        for (final BreakEven.Kind kind : BreakEven.Kind.values())
        {
            for (final BreakEven.Finding finding : findings)
            {
                if (finding.kind() == kind)
                {
                    return finding;
                }
            }
        }
        return findings.get(0);
    }

    /** The fits and the crossovers they predict, for run.json's {@code cost_model} when there is nothing to compare with. */
    public Map<String, Object> toJson()
    {
        return toJson(List.of(), null);
    }

    /**
     * run.json's {@code cost_model}: the method, every series' line with its intervals and its
     * per-repetition lines, each pair's predicted crossover beside the measured break-even, the
     * calibration used, and the explanations.
     */
    public Map<String, Object> toJson(final List<Analysis.ModeFindings> breakEven, final Calibration calibrationOrNull)
    {
        final Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", "latency(S) = fixed_ns + per_byte_ns * S, S = payload bytes; pingpong: rtt_p50 (ns); " +
            "stream: ns per message = 1e9 / msgs_per_s");
        json.put("fit", "Theil-Sen: per_byte_ns = median of the slopes between every two points at different sizes, " +
            "fixed_ns = median of (y - per_byte_ns * S); points = every successful repetition at every size");
        json.put("intervals", "95% percentile intervals from " + LineFit.BOOTSTRAP_REPLICATES +
            " bootstrap resamples of the points (seeded: reproducible); crossover intervals pair the two series' resamples; " +
            "assessed only for a line of at least " + SeriesFit.MIN_POINTS_FOR_INTERVAL + " points at " + SeriesFit.MIN_SIZES_FOR_INTERVAL +
            " or more sizes, else null with interval_note; a line with a negative fixed or per-byte cost is not a cost " +
            "(is_cost false, fit_note) and predicts no crossover");
        final List<Map<String, Object>> series = new ArrayList<>();
        for (final SeriesFit fit : fits)
        {
            series.add(seriesJson(fit));
        }
        json.put("series", series);
        final List<Map<String, Object>> crossovers = new ArrayList<>();
        for (final Crossover crossover : crossovers())
        {
            crossovers.add(crossoverJson(crossover, breakEven));
        }
        json.put("crossovers", crossovers);
        json.put("calibration", calibrationJson(calibrationOrNull));
        json.put("explanations", breakEven.isEmpty() ? List.of() : explanations(breakEven, calibrationOrNull));
        return json;
    }

    private static Map<String, Object> seriesJson(final SeriesFit fit)
    {
        final Map<String, Object> json = new LinkedHashMap<>();
        json.put("series", fit.name());
        json.put("transport", fit.series().transport().label());
        json.put("wait", fit.series().waitStrategy().label());
        json.put("batch", fit.series().batch());
        json.put("mode", fit.mode().label());
        json.put("y", fit.mode() == Mode.PINGPONG ? "rtt_p50_ns" : "ns_per_msg");
        json.put("points", fit.line().points());
        json.put("sizes", fit.line().distinctX());
        json.put("size_range_bytes", List.of(fit.smallest(), fit.largest()));
        json.put("fixed_ns", finite(fit.fixedNs()));
        json.put("fixed_ns_interval", fit.intervalsAssessed() ? interval(fit.line().interceptInterval()) : null);
        json.put("per_byte_ns", finite(fit.perByteNs()));
        json.put("per_byte_ns_interval", fit.intervalsAssessed() ? interval(fit.line().slopeInterval()) : null);
        json.put("interval_note", fit.intervalNote());
        json.put("fixed_ns_interval_below_zero", fit.fixedIntervalBelowZero());
        json.put("is_cost", fit.isCost());
        json.put("fit_note", fit.misfit());
        final List<Map<String, Object>> repetitions = new ArrayList<>();
        for (final SeriesFit.RepetitionFit rep : fit.repetitions())
        {
            final Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("repetition", rep.repetition());
            entry.put("fixed_ns", finite(rep.fixedNs()));
            entry.put("per_byte_ns", finite(rep.perByteNs()));
            entry.put("points", rep.points());
            repetitions.add(entry);
        }
        json.put("repetitions", repetitions);
        final Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("size_bytes", fit.smallest());
        counts.put("producer_syscalls_per_msg", fit.producerSyscalls());
        counts.put("consumer_syscalls_per_msg", fit.consumerSyscalls());
        counts.put("voluntary_switches_per_msg", fit.voluntarySwitches());
        json.put("at_smallest_size", counts);
        final Map<String, Object> largestCounts = new LinkedHashMap<>();
        largestCounts.put("size_bytes", fit.largest());
        largestCounts.put("page_faults_per_msg", fit.largestFaults());
        json.put("at_largest_size", largestCounts);
        return json;
    }

    private static Map<String, Object> crossoverJson(final Crossover crossover, final List<Analysis.ModeFindings> breakEven)
    {
        final Map<String, Object> json = new LinkedHashMap<>();
        json.put("mode", crossover.mode().label());
        json.put("a", crossover.first().name());
        json.put("b", crossover.second().name());
        json.put("predicted_size_bytes", finite(crossover.sizeBytes()));
        json.put("predicted_interval_bytes", crossover.interval() == null ? null : interval(crossover.interval()));
        json.put("interval_note", crossover.intervalAssessed() ? null :
            "interval not assessed: a line has fewer than " + SeriesFit.MIN_POINTS_FOR_INTERVAL + " points at " +
            SeriesFit.MIN_SIZES_FOR_INTERVAL + " or more sizes");
        json.put("crossing_share", crossover.intervalAssessed() ? crossover.crossingShare() : null);
        final boolean predicts = crossover.crosses() && crossover.misfit() == null;
        json.put("predicted_below_winner", predicts ? crossover.lowerFixed().name() : null);
        json.put("predicted_above_winner", predicts ? crossover.lowerPerByte().name() : null);
        json.put("prediction_note", crossover.misfit() == null ? null : "no prediction: " + crossover.misfit());
        final List<Map<String, Object>> measured = new ArrayList<>();
        for (final Analysis.ModeFindings mode : breakEven)
        {
            if (mode.mode() != crossover.mode())
            {
                continue;
            }
            for (final BreakEven.Finding finding : mode.findings())
            {
                if (samePair(finding, crossover))
                {
                    final Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("kind", finding.kind().name().toLowerCase(Locale.ROOT));
                    entry.put("size_bytes", finite(finding.sizeBytes()));
                    entry.put("between_bytes", List.of(finding.lowerSize(), finding.upperSize()));
                    entry.put("below_winner", finding.belowWinner());
                    entry.put("above_winner", finding.aboveWinner());
                    measured.add(entry);
                }
            }
        }
        json.put("measured", measured);
        return json;
    }

    static boolean samePair(final BreakEven.Finding finding, final Crossover crossover)
    {
        final String first = crossover.first().name();
        final String second = crossover.second().name();
        return finding.a().equals(first) && finding.b().equals(second) || finding.a().equals(second) && finding.b().equals(first);
    }

    private static Map<String, Object> calibrationJson(final Calibration calibration)
    {
        final Map<String, Object> json = new LinkedHashMap<>();
        if (calibration == null)
        {
            json.put("id", null);
            json.put("missing", "no calibration found: run 'ipcbench calibrate'");
            return json;
        }
        json.put("id", calibration.id());
        json.put("syscall_ns", finite(calibration.syscall().ns()));
        json.put("copy_per_byte_ns", calibration.directToDirect().fit() == null ? null : finite(calibration.directToDirect().fit().perByteNs()));
        json.put("crc32c_per_byte_ns", calibration.crc32c().fit() == null ? null : finite(calibration.crc32c().fit().perByteNs()));
        json.put("nanotime_ns", finite(calibration.nanoTime().ns()));
        return json;
    }

    private static List<Object> interval(final double[] interval)
    {
        final List<Object> list = new ArrayList<>();
        list.add(finite(interval[0]));
        list.add(finite(interval[1]));
        return list;
    }

    private static Object finite(final double value)
    {
        return Double.isFinite(value) ? value : null;
    }

    /**
     * The cost model as text for the end of a sweep's summary: each mode's lines, the predicted
     * crossovers beside the measured ones, and the explanations.
     */
    public String render(final List<Analysis.ModeFindings> breakEven, final Calibration calibrationOrNull)
    {
        final StringBuilder out = new StringBuilder();
        if (fits.isEmpty())
        {
            return out.toString();
        }
        out.append("\nCost model: latency = fixed + per byte x size (Theil-Sen over every repetition; 95% bootstrap intervals ")
            .append("where a line has at least ").append(SeriesFit.MIN_POINTS_FOR_INTERVAL).append(" points at ")
            .append(SeriesFit.MIN_SIZES_FOR_INTERVAL).append(" or more sizes):\n");
        for (final Mode mode : MODES)
        {
            final List<List<String>> rows = new ArrayList<>();
            boolean noted = false;
            for (final SeriesFit fit : fits)
            {
                if (fit.mode() == mode)
                {
                    final String note = note(fit);
                    noted |= !note.isEmpty();
                    final boolean assessed = fit.intervalsAssessed();
                    final List<String> row = new ArrayList<>(List.of(fit.name()));
                    row.addAll(fitCells(fit.fixedNs(), assessed ? fit.line().interceptInterval() : null, fit.perByteNs(),
                        assessed ? fit.line().slopeInterval() : null, fit.syscalls()));
                    row.add(note);
                    rows.add(row);
                }
            }
            if (!rows.isEmpty())
            {
                rows.add(0, List.of("series", "fixed", "per byte", mode == Mode.PINGPONG ? "syscalls/round trip" : "syscalls/msg", "note"));
                if (!noted)
                {
                    rows.replaceAll(row -> row.subList(0, row.size() - 1));
                }
                out.append("  ").append(mode.label()).append(mode == Mode.PINGPONG ? " (round trip p50):\n" : " (time per message):\n");
                align(out, rows);
            }
        }
        final List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("pair", "predicted crossover", "measured"));
        for (final Crossover crossover : crossovers())
        {
            final String measured = measured(crossover, breakEven);
            if (measured.startsWith("~"))
            {
                rows.add(List.of(crossover.mode().label() + " " + crossover.first().name() + " vs " + crossover.second().name(),
                    Explainer.predicted(crossover), measured));
            }
        }
        if (rows.size() > 1)
        {
            out.append("  crossovers, predicted by the lines and measured (pairs whose order flips):\n");
            align(out, rows);
        }
        final List<String> sentences = explanations(breakEven, calibrationOrNull, true);
        if (sentences.size() == 1)
        {
            // only the preface: no pair changes places, so there is no break-even to explain
            out.append("  why: no pair's order flips between the sizes swept, so there is no break-even to explain ")
                .append("(every pair is compared in run.json, cost_model)\n");
            return out.toString();
        }
        out.append("  why (pairs whose order flips; every pair is explained in run.json, cost_model):\n");
        for (final String sentence : sentences)
        {
            out.append("    - ").append(sentence).append('\n');
        }
        return out.toString();
    }

    /** The table's note on a line: that it is not a cost, that its interval is not assessed, or that its fixed cost may be none. */
    private static String note(final SeriesFit fit)
    {
        final List<String> notes = new ArrayList<>();
        if (!fit.isCost())
        {
            notes.add(fit.perByteNs() < 0 ? "line does not fit: latency falls with size here" :
                "line does not fit: negative fixed cost");
        }
        if (!fit.intervalsAssessed())
        {
            notes.add("interval not assessed (" + fit.line().points() + (fit.line().points() == 1 ? " point)" : " points)"));
        }
        else if (fit.isCost() && fit.fixedIntervalBelowZero())
        {
            notes.add(SeriesFit.FIXED_INTERVAL_BELOW_ZERO);
        }
        return String.join("; ", notes);
    }

    /**
     * A fitted line's cells as the summary's cost-model table shows them, and report.html's too:
     * the fixed cost with its interval ({@code 22.2 us [20.2 us - 24.9 us]}), the per-byte cost
     * with its interval ({@code 0.391 ns/B [0.369 - 0.509]}) and the system calls per message at
     * the smallest size ({@code 4.00}, {@code <0.01}, {@code -} when not counted).
     *
     * @param fixedInterval the 95% interval of the fixed cost, two values (ns), or null where not assessed.
     * @param perByteInterval the 95% interval of the per-byte cost, two values (ns/B), or null where not assessed.
     * @param syscallsOrNull producer's and consumer's system calls per message added up, or null.
     */
    public static List<String> fitCells(
        final double fixedNs, final double[] fixedInterval, final double perByteNs, final double[] perByteInterval, final Double syscallsOrNull)
    {
        return List.of(
            Explainer.time(fixedNs) + (fixedInterval == null ? "" :
                " [" + Explainer.time(fixedInterval[0]) + " - " + Explainer.time(fixedInterval[1]) + "]"),
            Explainer.perByte(perByteNs) + (perByteInterval == null ? "" :
                " [" + Format.significant(perByteInterval[0]) + " - " + Format.significant(perByteInterval[1]) + "]"),
            syscallsOrNull == null ? "-" : Explainer.count(syscallsOrNull));
    }

    private static String measured(final Crossover crossover, final List<Analysis.ModeFindings> breakEven)
    {
        final List<String> found = new ArrayList<>();
        for (final Analysis.ModeFindings mode : breakEven)
        {
            for (final BreakEven.Finding finding : mode.findings())
            {
                if (mode.mode() == crossover.mode() && samePair(finding, crossover))
                {
                    switch (finding.kind())
                    {
                        case CROSSOVER:
                            found.add("~" + Sizes.formatApprox(finding.sizeBytes()));
                            break;
                        case WITHIN_NOISE:
                            found.add("~" + Sizes.formatApprox(finding.sizeBytes()) + " (within noise)");
                            break;
                        case UNASSESSED:
                            found.add("~" + Sizes.formatApprox(finding.sizeBytes()) + " (unassessed)");
                            break;
                        default:
                            found.add("none (" + finding.belowWinner() + " throughout)");
                    }
                }
            }
        }
        return found.isEmpty() ? "-" : String.join(", ", found);
    }

    private static void align(final StringBuilder out, final List<List<String>> rows)
    {
        final int[] widths = new int[rows.get(0).size()];
        for (final List<String> row : rows)
        {
            for (int i = 0; i < row.size(); i++)
            {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (final List<String> row : rows)
        {
            final StringBuilder line = new StringBuilder("    ");
            for (int i = 0; i < row.size(); i++)
            {
                line.append(row.get(i)).append(" ".repeat(widths[i] - row.get(i).length() + 3));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }
}
