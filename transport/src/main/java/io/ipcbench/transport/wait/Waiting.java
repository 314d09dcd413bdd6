package io.ipcbench.transport.wait;

import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingIdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;

/** The polling idle strategies behind the non-blocking {@link WaitStrategy} choices. */
public final class Waiting
{
    /** Agrona's defaults: 10 spins, 20 yields, then parks from 1 us doubling to 1 ms. */
    public static final long BACKOFF_MIN_PARK_NS = 1_000L;
    public static final long BACKOFF_MAX_PARK_NS = 1_000_000L;
    /** What PARK asks LockSupport.parkNanos for; the kernel's timer slack makes the sleep longer (about 50 us). */
    public static final long PARK_NS = 1_000L;

    private Waiting()
    {
    }

    /** A fresh idle strategy for a polling wait; FUTEX and KERNEL are not polling waits. */
    public static IdleStrategy idleStrategy(final WaitStrategy strategy)
    {
        switch (strategy)
        {
            case SPIN:
                return new BusySpinIdleStrategy();
            case YIELD:
                return new YieldingIdleStrategy();
            case BACKOFF:
                return new BackoffIdleStrategy(10, 20, BACKOFF_MIN_PARK_NS, BACKOFF_MAX_PARK_NS);
            case PARK:
                return new SleepingIdleStrategy(PARK_NS);
            default:
                throw new IllegalArgumentException("not a polling wait strategy: " + strategy.label());
        }
    }
}
