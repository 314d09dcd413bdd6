package io.ipcbench.transport;

import io.ipcbench.transport.agrona.AgronaRingChannel;
import io.ipcbench.transport.chronicle.ChronicleQueueChannel;
import io.ipcbench.transport.pipe.PipeChannel;
import io.ipcbench.transport.tcp.TcpChannel;
import io.ipcbench.transport.uds.UdsChannel;

import java.io.IOException;

/** Opens one end of the configured transport. */
public final class Channels
{
    private Channels()
    {
    }

    public static MessageChannel open(final ChannelConfig config) throws IOException
    {
        config.conclude();
        switch (config.transport())
        {
            case UDS:
                return UdsChannel.open(config);
            case PIPE:
                return PipeChannel.open(config);
            case TCP:
                return TcpChannel.open(config);
            case AGRONA:
                return AgronaRingChannel.open(config);
            case CHRONICLE:
                return ChronicleQueueChannel.open(config);
            default:
                throw new IllegalArgumentException("no channel for transport=" + config.transport());
        }
    }
}
