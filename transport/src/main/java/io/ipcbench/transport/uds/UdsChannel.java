package io.ipcbench.transport.uds;

import io.ipcbench.transport.ChannelConfig;
import io.ipcbench.transport.Rendezvous;
import io.ipcbench.transport.Side;
import io.ipcbench.transport.stream.ByteStreamChannel;

import java.io.IOException;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Unix domain stream socket. The consumer binds {@code uds.sock} in the point directory, accepts
 * one connection and unlinks the name at once; the producer connects. One socket carries both
 * directions: each message is copied into the kernel by write(2) and out of it by read(2).
 */
public final class UdsChannel extends ByteStreamChannel
{
    public static final String SOCKET_NAME = "uds.sock";

    private UdsChannel(final ChannelConfig config, final SocketChannel socket) throws IOException
    {
        super(config, socket, socket, socket);
        properties.put("so_sndbuf", String.valueOf(socket.getOption(StandardSocketOptions.SO_SNDBUF)));
        properties.put("so_rcvbuf", String.valueOf(socket.getOption(StandardSocketOptions.SO_RCVBUF)));
    }

    public static UdsChannel open(final ChannelConfig config) throws IOException
    {
        final Path path = config.directory().resolve(SOCKET_NAME);
        final long deadline = Rendezvous.deadline(config);
        final SocketChannel socket = config.side() == Side.CONSUMER ? accept(path, deadline) : connect(path, deadline);
        try
        {
            return new UdsChannel(config, socket);
        }
        catch (final IOException | RuntimeException ex)
        {
            socket.close();
            throw ex;
        }
    }

    private static SocketChannel accept(final Path path, final long deadline) throws IOException
    {
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX))
        {
            server.bind(UnixDomainSocketAddress.of(path), 1);
            server.configureBlocking(false);
            try
            {
                SocketChannel socket;
                while ((socket = server.accept()) == null)
                {
                    Rendezvous.pause(deadline, "the producer to connect to " + path);
                }
                socket.configureBlocking(true);
                return socket;
            }
            finally
            {
                Files.deleteIfExists(path);
            }
        }
    }

    private static SocketChannel connect(final Path path, final long deadline) throws IOException
    {
        final UnixDomainSocketAddress address = UnixDomainSocketAddress.of(path);
        while (true)
        {
            if (Files.exists(path))
            {
                try
                {
                    return SocketChannel.open(address);
                }
                catch (final SocketException ex)
                {
                    // bound but not yet listening, or a stale name: try again until the deadline
                }
            }
            Rendezvous.pause(deadline, "the consumer's socket " + path);
        }
    }
}
