package io.ipcbench.producer;

import io.ipcbench.transport.Channels;
import io.ipcbench.transport.MessageChannel;
import io.ipcbench.transport.Side;
import io.ipcbench.transport.control.ChildRuntime;
import io.ipcbench.transport.control.SyscallAccounting;
import io.ipcbench.transport.control.Json;
import io.ipcbench.transport.control.Placement;
import io.ipcbench.transport.control.PointSpec;
import io.ipcbench.transport.os.Affinity;

/**
 * The producer process: pins its measuring thread, connects to the consumer's channel and runs
 * the point's workload: {@link PingPongInitiator}, {@link StreamSender} or {@link RateSender}.
 */
public final class ProducerMain
{
    private ProducerMain()
    {
    }

    public static void main(final String[] args)
    {
        ChildRuntime.main(args, Side.PRODUCER, ProducerMain::run);
    }

    static Json run(final PointSpec spec, final ChildRuntime runtime) throws Exception
    {
        final Json placement = Placement.pin(spec, Side.PRODUCER);
        try (MessageChannel channel = Channels.open(spec.channelConfig(Side.PRODUCER)))
        {
            runtime.ready(placement);
            final Json result;
            final Workload workload = new Workload(spec, channel, runtime);
            try (SyscallAccounting ignored = workload.syscalls)
            {
                result = workload(workload).run();
            }
            placement.put("cpu_at_end", Affinity.currentCpu());
            return result.put("side", Side.PRODUCER.label()).put("placement", placement).put("channel", channel.properties());
        }
    }

    private static Workload.Body workload(final Workload workload)
    {
        switch (workload.spec.mode)
        {
            case PINGPONG:
                return new PingPongInitiator(workload);
            case STREAM:
                return new StreamSender(workload);
            case RATE:
                return new RateSender(workload);
            default:
                throw new IllegalArgumentException("no workload for mode=" + workload.spec.mode);
        }
    }
}
