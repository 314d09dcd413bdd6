package io.ipcbench.transport.control;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a point measures. */
public enum Mode
{
    /** Round-trip latency: the producer sends a message, the consumer echoes all of it back. */
    PINGPONG,
    /** Throughput: the producer sends as fast as the channel takes; the clock stops at the consumer's last byte. */
    STREAM,
    /** One-way latency at a fixed send rate, measured from each message's scheduled send time. */
    RATE;

    public String label()
    {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Mode parse(final String text)
    {
        final String wanted = text.trim().toLowerCase(Locale.ROOT);
        for (final Mode mode : values())
        {
            if (mode.label().equals(wanted))
            {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown mode: " + text + " (known: " + known() + ")");
    }

    public static String known()
    {
        return Arrays.stream(values()).map(Mode::label).collect(Collectors.joining(", "));
    }
}
