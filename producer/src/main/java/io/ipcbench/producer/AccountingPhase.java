package io.ipcbench.producer;

import io.ipcbench.transport.control.PointSpec;

/**
 * The accounting window's length: at least {@link #MIN_NS} and {@link #MIN_MESSAGES}, so that the
 * few system calls of the markers that bracket it are lost in the count, at most {@link #MAX_NS}
 * or the point's byte cap.
 */
final class AccountingPhase implements Phase
{
    static final long MIN_NS = 100_000_000L;
    static final long MAX_NS = 1_000_000_000L;
    static final long MIN_MESSAGES = 2_000;

    private final PointSpec spec;
    private final long startNs = System.nanoTime();

    AccountingPhase(final PointSpec spec)
    {
        this.spec = spec;
    }

    @Override
    public boolean done(final long nowNs, final long messages, final long bytes)
    {
        final long elapsed = nowNs - startNs;
        return elapsed >= MAX_NS || bytes >= spec.maxBytes || elapsed >= MIN_NS && messages >= MIN_MESSAGES;
    }
}
