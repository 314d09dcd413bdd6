package io.ipcbench.producer;

import io.ipcbench.transport.control.Json;

import java.io.IOException;

/**
 * Fixed rate: message i is due at {@code start + i * period} and carries that scheduled time, not
 * the time it actually left, so a stall delays every message behind it in the consumer's figures
 * instead of disappearing from them (no coordinated omission). When late, the sender does not
 * wait; when early, it spins until the message is due.
 */
final class RateSender implements Workload.Body
{
    private final Workload work;

    RateSender(final Workload work)
    {
        this.work = work;
    }

    @Override
    public Json run() throws IOException
    {
        final double periodNs = 1e9 / work.spec.rate;
        final Warmup warmup = new Warmup(work.spec);
        long sequence = drive(0, warmup);
        sequence = work.account(sequence, this::drive);
        work.sync();

        work.window.start();
        final long start = work.window.startNs();
        long messages = 0;
        long bytes = 0;
        long late = 0;
        long lastSendNs = start;
        do
        {
            final long due = start + (long)(messages * periodNs);
            if (System.nanoTime() - due > 0)
            {
                late++;
            }
            bytes += sendAt(sequence, due);
            lastSendNs = System.nanoTime();
            sequence++;
            messages++;
            work.runtime.progress(sequence);
        }
        while (!work.budgetSpent(messages, lastSendNs - start, bytes));
        work.window.stop();
        work.end();

        final double elapsed = Math.max(1, lastSendNs - start);
        return work.common(warmup, messages, bytes)
            .put("target_rate", work.spec.rate)
            .put("achieved_rate", messages > 1 ? (messages - 1) * 1e9 / elapsed : 0.0)
            .put("late_sends", late);
    }

    /** Messages at the fixed rate that are not timed: warm-up and accounting. */
    private long drive(final long first, final Phase phase) throws IOException
    {
        final double periodNs = 1e9 / work.spec.rate;
        final long start = System.nanoTime();
        long sequence = first;
        long bytes = 0;
        do
        {
            bytes += sendAt(sequence, start + (long)((sequence - first) * periodNs));
            sequence++;
            work.runtime.progress(sequence);
        }
        while (!phase.done(System.nanoTime(), sequence - first, bytes));
        return sequence;
    }

    private int sendAt(final long sequence, final long dueNs) throws IOException
    {
        while (System.nanoTime() - dueNs < 0)
        {
            Thread.onSpinWait();
        }
        final int length = work.writer.write(0, sequence, work.sizes.sizeOf(sequence), dueNs);
        work.channel.send(work.send, 0, length);
        return length;
    }
}
