package io.ipcbench.transport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.locks.LockSupport;

/**
 * How the two ends of a point find each other in the point directory: the consumer creates a
 * resource and publishes it under its final name only when it is complete (write, then rename),
 * the producer waits for that name to appear. Every wait has a deadline.
 */
public final class Rendezvous
{
    private static final long POLL_NS = 1_000_000L;

    private Rendezvous()
    {
    }

    /** Writes {@code content} to {@code path} so that a reader sees either nothing or all of it. */
    public static void publish(final Path path, final String content) throws IOException
    {
        final Path temporary = path.resolveSibling(path.getFileName() + ".tmp");
        Files.writeString(temporary, content, StandardCharsets.UTF_8);
        Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Waits until {@code path} exists. */
    public static void awaitFile(final Path path, final long deadlineNs, final String what) throws IOException
    {
        while (!Files.exists(path))
        {
            pause(deadlineNs, what);
        }
    }

    /** Sleeps a little, or fails when the deadline has passed. */
    public static void pause(final long deadlineNs, final String what) throws IOException
    {
        if (System.nanoTime() - deadlineNs > 0)
        {
            throw new IOException("timed out waiting for " + what);
        }
        LockSupport.parkNanos(POLL_NS);
    }

    public static long deadline(final ChannelConfig config)
    {
        return System.nanoTime() + config.connectTimeoutNs();
    }
}
