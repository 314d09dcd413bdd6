package io.ipcbench.consumer;

import io.ipcbench.transport.Channels;
import io.ipcbench.transport.MessageChannel;
import io.ipcbench.transport.Side;
import io.ipcbench.transport.control.ChildRuntime;
import io.ipcbench.transport.control.Json;
import io.ipcbench.transport.control.Placement;
import io.ipcbench.transport.control.PointSpec;
import io.ipcbench.transport.os.Affinity;

/**
 * The consumer process: pins its measuring thread, creates the point's rendezvous (socket, FIFOs,
 * rings or queues), then receives and verifies every message, echoing it (ping-pong) or counting
 * it (stream, rate) until the producer's END marker.
 */
public final class ConsumerMain
{
    private ConsumerMain()
    {
    }

    public static void main(final String[] args)
    {
        ChildRuntime.main(args, Side.CONSUMER, ConsumerMain::run);
    }

    static Json run(final PointSpec spec, final ChildRuntime runtime) throws Exception
    {
        final Json placement = Placement.pin(spec, Side.CONSUMER);
        try (MessageChannel channel = Channels.open(spec.channelConfig(Side.CONSUMER)))
        {
            runtime.ready(placement);
            final Json result;
            try (Receiver receiver = new Receiver(spec, channel, runtime))
            {
                result = receiver.run();
            }
            placement.put("cpu_at_end", Affinity.currentCpu());
            return result.put("side", Side.CONSUMER.label()).put("placement", placement).put("channel", channel.properties());
        }
    }
}
