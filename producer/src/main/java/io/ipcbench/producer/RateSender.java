package io.ipcbench.producer;

import io.ipcbench.transport.control.Json;

import java.io.IOException;

/**
 * Fixed rate: message i is due at {@code start + i * period} and carries that scheduled time, not
 * the time it actually left, so a stall delays every message behind it in the consumer's figures
 * instead of disappearing from them (no coordinated omission). When late, the sender does not
 * wait; when early, it spins until the message is due.
 */
final class RateSender
{
    private final Workload work;

    RateSender(final Workload work)
    {
        this.work = work;
    }

    Json run() throws IOException
    {
        final double periodNs = 1e9 / work.spec.rate;
        long sequence = 0;
        long warmupBytes = 0;
        final Warmup warmup = new Warmup(work.spec);
        final long warmupStart = System.nanoTime();
        do
        {
            warmupBytes += sendAt(sequence, warmupStart + (long)(sequence * periodNs));
            sequence++;
            work.runtime.progress(sequence);
        }
        while (!warmup.done(System.nanoTime(), sequence, warmupBytes));
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
