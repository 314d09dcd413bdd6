package io.ipcbench.transport.control;

import io.ipcbench.transport.message.MessageFault;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A fault a child inflicts on itself, so that the fault tests can prove the harness detects it,
 * names it and cleans up after it. Given to a child as the hidden point option
 * {@code --producer-fault=...} or {@code --consumer-fault=...}; never set in a measuring run.
 *
 * <pre>
 *   kill-at-start      SIGKILL to itself right after the channel is open and "ready" is sent
 *   kill-mid           SIGKILL to itself once messages are moving in the measured window
 *   kill-at-teardown   SIGKILL to itself after the END exchange, before the result is sent
 *   stop-mid           SIGSTOP to itself once messages are moving in the measured window (a hang)
 *   mute-mid           once messages are moving, the control plane blocks for good: the process
 *                      runs on, silent, as a JVM stuck in a safepoint or on a full pipe would
 *   flip-byte:N        producer only: message N's first payload byte is inverted after its CRC32C
 *   skip:N             producer only: message N goes out labelled N + 1, as if N had been lost
 *   stall:N            producer only: stops before sending message N, alive and heartbeating
 * </pre>
 *
 * The process faults are carried out by {@link ChildRuntime} from outside the per-message loops
 * (a watcher thread, or the cold calls at ready and teardown); the message faults cost the
 * sender one compare with a final field per message ({@link io.ipcbench.transport.message.MessageWriter}).
 */
public final class Fault
{
    /** The kinds, by the name a test types. */
    public enum Kind
    {
        NONE("none", false),
        KILL_AT_START("kill-at-start", false),
        KILL_MID("kill-mid", false),
        KILL_AT_TEARDOWN("kill-at-teardown", false),
        STOP_MID("stop-mid", false),
        MUTE_MID("mute-mid", false),
        FLIP_BYTE("flip-byte", true),
        SKIP("skip", true),
        STALL("stall", true);

        private final String label;
        private final boolean messageNumbered;

        Kind(final String label, final boolean messageNumbered)
        {
            this.label = label;
            this.messageNumbered = messageNumbered;
        }

        public String label()
        {
            return label;
        }

        /** True for the faults that take a message number ({@code flip-byte:N}) and only a producer can inflict. */
        public boolean messageNumbered()
        {
            return messageNumbered;
        }
    }

    public static final Fault NONE = new Fault(Kind.NONE, -1);

    private final Kind kind;
    private final long sequence;

    private Fault(final Kind kind, final long sequence)
    {
        this.kind = kind;
        this.sequence = sequence;
    }

    public Kind kind()
    {
        return kind;
    }

    /** The message a message-numbered fault applies to; -1 for the others. */
    public long sequence()
    {
        return sequence;
    }

    public boolean none()
    {
        return kind == Kind.NONE;
    }

    /** True for the faults carried out once messages move in the measured window. */
    public boolean midWindow()
    {
        return kind == Kind.KILL_MID || kind == Kind.STOP_MID || kind == Kind.MUTE_MID;
    }

    /** The fault as the sender's {@link io.ipcbench.transport.message.MessageWriter} applies it. */
    public MessageFault messageFault()
    {
        switch (kind)
        {
            case FLIP_BYTE:
                return new MessageFault(MessageFault.Kind.FLIP_BYTE, sequence);
            case SKIP:
                return new MessageFault(MessageFault.Kind.SKIP_SEQUENCE, sequence);
            case STALL:
                return new MessageFault(MessageFault.Kind.STALL, sequence);
            default:
                return MessageFault.NONE;
        }
    }

    /**
     * Parses {@code kill-mid}, {@code flip-byte:100} and the like.
     *
     * @throws IllegalArgumentException naming the text and the known faults.
     */
    public static Fault parse(final String text)
    {
        final String trimmed = text.trim().toLowerCase(Locale.ROOT);
        final int colon = trimmed.indexOf(':');
        final String name = colon < 0 ? trimmed : trimmed.substring(0, colon);
        for (final Kind kind : Kind.values())
        {
            if (!kind.label.equals(name))
            {
                continue;
            }
            if (!kind.messageNumbered)
            {
                if (colon >= 0)
                {
                    throw new IllegalArgumentException("fault " + kind.label + " takes no message number: fault=" + text);
                }
                return kind == Kind.NONE ? NONE : new Fault(kind, -1);
            }
            final long sequence;
            try
            {
                if (colon < 0)
                {
                    throw new NumberFormatException("no message number");
                }
                sequence = Long.parseLong(trimmed.substring(colon + 1));
            }
            catch (final NumberFormatException ex)
            {
                throw new IllegalArgumentException("fault " + kind.label + " needs a message number, e.g. " + kind.label +
                    ":1000: fault=" + text);
            }
            if (sequence < 0)
            {
                throw new IllegalArgumentException("fault " + kind.label + " needs a message number of at least 0, e.g. " +
                    kind.label + ":1000: fault=" + text);
            }
            return new Fault(kind, sequence);
        }
        throw new IllegalArgumentException("unknown fault: " + text + " (known: " + known() + ")");
    }

    public static String known()
    {
        return Arrays.stream(Kind.values())
            .filter(kind -> kind != Kind.NONE)
            .map(kind -> kind.messageNumbered ? kind.label + ":N" : kind.label)
            .collect(Collectors.joining(", "));
    }

    /** The text {@link #parse} reads back. */
    @Override
    public String toString()
    {
        return kind.messageNumbered ? kind.label + ":" + sequence : kind.label;
    }

    @Override
    public boolean equals(final Object other)
    {
        return other instanceof Fault && ((Fault)other).kind == kind && ((Fault)other).sequence == sequence;
    }

    @Override
    public int hashCode()
    {
        return kind.hashCode() * 31 + Long.hashCode(sequence);
    }
}
