package io.ipcbench.transport.message;

/**
 * Layout of the header that leads every message on every transport, in native byte order.
 *
 * <pre>
 *   0                   8                   16        20        24
 *   +-------------------+-------------------+---------+---------+---------------------+
 *   | sequence (long)   | send time (long)  | length  | CRC32C  | payload (length B)  |
 *   +-------------------+-------------------+---------+---------+---------------------+
 * </pre>
 *
 * The send time is {@code System.nanoTime()} of the sender (CLOCK_MONOTONIC, shared by every
 * process of the host), taken just before the message is handed to the transport. The CRC32C
 * covers the payload only and is zero when the run does not verify checksums. Negative sequence
 * numbers are control markers with an empty payload and never count as data.
 */
public final class MessageHeader
{
    public static final int SEQUENCE_OFFSET = 0;
    public static final int TIMESTAMP_OFFSET = 8;
    public static final int LENGTH_OFFSET = 16;
    public static final int CHECKSUM_OFFSET = 20;
    /** Bytes of header in front of every payload: wire bytes = payload bytes + LENGTH. */
    public static final int LENGTH = 24;

    /** Marker sent by the producer after its last data message. */
    public static final long END_OF_STREAM = -1;
    /** Marker that closes the warm-up: the consumer resets its counters and echoes it back. */
    public static final long SYNC = -2;
    /** Marker that opens the system-call accounting window (between warm-up and SYNC); echoed. */
    public static final long ACCOUNT_START = -3;
    /** Marker that closes the accounting window; echoed. */
    public static final long ACCOUNT_END = -4;

    /** Largest payload ipcbench builds messages for (1 GiB); transports have their own, lower limits. */
    public static final int MAX_PAYLOAD = 1 << 30;

    private MessageHeader()
    {
    }

    public static int wireLength(final int payloadLength)
    {
        return LENGTH + payloadLength;
    }
}
