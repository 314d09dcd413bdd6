package io.ipcbench.transport.control;

import io.ipcbench.transport.os.CompilerActivity;

import java.util.concurrent.locks.LockSupport;

/**
 * Tells when this JVM's JIT compiler has gone quiet: its threads used less than
 * {@link #QUIET_CPU_NS} of CPU in each of the last {@link #QUIET_CHECKS} intervals of
 * {@link #INTERVAL_NS}. Polled from a loop with the current time; checks /proc only once an interval.
 */
public final class JitQuiet
{
    public static final long INTERVAL_NS = 50_000_000L;
    public static final long QUIET_CPU_NS = 1_000_000L;
    public static final int QUIET_CHECKS = 2;

    private final CompilerActivity compiler = new CompilerActivity();
    private final boolean available = compiler.available();
    private long nextCheckNs;
    private long lastCpuNs;
    private int quietChecks;

    public JitQuiet(final long nowNs)
    {
        lastCpuNs = compiler.cpuNs();
        nextCheckNs = nowNs + INTERVAL_NS;
    }

    /** True once the compiler has been quiet long enough; cheap between checks. */
    public boolean isQuiet(final long nowNs)
    {
        if (!available)
        {
            return true;
        }
        if (nowNs - nextCheckNs >= 0)
        {
            nextCheckNs = nowNs + INTERVAL_NS;
            final long cpuNs = compiler.cpuNs();
            quietChecks = cpuNs - lastCpuNs < QUIET_CPU_NS ? quietChecks + 1 : 0;
            lastCpuNs = cpuNs;
        }
        return quietChecks >= QUIET_CHECKS;
    }

    /** Parks until the compiler is quiet or {@code maxNs} has passed; returns whether it went quiet. */
    public static boolean awaitQuiet(final long maxNs)
    {
        final long start = System.nanoTime();
        final JitQuiet quiet = new JitQuiet(start);
        while (true)
        {
            final long now = System.nanoTime();
            if (quiet.isQuiet(now))
            {
                return true;
            }
            if (now - start >= maxNs)
            {
                return false;
            }
            LockSupport.parkNanos(INTERVAL_NS / 5);
        }
    }
}
