package io.ipcbench.transport.control;

import io.ipcbench.transport.os.ResourceUsage;

/**
 * CPU cost of the measured window on one side: getrusage(2) of the measuring thread
 * (RUSAGE_THREAD, so only the thread doing the work) and of the whole process (JIT, GC and the
 * heartbeat included), sampled when the window opens and when it closes. Must be used from the
 * measuring thread.
 */
public final class CpuWindow
{
    private final ResourceUsage threadStart = ResourceUsage.thread();
    private final ResourceUsage threadEnd = ResourceUsage.thread();
    private final ResourceUsage processStart = ResourceUsage.process();
    private final ResourceUsage processEnd = ResourceUsage.process();
    private long startNs;
    private long endNs;

    public void start()
    {
        threadStart.sample();
        processStart.sample();
        startNs = System.nanoTime();
    }

    public void stop()
    {
        endNs = System.nanoTime();
        threadEnd.sample();
        processEnd.sample();
    }

    public long startNs()
    {
        return startNs;
    }

    public long endNs()
    {
        return endNs;
    }

    public Json toJson()
    {
        return new Json()
            .put("window_ns", endNs - startNs)
            .put("thread", delta(threadStart, threadEnd))
            .put("process", delta(processStart, processEnd));
    }

    private static Json delta(final ResourceUsage start, final ResourceUsage end)
    {
        return new Json()
            .put("user_ns", end.userNs - start.userNs)
            .put("system_ns", end.systemNs - start.systemNs)
            .put("voluntary_switches", end.voluntarySwitches - start.voluntarySwitches)
            .put("involuntary_switches", end.involuntarySwitches - start.involuntarySwitches)
            .put("minor_faults", end.minorFaults - start.minorFaults)
            .put("major_faults", end.majorFaults - start.majorFaults);
    }
}
