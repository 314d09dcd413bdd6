package io.ipcbench.producer;

import io.ipcbench.transport.MessageChannel;
import io.ipcbench.transport.Side;
import io.ipcbench.transport.control.ChildRuntime;
import io.ipcbench.transport.control.CpuWindow;
import io.ipcbench.transport.control.Json;
import io.ipcbench.transport.control.PointSpec;
import io.ipcbench.transport.control.SizeSchedule;
import io.ipcbench.transport.control.SyscallAccounting;
import io.ipcbench.transport.message.MessageBuffer;
import io.ipcbench.transport.message.MessageHeader;
import io.ipcbench.transport.message.MessageVerifier;
import io.ipcbench.transport.message.MessageWriter;

import java.io.IOException;

/**
 * What every producer workload shares: the channel, the send buffer with its payload pattern laid
 * down once, the writer and the verifier of echoes, the budget, and the in-band SYNC and END
 * exchanges that bracket the measured window.
 */
final class Workload
{
    /** One mode's sending loop. */
    interface Body
    {
        Json run() throws IOException;
    }

    /** A mode's untimed loop: sends from {@code sequence} until the phase is done; returns the next sequence. */
    interface Driver
    {
        long drive(long sequence, Phase phase) throws IOException;
    }

    final PointSpec spec;
    final MessageChannel channel;
    final ChildRuntime runtime;
    final MessageBuffer send;
    final MessageWriter writer;
    final MessageVerifier echoVerifier;
    final SizeSchedule sizes;
    final CpuWindow window = new CpuWindow();
    final SyscallAccounting syscalls;

    Workload(final PointSpec spec, final MessageChannel channel, final ChildRuntime runtime)
    {
        this.spec = spec;
        this.channel = channel;
        this.runtime = runtime;
        this.send = new MessageBuffer(spec.maxMessageLength() * spec.batch);
        this.writer = new MessageWriter(send, spec.verify, spec.producerFault.messageFault());
        this.echoVerifier = new MessageVerifier(channel.receiveBuffer(), spec.verify);
        this.sizes = new SizeSchedule(spec.sizes);
        this.syscalls = new SyscallAccounting(spec, Side.PRODUCER);
        if (spec.sizes.length == 1)
        {
            writer.prepareSlots(spec.batch, spec.sizes[0]);
        }
        else
        {
            writer.prepare(0, send.capacity() - MessageHeader.LENGTH);
        }
    }

    /** Ends the warm-up: SYNC goes out, and its echo proves the consumer has drained everything before it. */
    void sync() throws IOException
    {
        exchangeMarker(MessageHeader.SYNC);
        runtime.windowStarted();
    }

    /** Ends the point: END goes out after the last message, its echo says the consumer has read everything. */
    void end() throws IOException
    {
        exchangeMarker(MessageHeader.END_OF_STREAM);
        runtime.teardown();
    }

    /**
     * The system-call accounting window, when the point asks for it and perf works: both sides
     * attach perf to their measuring threads, the workload runs untimed between ACCOUNT_START and
     * ACCOUNT_END, and perf is detached again before the measured window.
     *
     * @return the next sequence number.
     */
    long account(final long sequence, final Driver driver) throws IOException
    {
        if (!syscalls.requested())
        {
            return sequence;
        }
        syscalls.attach();
        exchangeMarker(MessageHeader.ACCOUNT_START);
        syscalls.begin(sequence);
        final long next = driver.drive(sequence, new AccountingPhase(spec));
        syscalls.end(next);
        exchangeMarker(MessageHeader.ACCOUNT_END);
        return next;
    }

    private void exchangeMarker(final long marker) throws IOException
    {
        final int length = writer.writeMarker(0, marker, System.nanoTime());
        channel.send(send, 0, length);
        final int offset = channel.receive();
        final long echoed = channel.receiveBuffer().buffer().getLong(offset + MessageHeader.SEQUENCE_OFFSET);
        if (echoed != marker)
        {
            throw new ChildRuntime.MeasurementFault("expected the echo of marker " + marker + " but received sequence=" + echoed);
        }
    }

    ChildRuntime.MeasurementFault echoFault(final int status, final int offset, final long sequence, final int size)
    {
        return new ChildRuntime.MeasurementFault("echo from consumer: " + echoVerifier.describe(status, offset, sequence, size));
    }

    /** True when the measured window has used its budget of messages, time or wire bytes. */
    boolean budgetSpent(final long messages, final long elapsedNs, final long bytes)
    {
        return messages >= spec.maxMessages || elapsedNs >= spec.maxNs || bytes >= spec.maxBytes;
    }

    Json common(final Warmup warmup, final long messages, final long bytes)
    {
        return new Json()
            .put("warmup", warmup.toJson())
            .put("messages", messages)
            .put("wire_bytes", bytes)
            .put("window_start_ns", window.startNs())
            .put("window_end_ns", window.endNs())
            .put("cpu", window.toJson())
            .put("syscalls", syscalls.toJson());
    }
}
