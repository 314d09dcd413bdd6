package io.ipcbench.transport.control;

import io.ipcbench.transport.Side;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What every child process does around its measurement: parse and check the point, report
 * progress on a heartbeat thread, watch its stdin for the harness going away, and turn every way
 * of failing into an {@code error} line and an exit code.
 */
public final class ChildRuntime
{
    /** The body of a child: runs the point, returns its result object. */
    @FunctionalInterface
    public interface Body
    {
        Json run(PointSpec spec, ChildRuntime runtime) throws Exception;
    }

    /** A fault of the measured exchange itself (lost, reordered or corrupted message). */
    public static final class MeasurementFault extends RuntimeException
    {
        public MeasurementFault(final String message)
        {
            super(message);
        }
    }

    private final AtomicLong progress = new AtomicLong();
    private final Side side;
    private final PointSpec spec;

    private ChildRuntime(final Side side, final PointSpec spec)
    {
        this.side = side;
        this.spec = spec;
    }

    /** Runs a child's main and exits the JVM with its status. */
    public static void main(final String[] args, final Side side, final Body body)
    {
        final PointSpec spec;
        try
        {
            spec = PointSpec.parse(args);
        }
        catch (final IllegalArgumentException ex)
        {
            ControlProtocol.emit(ControlProtocol.ERROR, side.label() + ": " + ex.getMessage());
            System.exit(ControlProtocol.EXIT_USAGE);
            return;
        }
        final ChildRuntime runtime = new ChildRuntime(side, spec);
        runtime.startDaemons();
        int status = ControlProtocol.EXIT_OK;
        try
        {
            final Json result = body.run(spec, runtime);
            ControlProtocol.emit(ControlProtocol.RESULT, result.toString());
        }
        catch (final MeasurementFault ex)
        {
            ControlProtocol.emit(ControlProtocol.ERROR, side.label() + ": " + ex.getMessage());
            status = ControlProtocol.EXIT_FAULT;
        }
        catch (final Throwable ex)
        {
            ex.printStackTrace();
            ControlProtocol.emit(ControlProtocol.ERROR, side.label() + ": " + ex);
            status = ControlProtocol.EXIT_FAULT;
        }
        System.out.flush();
        System.exit(status);
    }

    /** Publishes the number of messages handled so far; a release store, no fence on x86. */
    public void progress(final long messages)
    {
        progress.lazySet(messages);
    }

    public void ready(final Json details)
    {
        ControlProtocol.emit(ControlProtocol.READY, details.toString());
    }

    private void startDaemons()
    {
        final Thread heartbeat = new Thread(this::heartbeat, "ipcbench-heartbeat");
        heartbeat.setDaemon(true);
        heartbeat.start();
        final Thread watchdog = new Thread(this::watchStdin, "ipcbench-stdin-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private void heartbeat()
    {
        while (true)
        {
            ControlProtocol.emit(ControlProtocol.PROGRESS, Long.toString(progress.get()));
            try
            {
                Thread.sleep(ControlProtocol.HEARTBEAT_INTERVAL_MS);
            }
            catch (final InterruptedException ex)
            {
                return;
            }
        }
    }

    /** The harness holds our stdin open; end-of-file means it died: clean up our point and go. */
    private void watchStdin()
    {
        final InputStream in = System.in;
        try
        {
            final byte[] sink = new byte[64];
            while (in.read(sink) >= 0)
            {
                // the harness sends nothing; the read returns at end-of-file
            }
        }
        catch (final IOException ex)
        {
            // treated as end-of-file
        }
        System.err.println(side.label() + ": the harness went away (stdin closed); removing " + spec.directory + " and exiting");
        deleteTree(spec.directory);
        Runtime.getRuntime().halt(ControlProtocol.EXIT_ORPHANED);
    }

    /** Best-effort recursive delete; used when orphaned, the harness does it otherwise. */
    public static void deleteTree(final Path root)
    {
        if (root == null || !Files.exists(root))
        {
            return;
        }
        try
        {
            Files.walkFileTree(root, new SimpleFileVisitor<>()
            {
                @Override
                public FileVisitResult visitFile(final Path file, final BasicFileAttributes attrs) throws IOException
                {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(final Path file, final IOException ex)
                {
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(final Path dir, final IOException ex) throws IOException
                {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        catch (final IOException ex)
        {
            // best effort
        }
    }
}
