package io.ipcbench.transport.wait;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a shared-memory end waits when there is nothing to read or no room to write. Socket and pipe
 * ends always wait in the kernel, in the blocking read or write itself ({@link #KERNEL}).
 */
public enum WaitStrategy
{
    /** Polls without pause: lowest latency, burns the whole CPU it runs on. */
    SPIN,
    /** Polls, calling Thread.yield() between empty polls. */
    YIELD,
    /** Spins, then yields, then parks for growing intervals (Agrona BackoffIdleStrategy). */
    BACKOFF,
    /** Parks for a fixed short interval between empty polls (LockSupport.parkNanos). */
    PARK,
    /** Sleeps in the kernel on a futex word in the shared mapping; the writer wakes it only when asleep. */
    FUTEX,
    /** Not a choice for shared memory: the blocking system call of a socket or pipe. */
    KERNEL;

    public String label()
    {
        return name().toLowerCase(Locale.ROOT);
    }

    public static WaitStrategy parse(final String text)
    {
        final String wanted = text.trim().toLowerCase(Locale.ROOT);
        for (final WaitStrategy strategy : values())
        {
            if (strategy.label().equals(wanted))
            {
                return strategy;
            }
        }
        throw new IllegalArgumentException("unknown wait strategy: " + text + " (known: " + known() + ")");
    }

    /** The strategies a user can choose for a shared-memory transport. */
    public static String known()
    {
        return Arrays.stream(values()).filter(w -> w != KERNEL).map(WaitStrategy::label).collect(Collectors.joining(", "));
    }
}
