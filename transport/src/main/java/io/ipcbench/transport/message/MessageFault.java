package io.ipcbench.transport.message;

/**
 * A fault the sender builds into one of its own messages, so that tests can prove the receiver
 * catches it: {@link Kind#FLIP_BYTE} inverts the first payload byte after the CRC32C was computed,
 * {@link Kind#SKIP_SEQUENCE} labels message N with sequence N + 1 (what a lost message looks like
 * to the receiver), {@link Kind#STALL} stops the sender at message N while its process stays alive.
 * Never set in a measuring run.
 */
public record MessageFault(Kind kind, long sequence)
{
    /** What happens to the message. */
    public enum Kind
    {
        NONE,
        FLIP_BYTE,
        SKIP_SEQUENCE,
        STALL
    }

    /** No fault: the sequence is negative, and data messages never are. */
    public static final MessageFault NONE = new MessageFault(Kind.NONE, Long.MIN_VALUE);
}
