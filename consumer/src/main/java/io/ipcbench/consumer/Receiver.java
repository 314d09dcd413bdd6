package io.ipcbench.consumer;

import io.ipcbench.transport.MessageChannel;
import io.ipcbench.transport.Side;
import io.ipcbench.transport.control.ChildRuntime;
import io.ipcbench.transport.control.CpuWindow;
import io.ipcbench.transport.control.HistogramCodec;
import io.ipcbench.transport.control.JitQuiet;
import io.ipcbench.transport.control.Json;
import io.ipcbench.transport.control.Mode;
import io.ipcbench.transport.control.PointSpec;
import io.ipcbench.transport.control.SizeSchedule;
import io.ipcbench.transport.control.SyscallAccounting;
import io.ipcbench.transport.message.MessageHeader;
import io.ipcbench.transport.message.MessageVerifier;
import org.HdrHistogram.Histogram;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;

/**
 * Receives every message of a point and checks it: sequence and length always, CRC32C unless the
 * point says otherwise. Ping-pong echoes each message, all of it, from this end's own memory.
 * SYNC (end of warm-up) opens the measured window, END closes it; both are echoed so the producer
 * knows where this end stands. Before answering SYNC this end lets its own JIT compiler finish
 * (at most {@link #MAX_QUIET_WAIT_NS}), so no compilation runs into the measured window. The clock stops when END, sent right after the last message,
 * arrives: the consumer's last byte.
 */
final class Receiver implements AutoCloseable
{
    static final long MAX_QUIET_WAIT_NS = 2_000_000_000L;

    private final PointSpec spec;
    private final MessageChannel channel;
    private final ChildRuntime runtime;
    private final UnsafeBuffer buffer;
    private final MessageVerifier verifier;
    private final SizeSchedule sizes;
    private final CpuWindow window = new CpuWindow();
    private final SyscallAccounting syscalls;
    private final Histogram oneWay;
    private final boolean echo;

    Receiver(final PointSpec spec, final MessageChannel channel, final ChildRuntime runtime)
    {
        this.spec = spec;
        this.channel = channel;
        this.runtime = runtime;
        this.buffer = channel.receiveBuffer().buffer();
        this.verifier = new MessageVerifier(channel.receiveBuffer(), spec.verify);
        this.sizes = new SizeSchedule(spec.sizes);
        this.syscalls = new SyscallAccounting(spec, Side.CONSUMER);
        this.oneWay = spec.mode == Mode.RATE ? HistogramCodec.newHistogram() : null;
        this.echo = spec.mode == Mode.PINGPONG;
    }

    @Override
    public void close()
    {
        syscalls.close();
    }

    Json run() throws IOException
    {
        long expected = 0;
        long warmup = 0;
        boolean jitQuiet = false;
        long quietWaitNs = 0;
        long messages = 0;
        long bytes = 0;
        long firstSendNs = 0;
        boolean measuring = false;
        while (true)
        {
            final int offset = channel.receive();
            final long sequence = buffer.getLong(offset + MessageHeader.SEQUENCE_OFFSET);
            if (sequence < 0)
            {
                if (sequence == MessageHeader.SYNC && !measuring)
                {
                    warmup = messages;
                    final long quietStart = System.nanoTime();
                    jitQuiet = JitQuiet.awaitQuiet(Math.min(spec.warmupNs, MAX_QUIET_WAIT_NS));
                    quietWaitNs = System.nanoTime() - quietStart;
                    messages = 0;
                    bytes = 0;
                    measuring = true;
                    window.start();
                    channel.send(channel.receiveBuffer(), offset, MessageHeader.LENGTH);
                    runtime.windowStarted();
                    continue;
                }
                if (sequence == MessageHeader.END_OF_STREAM && measuring)
                {
                    window.stop();
                    channel.send(channel.receiveBuffer(), offset, MessageHeader.LENGTH);
                    runtime.teardown();
                    break;
                }
                if (sequence == MessageHeader.ACCOUNT_START && !measuring)
                {
                    syscalls.attach();
                    syscalls.begin(expected);
                    channel.send(channel.receiveBuffer(), offset, MessageHeader.LENGTH);
                    continue;
                }
                if (sequence == MessageHeader.ACCOUNT_END && !measuring)
                {
                    syscalls.end(expected);
                    channel.send(channel.receiveBuffer(), offset, MessageHeader.LENGTH);
                    continue;
                }
                throw new ChildRuntime.MeasurementFault("unexpected control marker: sequence=" + sequence +
                    " after " + (measuring ? "SYNC" : "warm-up") + " message " + expected);
            }
            final int size = sizes.sizeOf(expected);
            final int status = verifier.verify(offset, expected, size);
            if (status != MessageVerifier.OK)
            {
                throw new ChildRuntime.MeasurementFault(verifier.describe(status, offset, expected, size));
            }
            if (echo)
            {
                channel.send(channel.receiveBuffer(), offset, MessageHeader.LENGTH + size);
            }
            else if (oneWay != null && measuring)
            {
                oneWay.recordValue(Math.max(0, System.nanoTime() - buffer.getLong(offset + MessageHeader.TIMESTAMP_OFFSET)));
            }
            if (measuring && messages == 0)
            {
                firstSendNs = buffer.getLong(offset + MessageHeader.TIMESTAMP_OFFSET);
            }
            expected++;
            messages++;
            bytes += MessageHeader.LENGTH + size;
            runtime.progress(expected);
        }

        final Json result = new Json()
            .put("warmup", new Json().put("messages", warmup).put("jit_quiet", jitQuiet).put("quiet_wait_ns", quietWaitNs))
            .put("messages", messages)
            .put("wire_bytes", bytes)
            .put("first_send_ns", firstSendNs)
            .put("window_start_ns", window.startNs())
            .put("window_end_ns", window.endNs())
            .put("cpu", window.toJson())
            .put("syscalls", syscalls.toJson());
        if (oneWay != null)
        {
            result.put("histogram", HistogramCodec.encode(oneWay));
        }
        return result;
    }
}
