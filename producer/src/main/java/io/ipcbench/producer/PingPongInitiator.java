package io.ipcbench.producer;

import io.ipcbench.transport.control.HistogramCodec;
import io.ipcbench.transport.control.Json;
import io.ipcbench.transport.message.MessageHeader;
import io.ipcbench.transport.message.MessageVerifier;
import org.HdrHistogram.Histogram;

import java.io.IOException;

/**
 * Round trips: send one message, wait for the consumer's echo of all of it, verify it, record the
 * round-trip time. Warm-up round trips are made but not recorded.
 */
final class PingPongInitiator implements Workload.Body
{
    private final Workload work;
    private final Histogram histogram = HistogramCodec.newHistogram();
    private long lastReceiveNs;

    PingPongInitiator(final Workload work)
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
        do
        {
            histogram.recordValue(roundTrip(sequence));
            bytes += MessageHeader.wireLength(work.sizes.sizeOf(sequence));
            sequence++;
            messages++;
            work.runtime.progress(sequence);
        }
        while (!work.budgetSpent(messages, lastReceiveNs - start, bytes));
        work.window.stop();
        work.end();

        return work.common(warmup, messages, bytes).put("histogram", HistogramCodec.encode(histogram));
    }

    /** Round trips that are not recorded: warm-up and accounting. */
    private long drive(final long first, final Phase phase) throws IOException
    {
        long sequence = first;
        long bytes = 0;
        do
        {
            roundTrip(sequence);
            bytes += MessageHeader.wireLength(work.sizes.sizeOf(sequence));
            sequence++;
            work.runtime.progress(sequence);
        }
        while (!phase.done(lastReceiveNs, sequence - first, bytes));
        return sequence;
    }

    private long roundTrip(final long sequence) throws IOException
    {
        final int size = work.sizes.sizeOf(sequence);
        final long sendNs = System.nanoTime();
        final int length = work.writer.write(0, sequence, size, sendNs);
        work.channel.send(work.send, 0, length);
        final int offset = work.channel.receive();
        final int status = work.echoVerifier.verify(offset, sequence, size);
        if (status != MessageVerifier.OK)
        {
            throw work.echoFault(status, offset, sequence, size);
        }
        lastReceiveNs = System.nanoTime();
        return lastReceiveNs - sendNs;
    }
}
