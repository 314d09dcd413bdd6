package io.ipcbench.harness.model;

import io.ipcbench.harness.sweep.Series;
import io.ipcbench.transport.control.Mode;

import java.util.List;
import java.util.Locale;

/**
 * One series' line in one mode: {@code y = a + b * S} over the payload sizes it was measured at.
 *
 * @param series the transport with its wait strategy and batch.
 * @param mode ping-pong (y is the round trip p50, ns) or stream (y is ns per message).
 * @param line the Theil–Sen fit over every successful repetition at every size, with its bootstrap.
 * @param repetitions the same line fitted to each repetition alone (where it covers two sizes).
 * @param smallest the smallest size measured, where the per-message counts below are read.
 * @param largest the largest size measured.
 * @param producerSyscalls system calls per message of the producer at the smallest size (median over repetitions), or null.
 * @param consumerSyscalls the same for the consumer, or null.
 * @param voluntarySwitches voluntary context switches per message, both sides together, at the smallest size, or null.
 * @param largestFaults page faults per message, both sides together, at the largest size (median), or null: a transport
 *                      that writes every message to memory never touched before pays for it per byte.
 *
 * <p>Two honesty rules go with a line. Its bootstrap intervals are only assessed when there are at
 * least {@value #MIN_POINTS_FOR_INTERVAL} points at {@value #MIN_SIZES_FOR_INTERVAL} or more sizes
 * (a resample of three points is one of a handful of two-point lines, and its percentiles say
 * nothing); and a line with a negative fixed or per-byte cost does not fit the figures, since
 * neither is a cost, so no break-even is explained from it.
 */
public record SeriesFit(
    Series series, Mode mode, LineFit line, List<RepetitionFit> repetitions, long smallest, long largest, Double producerSyscalls,
    Double consumerSyscalls, Double voluntarySwitches, Double largestFaults)
{
    /** Fewest distinct sizes for a bootstrap interval to be assessed. */
    public static final int MIN_SIZES_FOR_INTERVAL = 4;
    /** Fewest points (successful repetitions over all sizes) for a bootstrap interval to be assessed. */
    public static final int MIN_POINTS_FOR_INTERVAL = 8;

    /** The line of one repetition's points. */
    public record RepetitionFit(int repetition, double fixedNs, double perByteNs, int points)
    {
    }

    /** a: the cost of a message of no bytes, ns. */
    public double fixedNs()
    {
        return line.intercept();
    }

    /** b: the cost of each further payload byte, ns/B. */
    public double perByteNs()
    {
        return line.slope();
    }

    /** System calls per message (per round trip in ping-pong) of both sides, or null when not counted. */
    public Double syscalls()
    {
        return producerSyscalls == null || consumerSyscalls == null ? null : producerSyscalls + consumerSyscalls;
    }

    /** The series' name as reports and break-even findings print it. */
    public String name()
    {
        return series.toString();
    }

    /** Whether the line has enough points for its bootstrap intervals to mean something. */
    public boolean intervalsAssessed()
    {
        return line.distinctX() >= MIN_SIZES_FOR_INTERVAL && line.points() >= MIN_POINTS_FOR_INTERVAL;
    }

    /** Why the intervals are absent ({@code interval not assessed (3 points at 3 sizes; ...)}), or null when they are assessed. */
    public String intervalNote()
    {
        if (intervalsAssessed())
        {
            return null;
        }
        return String.format(Locale.ROOT, "interval not assessed (%d %s at %d %s; a bootstrap interval needs at least %d points " +
                "at %d or more sizes)", line.points(), line.points() == 1 ? "point" : "points", line.distinctX(),
            line.distinctX() == 1 ? "size" : "sizes", MIN_POINTS_FOR_INTERVAL, MIN_SIZES_FOR_INTERVAL);
    }

    /** Whether the line is a cost: neither its fixed nor its per-byte cost is negative. */
    public boolean isCost()
    {
        return misfit() == null;
    }

    /**
     * Why the line does not fit the figures ({@code the line does not fit: latency falls with size here}),
     * or null when both its costs are zero or more.
     */
    public String misfit()
    {
        if (perByteNs() < 0)
        {
            return "the line does not fit: latency falls with size here (per byte " + Explainer.perByte(perByteNs()) +
                " is not a cost)";
        }
        if (fixedNs() < 0)
        {
            return "the line does not fit: it reaches below zero at 0 B (fixed " + Explainer.time(fixedNs()) + " is not a cost)";
        }
        return null;
    }

    /** What the summary and the report say of a fit whose fixed cost's interval reaches below zero. */
    public static final String FIXED_INTERVAL_BELOW_ZERO = "fixed cost's interval reaches below zero: not told apart from none";

    /** Whether the fixed cost's interval is assessed and reaches below zero: a fixed cost not told apart from none. */
    public boolean fixedIntervalBelowZero()
    {
        return intervalsAssessed() && line.interceptInterval()[0] < 0;
    }
}
