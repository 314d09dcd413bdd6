package io.ipcbench.harness.model;

import io.ipcbench.harness.sweep.Series;
import io.ipcbench.transport.control.Mode;

import java.util.List;

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
 */
public record SeriesFit(
    Series series, Mode mode, LineFit line, List<RepetitionFit> repetitions, long smallest, long largest, Double producerSyscalls,
    Double consumerSyscalls, Double voluntarySwitches, Double largestFaults)
{
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
}
