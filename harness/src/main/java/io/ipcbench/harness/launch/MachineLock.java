package io.ipcbench.harness.launch;

import com.sun.jna.LastErrorException;
import io.ipcbench.transport.os.LibC;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps two sweeps from sharing a machine unknowingly (JMH's jmh.lock, without the file): an
 * exclusive flock(2) on the run-directory root itself (/dev/shm by default). The kernel drops the
 * lock when the holder exits, however it exits, and no file is created, so nothing is left behind.
 */
public final class MachineLock implements AutoCloseable
{
    private final int fd;
    private boolean closed;

    private MachineLock(final int fd)
    {
        this.fd = fd;
    }

    /**
     * Takes the lock on {@code root}.
     *
     * @return the lock, or null when another process holds it.
     */
    public static MachineLock tryAcquire(final Path root) throws IOException
    {
        final int fd;
        try
        {
            fd = LibC.open(root.toAbsolutePath().toString(), LibC.O_DIRECTORY | LibC.O_CLOEXEC);
        }
        catch (final LastErrorException ex)
        {
            throw new IOException("cannot open " + root + " to lock it: errno=" + ex.getErrorCode());
        }
        try
        {
            LibC.flock(fd, LibC.LOCK_EX | LibC.LOCK_NB);
            return new MachineLock(fd);
        }
        catch (final LastErrorException ex)
        {
            LibC.close(fd);
            if (ex.getErrorCode() == LibC.EWOULDBLOCK)
            {
                return null;
            }
            throw new IOException("cannot lock " + root + ": errno=" + ex.getErrorCode());
        }
    }

    /** The pids of live sweeps with a run directory under {@code root}, to name the holder. */
    public static List<Long> holders(final Path root)
    {
        final List<Long> pids = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root.toAbsolutePath(), RunDirectory.PREFIX + "*"))
        {
            for (final Path entry : entries)
            {
                if (RunDirectory.ownerAlive(entry))
                {
                    final String name = entry.getFileName().toString().substring(RunDirectory.PREFIX.length());
                    final int dash = name.indexOf('-');
                    try
                    {
                        pids.add(Long.parseLong(dash < 0 ? name : name.substring(0, dash)));
                    }
                    catch (final NumberFormatException ex)
                    {
                        // not ours
                    }
                }
            }
        }
        catch (final IOException ex)
        {
            // nothing to name
        }
        return pids;
    }

    @Override
    public void close()
    {
        if (!closed)
        {
            closed = true;
            LibC.close(fd);
        }
    }
}
