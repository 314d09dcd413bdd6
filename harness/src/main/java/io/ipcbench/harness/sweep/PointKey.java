package io.ipcbench.harness.sweep;

import io.ipcbench.transport.TransportKind;
import io.ipcbench.transport.control.Mode;
import io.ipcbench.transport.message.MessageHeader;
import io.ipcbench.transport.wait.WaitStrategy;

import java.util.Comparator;

/**
 * One point of a sweep: a transport with its wait strategy and batch (together, the series),
 * a mode and a payload size.
 */
public record PointKey(TransportKind transport, WaitStrategy waitStrategy, int batch, Mode mode, int payloadBytes)
{
    public static final Comparator<PointKey> ORDER = Comparator
        .comparing(PointKey::mode)
        .thenComparing(PointKey::transport)
        .thenComparing(PointKey::waitStrategy)
        .thenComparingInt(PointKey::batch)
        .thenComparingInt(PointKey::payloadBytes);

    public int wireBytes()
    {
        return MessageHeader.wireLength(payloadBytes);
    }

    /** The series this point belongs to: a line in a chart, a column in a table. */
    public Series series()
    {
        return new Series(transport, waitStrategy, batch);
    }

    /** A short file-name-safe identifier, e.g. {@code agrona-spin-b1-pingpong-4096}. */
    public String slug()
    {
        return transport.label() + "-" + waitStrategy.label() + "-b" + batch + "-" + mode.label() + "-" + payloadBytes;
    }

    @Override
    public String toString()
    {
        return series() + " " + mode.label() + " " + Sizes.format(payloadBytes);
    }
}
