package io.ipcbench.producer;

import io.ipcbench.transport.control.Json;

import java.io.IOException;

/**
 * Throughput: frames of {@code batch} messages sent back to back as fast as the channel takes
 * them. The consumer stops the clock; this side reports what it sent and what it cost.
 */
final class StreamSender implements Workload.Body
{
    /**
     * The clock is read every this many frames, not every frame: a clock read costs 25 to 50 ns on
     * a VM, as much as a whole small message over a ring. Stream figures use only the first
     * measured message's send time, which is always read just before it goes out.
     */
    static final int CLOCK_EVERY_FRAMES = 16;

    private final Workload work;

    StreamSender(final Workload work)
    {
        this.work = work;
    }

    @Override
    public Json run() throws IOException
    {
        final Warmup warmup = new Warmup(work.spec);
        long sequence = drive(0, warmup);
        sequence = work.account(sequence, this::drive);
        work.sync();

        work.window.start();
        final long start = work.window.startNs();
        long messages = 0;
        long bytes = 0;
        long now = start;
        long frames = 0;
        do
        {
            final int frame = (int)Math.min(work.spec.batch, work.spec.maxMessages - messages);
            bytes += sendFrame(sequence, frame, now);
            sequence += frame;
            messages += frame;
            work.runtime.progress(sequence);
            if (++frames % CLOCK_EVERY_FRAMES == 0)
            {
                now = System.nanoTime();
            }
        }
        while (!work.budgetSpent(messages, now - start, bytes));
        work.window.stop();
        work.end();

        return work.common(warmup, messages, bytes).put("batch", work.spec.batch);
    }

    /** Frames that are not timed: warm-up and accounting. */
    private long drive(final long first, final Phase phase) throws IOException
    {
        long sequence = first;
        long bytes = 0;
        long now = System.nanoTime();
        long frames = 0;
        do
        {
            bytes += sendFrame(sequence, work.spec.batch, now);
            sequence += work.spec.batch;
            work.runtime.progress(sequence);
            if (++frames % CLOCK_EVERY_FRAMES == 0)
            {
                now = System.nanoTime();
            }
        }
        while (!phase.done(now, sequence - first, bytes));
        return sequence;
    }

    /** Writes {@code count} messages back to back and hands them over in one operation. */
    private int sendFrame(final long firstSequence, final int count, final long sendNs) throws IOException
    {
        int length = 0;
        for (int i = 0; i < count; i++)
        {
            final long sequence = firstSequence + i;
            length += work.writer.write(length, sequence, work.sizes.sizeOf(sequence), sendNs);
        }
        work.channel.send(work.send, 0, length);
        return length;
    }
}
