package io.ipcbench.producer;

import io.ipcbench.transport.control.JitQuiet;
import io.ipcbench.transport.control.Json;
import io.ipcbench.transport.control.PointSpec;

/**
 * Decides when the warm-up is over: traffic flows for at least the minimum time, then until this
 * JVM's JIT compiler has gone quiet (so it no longer steals a CPU from a measuring thread), within
 * the warm-up's caps on time, messages and bytes. What ended it is reported with the result.
 */
final class Warmup implements Phase
{
    private final PointSpec spec;
    private final JitQuiet jit;
    private final long startNs;
    private long endNs;
    private long messages;
    private long bytes;
    private boolean jitQuiet;

    Warmup(final PointSpec spec)
    {
        this.spec = spec;
        this.startNs = System.nanoTime();
        this.jit = new JitQuiet(startNs);
    }

    @Override
    public boolean done(final long nowNs, final long messages, final long bytes)
    {
        this.messages = messages;
        this.bytes = bytes;
        this.endNs = nowNs;
        if (messages >= spec.warmupMessages || bytes >= spec.maxBytes)
        {
            return true;
        }
        final long elapsed = nowNs - startNs;
        if (elapsed >= spec.warmupNs)
        {
            return true;
        }
        return elapsed >= spec.warmupMinNs && (jitQuiet = jit.isQuiet(nowNs));
    }

    long messages()
    {
        return messages;
    }

    Json toJson()
    {
        return new Json()
            .put("messages", messages)
            .put("wire_bytes", bytes)
            .put("duration_ns", endNs - startNs)
            .put("jit_quiet", jitQuiet);
    }
}
