package io.ipcbench.transport.control;

import io.ipcbench.transport.Side;
import io.ipcbench.transport.os.Affinity;

/** Placement of a child's measuring thread: pinned as the point asks, and what took effect. */
public final class Placement
{
    private Placement()
    {
    }

    /** Pins the calling thread as the point asks and returns what took effect, as the ready line carries it. */
    public static Json pin(final PointSpec spec, final Side side)
    {
        final int cpu = side == Side.PRODUCER ? spec.producerCpu : spec.consumerCpu;
        final String affinity = cpu >= 0 ? Affinity.pinCurrentThread(cpu) : Affinity.currentThreadAffinity();
        return new Json()
            .put("side", side.label())
            .put("pid", ProcessHandle.current().pid())
            .put("cpu_requested", cpu)
            .put("affinity", affinity)
            .put("cpu_at_start", Affinity.currentCpu());
    }
}
