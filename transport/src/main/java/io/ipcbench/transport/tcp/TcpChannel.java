package io.ipcbench.transport.tcp;

import io.ipcbench.transport.ChannelConfig;
import io.ipcbench.transport.Rendezvous;
import io.ipcbench.transport.Side;
import io.ipcbench.transport.stream.ByteStreamChannel;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * TCP over loopback with Nagle off (TCP_NODELAY), the baseline many users start from. The consumer
 * listens on an ephemeral port of 127.0.0.1 and publishes the port number in {@code tcp.port}.
 */
public final class TcpChannel extends ByteStreamChannel
{
    public static final String PORT_FILE = "tcp.port";

    private TcpChannel(final ChannelConfig config, final SocketChannel socket) throws IOException
    {
        super(config, socket, socket, socket);
        socket.setOption(StandardSocketOptions.TCP_NODELAY, true);
        properties.put("tcp_nodelay", "true");
        properties.put("so_sndbuf", String.valueOf(socket.getOption(StandardSocketOptions.SO_SNDBUF)));
        properties.put("so_rcvbuf", String.valueOf(socket.getOption(StandardSocketOptions.SO_RCVBUF)));
    }

    public static TcpChannel open(final ChannelConfig config) throws IOException
    {
        final Path portFile = config.directory().resolve(PORT_FILE);
        final long deadline = Rendezvous.deadline(config);
        final SocketChannel socket = config.side() == Side.CONSUMER ? accept(portFile, deadline) : connect(portFile, deadline);
        try
        {
            return new TcpChannel(config, socket);
        }
        catch (final IOException | RuntimeException ex)
        {
            socket.close();
            throw ex;
        }
    }

    private static SocketChannel accept(final Path portFile, final long deadline) throws IOException
    {
        try (ServerSocketChannel server = ServerSocketChannel.open())
        {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
            server.configureBlocking(false);
            Rendezvous.publish(portFile, Integer.toString(((InetSocketAddress)server.getLocalAddress()).getPort()));
            SocketChannel socket;
            while ((socket = server.accept()) == null)
            {
                Rendezvous.pause(deadline, "the producer to connect to loopback port in " + portFile);
            }
            socket.configureBlocking(true);
            return socket;
        }
    }

    private static SocketChannel connect(final Path portFile, final long deadline) throws IOException
    {
        Rendezvous.awaitFile(portFile, deadline, "the consumer's port file " + portFile);
        final int port = Integer.parseInt(Files.readString(portFile, StandardCharsets.UTF_8).trim());
        final InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        while (true)
        {
            try
            {
                return SocketChannel.open(address);
            }
            catch (final SocketException ex)
            {
                Rendezvous.pause(deadline, "the consumer to accept on " + address);
            }
        }
    }
}
