package io.ipcbench.transport.pipe;

import com.sun.jna.LastErrorException;
import io.ipcbench.transport.ChannelConfig;
import io.ipcbench.transport.Rendezvous;
import io.ipcbench.transport.Side;
import io.ipcbench.transport.os.LibC;
import io.ipcbench.transport.stream.ByteStreamChannel;
import org.agrona.CloseHelper;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Two named pipes, one per direction, made by the consumer with mkfifo(3) through JNA:
 * {@code fwd.fifo} carries producer to consumer, {@code rev.fifo} the echo back. Both ends open
 * forward first, then reverse, so the blocking FIFO opens cannot deadlock. The consumer asks the
 * kernel for {@link ChannelConfig#pipeCapacity()} bytes per pipe (F_SETPIPE_SZ) and records what
 * it got; a refusal fails the point rather than let it measure the system default's pipe.
 */
public final class PipeChannel extends ByteStreamChannel
{
    public static final String FORWARD = "fwd.fifo";
    public static final String REVERSE = "rev.fifo";
    private static final int EPERM = 1;

    private PipeChannel(final ChannelConfig config, final FileChannel in, final FileChannel out)
    {
        super(config, in, out, in, out);
    }

    public static PipeChannel open(final ChannelConfig config) throws IOException
    {
        final Path forward = config.directory().resolve(FORWARD);
        final Path reverse = config.directory().resolve(REVERSE);
        final long deadline = Rendezvous.deadline(config);
        FileChannel first = null;
        FileChannel second = null;
        try
        {
            if (config.side() == Side.CONSUMER)
            {
                mkfifo(reverse);
                mkfifo(forward);
                first = FileChannel.open(forward, StandardOpenOption.READ);
                second = FileChannel.open(reverse, StandardOpenOption.WRITE);
                final PipeChannel channel = new PipeChannel(config, first, second);
                channel.properties.put("pipe_capacity_fwd", Integer.toString(setCapacity(forward, config.pipeCapacity())));
                channel.properties.put("pipe_capacity_rev", Integer.toString(setCapacity(reverse, config.pipeCapacity())));
                return channel;
            }
            Rendezvous.awaitFile(forward, deadline, "the consumer's FIFO " + forward);
            first = FileChannel.open(forward, StandardOpenOption.WRITE);
            second = FileChannel.open(reverse, StandardOpenOption.READ);
            return new PipeChannel(config, second, first);
        }
        catch (final IOException | RuntimeException ex)
        {
            CloseHelper.quietCloseAll(first, second);
            throw ex;
        }
    }

    private static void mkfifo(final Path path) throws IOException
    {
        try
        {
            LibC.mkfifo(path.toString(), 0600);
        }
        catch (final LastErrorException ex)
        {
            throw new IOException("mkfifo " + path + " failed: errno=" + ex.getErrorCode(), ex);
        }
    }

    /**
     * Sets and reads back the capacity of the pipe behind {@code path}, through a descriptor of
     * its own: the pipe exists while both ends hold it open, so any descriptor reaches it.
     */
    private static int setCapacity(final Path path, final int requested) throws IOException
    {
        final int fd;
        try
        {
            fd = LibC.open(path.toString(), LibC.O_RDWR | LibC.O_NONBLOCK | LibC.O_CLOEXEC);
        }
        catch (final LastErrorException ex)
        {
            throw new IOException("open " + path + " to size the pipe failed: errno=" + ex.getErrorCode(), ex);
        }
        try
        {
            if (requested > 0)
            {
                try
                {
                    LibC.fcntl(fd, LibC.F_SETPIPE_SZ, requested);
                }
                catch (final LastErrorException ex)
                {
                    // the FIFO would keep the system default, 64 KiB, and the point measure a pipe other than the one asked
                    throw new IOException("F_SETPIPE_SZ of " + requested + " bytes on " + path + " failed: errno=" + ex.getErrorCode() +
                        (ex.getErrorCode() == EPERM ? " (EPERM: above /proc/sys/fs/pipe-max-size without CAP_SYS_RESOURCE, or this " +
                        "user's pipe buffers are over /proc/sys/fs/pipe-user-pages-soft)" : "") +
                        "; --pipe-capacity 0 keeps the system default", ex);
                }
            }
            return LibC.fcntl(fd, LibC.F_GETPIPE_SZ, 0);
        }
        finally
        {
            LibC.close(fd);
        }
    }
}
