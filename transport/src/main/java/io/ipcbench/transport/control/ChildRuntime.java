package io.ipcbench.transport.control;

import com.sun.jna.LastErrorException;
import io.ipcbench.transport.Side;
import io.ipcbench.transport.os.LibC;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * What every child process does around its measurement: parse and check the point, report
 * progress on a heartbeat thread, watch its stdin for the harness going away, and turn every way
 * of failing into an {@code error} line and an exit code: {@link ControlProtocol#EXIT_FAULT} for a
 * fault of the measured exchange (a lost, reordered or corrupted message), {@link ControlProtocol#EXIT_ERROR}
 * for anything else (a peer that went away, an I/O error).
 *
 * <p>It also carries out the fault a test asks of this side ({@link Fault}), at the three moments
 * the workloads report: {@link #ready}, {@link #windowStarted} and {@link #teardown}; none of them
 * is on a per-message path.
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
    private final Fault fault;
    private final CountDownLatch windowStarted = new CountDownLatch(1);
    private final AtomicBoolean faultInflicted = new AtomicBoolean();
    /** Counted down once the fault has struck (a stopped process continued, or a silenced one muted). */
    private final CountDownLatch faultStruck = new CountDownLatch(1);
    private volatile long windowStartProgress;

    private ChildRuntime(final Side side, final PointSpec spec)
    {
        this.side = side;
        this.spec = spec;
        this.fault = spec.fault(side);
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
        leaveTerminalProcessGroup();
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
            status = ControlProtocol.EXIT_ERROR;
        }
        System.out.flush();
        System.exit(status);
    }

    /**
     * Ctrl-C in a terminal sends SIGINT to the whole foreground process group. The harness alone
     * must get it, so that it stops the pair in order, removes the files and marks the run
     * interrupted; children that died of the same SIGINT first would look like failed points.
     * In a session of its own, a child still dies with the harness: its stdin closes.
     */
    private static void leaveTerminalProcessGroup()
    {
        try
        {
            LibC.setsid();
        }
        catch (final LastErrorException | UnsatisfiedLinkError ex)
        {
            // already a group leader (not when started by the harness): keep the group we have
        }
    }

    /** Publishes the number of messages handled so far; a release store, no fence on x86. */
    public void progress(final long messages)
    {
        progress.lazySet(messages);
    }

    /** Reports the channel open; a {@code kill-at-start} fault strikes right after. */
    public void ready(final Json details)
    {
        ControlProtocol.emit(ControlProtocol.READY, details.toString());
        if (fault.kind() == Fault.Kind.KILL_AT_START)
        {
            inflict();
        }
    }

    /** Called once by the measuring thread when the measured window opens; mid-window faults strike soon after. */
    public void windowStarted()
    {
        windowStartProgress = progress.get();
        windowStarted.countDown();
    }

    /**
     * Called once by the measuring thread after the END exchange: what follows is teardown, where
     * a {@code kill-at-teardown} fault strikes. A mid-window fault whose window was too short for
     * the watcher to see messages move strikes here instead, so that it always happens.
     */
    public void teardown()
    {
        if (fault.kind() == Fault.Kind.KILL_AT_TEARDOWN || fault.midWindow())
        {
            inflict();
            // the watcher may have claimed the fault and not struck yet (descheduled on a busy machine):
            // returning now would let this child report a result it must not report
            awaitUninterruptibly(faultStruck);
        }
    }

    private static void awaitUninterruptibly(final CountDownLatch latch)
    {
        while (true)
        {
            try
            {
                latch.await();
                return;
            }
            catch (final InterruptedException ex)
            {
                // keep waiting: the fault must strike first
            }
        }
    }

    /** Waits for the measured window and for messages to move in it, then strikes. */
    private void watchForMidWindowFault()
    {
        try
        {
            windowStarted.await();
        }
        catch (final InterruptedException ex)
        {
            return;
        }
        while (progress.get() <= windowStartProgress + 1 && !faultInflicted.get())
        {
            LockSupport.parkNanos(1_000_000L);
        }
        inflict();
    }

    /** SIGKILL or SIGSTOP to this very process, or a silenced control plane, once; a stopped process carries on here if continued. */
    private void inflict()
    {
        if (!faultInflicted.compareAndSet(false, true))
        {
            return;
        }
        if (fault.kind() == Fault.Kind.MUTE_MID)
        {
            System.err.println(side.label() + ": fault injected: " + fault + " at message " + progress.get() + " (no more control lines)");
            System.err.flush();
            final Thread mute = new Thread(() -> ControlProtocol.blockForever(faultStruck::countDown), "ipcbench-fault-mute");
            mute.setDaemon(true);
            mute.start();
            return;
        }
        final int signal = fault.kind() == Fault.Kind.STOP_MID ? LibC.SIGSTOP : LibC.SIGKILL;
        System.err.println(side.label() + ": fault injected: " + fault + " at message " + progress.get() +
            " (signal " + signal + " to pid " + LibC.getpid() + ")");
        System.err.flush();
        LibC.kill(LibC.getpid(), signal);
        faultStruck.countDown();
    }

    private void startDaemons()
    {
        final Thread heartbeat = new Thread(this::heartbeat, "ipcbench-heartbeat");
        heartbeat.setDaemon(true);
        heartbeat.start();
        final Thread watchdog = new Thread(this::watchStdin, "ipcbench-stdin-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        if (fault.midWindow())
        {
            final Thread injector = new Thread(this::watchForMidWindowFault, "ipcbench-fault-injector");
            injector.setDaemon(true);
            injector.start();
        }
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
        removeEmptyRunDirectory(spec.directory.getParent());
        Runtime.getRuntime().halt(ControlProtocol.EXIT_ORPHANED);
    }

    /**
     * A harness interrupted while this child started may have removed its run directory already,
     * and a transport that makes its directories itself (Chronicle) may have made it again: an
     * empty {@code ipcbench-*} parent is debris nobody else will remove. One with an owner file
     * in it is a live or crashed harness's, and stays for it or for the next run.
     */
    private static void removeEmptyRunDirectory(final Path parent)
    {
        if (parent == null || parent.getFileName() == null || !parent.getFileName().toString().startsWith("ipcbench-"))
        {
            return;
        }
        try
        {
            Files.deleteIfExists(parent);
        }
        catch (final DirectoryNotEmptyException ex)
        {
            // an owner's run directory: not ours to remove
        }
        catch (final IOException ex)
        {
            // best effort
        }
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
