package io.ipcbench.harness.launch;

import io.ipcbench.transport.Side;
import io.ipcbench.transport.control.ControlProtocol;
import io.ipcbench.transport.control.PointSpec;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs one point in a fresh producer/consumer pair and watches it until both have reported or one
 * has failed. Detection, checked every {@link #POLL_NS}:
 * <ul>
 *   <li>a child that exits with an error, or without a result, fails the pair at once;</li>
 *   <li>a child the kernel holds stopped (SIGSTOP, Ctrl-Z, a debugger) and silent for
 *       {@link Timeouts#stoppedNs} is stopped;</li>
 *   <li>a child that says nothing (not even a heartbeat, sent every 200 ms) for
 *       {@link Timeouts#silenceNs} is hung;</li>
 *   <li>a child whose message count has not moved for {@link Timeouts#stallNs} is stuck on a peer;</li>
 *   <li>a child not ready within {@link Timeouts#startupNs} never started;</li>
 *   <li>a pair still running after its whole budget plus slack has overrun.</li>
 * </ul>
 * When both children have failed, the failure named is the cause, not its echo: a child killed
 * by a signal first, then one that found a fault in the messages, then the one that exited first
 * (a consumer that reads end-of-file only reports that its producer died).
 * The survivor is killed (SIGKILL) in every failure; the caller removes the point's files.
 */
public final class PairRunner
{
    static final long POLL_NS = 20_000_000L;
    /** How long a child whose failure may be its peer's echo waits for the peer to say more. */
    static final long CAUSE_GRACE_NS = 1_000_000_000L;

    /** The limits a pair is held to. */
    public static final class Timeouts
    {
        public long startupNs = 30_000_000_000L;
        /** Silence after which a child the kernel holds stopped is reported. */
        public long stoppedNs = 1_000_000_000L;
        /**
         * Silence after which a running child is reported hung: longer than {@link #stoppedNs},
         * because a JVM on a loaded two-CPU machine can miss a few heartbeats and still be well.
         */
        public long silenceNs = 3_000_000_000L;
        public long stallNs = 4_000_000_000L;
        /** After one side finished, how long the other may take to report. */
        public long finishNs = 10_000_000_000L;

        /** Whole-pair limit for a point: its warm-up and window caps, the consumer's JIT wait, plus slack. */
        public long overallNs(final PointSpec spec)
        {
            return startupNs + spec.warmupNs + 2_000_000_000L + spec.maxNs + 20_000_000_000L;
        }
    }

    private static final Set<ChildProcess> LIVE = ConcurrentHashMap.newKeySet();
    /** Set by {@link #killAll}: from then on no child may start, so none outlives the harness. */
    private static boolean shuttingDown;

    private final ChildJvm jvm;
    private final Timeouts timeouts;

    public PairRunner(final ChildJvm jvm, final Timeouts timeouts)
    {
        this.jvm = jvm;
        this.timeouts = timeouts;
    }

    public PairOutcome run(final PointSpec spec) throws IOException
    {
        final ChildProcess consumer = start(Side.CONSUMER, spec);
        final ChildProcess producer;
        try
        {
            producer = start(Side.PRODUCER, spec);
        }
        catch (final IOException | RuntimeException ex)
        {
            stop(consumer);
            throw ex;
        }
        try
        {
            return watch(spec, producer, consumer);
        }
        finally
        {
            stop(producer);
            stop(consumer);
        }
    }

    private ChildProcess start(final Side side, final PointSpec spec) throws IOException
    {
        // under the lock that killAll takes: a child is either refused or registered before it can be missed
        synchronized (LIVE)
        {
            if (shuttingDown)
            {
                throw new IOException("not starting the " + side.label() + ": ipcbench is shutting down");
            }
            final ChildProcess child = new ChildProcess(side, jvm.command(side, spec));
            LIVE.add(child);
            return child;
        }
    }

    private static void stop(final ChildProcess child)
    {
        child.kill();
        LIVE.remove(child);
    }

    /** Kills every child still running, and refuses to start more; for the shutdown hook. */
    public static void killAll()
    {
        final List<ChildProcess> children;
        synchronized (LIVE)
        {
            shuttingDown = true;
            children = new ArrayList<>(LIVE);
        }
        for (final ChildProcess child : children)
        {
            child.kill();
        }
        LIVE.clear();
    }

    private PairOutcome watch(final PointSpec spec, final ChildProcess producer, final ChildProcess consumer)
    {
        final long start = System.nanoTime();
        final long overall = timeouts.overallNs(spec);
        long firstFinishedNs = 0;
        final long[] pendingSince = {0};
        while (true)
        {
            LockSupport.parkNanos(POLL_NS);
            final long now = System.nanoTime();
            final boolean producerDone = !producer.alive();
            final boolean consumerDone = !consumer.alive();
            final PairOutcome exitFailure = exitFailure(producer, consumer, now, pendingSince);
            if (exitFailure != null)
            {
                return exitFailure;
            }
            if (producerDone && consumerDone)
            {
                return PairOutcome.success(producer.result(), consumer.result());
            }
            if (producerDone || consumerDone)
            {
                if (firstFinishedNs == 0)
                {
                    firstFinishedNs = now;
                }
                else if (now - firstFinishedNs > timeouts.finishNs)
                {
                    final ChildProcess late = producerDone ? consumer : producer;
                    final ChildProcess done = producerDone ? producer : consumer;
                    return failure(late, "did not finish within " + seconds(timeouts.finishNs) + " after the " +
                        done.side.label() + " reported its result");
                }
            }
            for (final ChildProcess child : new ChildProcess[] {consumer, producer})
            {
                if (!child.alive())
                {
                    continue;
                }
                if (child.ready() == null)
                {
                    if (child.ageNs(now) > timeouts.startupNs)
                    {
                        return failure(child, "never became ready within " + seconds(timeouts.startupNs) +
                            " (the JVM did not start, or it waits for a peer that never appeared)");
                    }
                }
                final long silent = child.silentNs(now);
                if (silent > timeouts.stoppedNs && child.stopped())
                {
                    return failure(child, "was stopped (process state T: SIGSTOP, Ctrl-Z or a debugger): no heartbeat for " +
                        seconds(silent) + " (pid " + child.pid() + ")");
                }
                if (silent > timeouts.silenceNs)
                {
                    return failure(child, "hung: no heartbeat for " + seconds(silent) + " (pid " + child.pid() + ")");
                }
            }
            if (producer.ready() != null && consumer.ready() != null && !producerDone && !consumerDone)
            {
                final ChildProcess stalled = producer.stalledNs(now) >= consumer.stalledNs(now) ? producer : consumer;
                if (Math.min(producer.stalledNs(now), consumer.stalledNs(now)) > timeouts.stallNs)
                {
                    return failure(stalled, "stuck: no message moved for " + seconds(stalled.stalledNs(now)) +
                        " (producer at message " + producer.progress() + ", consumer at message " + consumer.progress() + ")");
                }
            }
            if (now - start > overall)
            {
                return PairOutcome.failure(null, "pair overran its budget of " + seconds(overall) +
                    " (producer at message " + producer.progress() + ", consumer at message " + consumer.progress() + ")", "");
            }
        }
    }

    /**
     * The failure of a child that has exited with an error or without a result, or null when none
     * has. A child that failed for a reason of its own kind (an I/O error, no result) is often
     * only the echo of its peer's fault (a consumer that found a bad message closes its channel,
     * and the producer reads end-of-file): while the peer lives, it gets {@link #CAUSE_GRACE_NS}
     * to exit too and be named instead.
     */
    private static PairOutcome exitFailure(final ChildProcess producer, final ChildProcess consumer, final long nowNs,
        final long[] pendingSince)
    {
        final List<ChildProcess> failed = new ArrayList<>(2);
        for (final ChildProcess child : new ChildProcess[] {producer, consumer})
        {
            if (!child.alive())
            {
                // reap it and read all it wrote: its error line may still be in the pipe
                child.awaitExit(1_000);
                if (child.exitCode() != 0 || child.result() == null)
                {
                    failed.add(child);
                }
            }
        }
        if (failed.isEmpty())
        {
            return null;
        }
        failed.sort(Comparator.comparingInt(PairRunner::causeRank).thenComparingLong(ChildProcess::exitNs));
        final ChildProcess first = failed.get(0);
        final ChildProcess peer = first == producer ? consumer : producer;
        if (causeRank(first) == 2 && peer.alive())
        {
            if (pendingSince[0] == 0)
            {
                pendingSince[0] = nowNs;
            }
            if (nowNs - pendingSince[0] < CAUSE_GRACE_NS)
            {
                return null;
            }
        }
        return exitedFailure(first);
    }

    /** 0: killed by a signal (nobody in the pair sends one); 1: found a fault in the messages; 2: anything else. */
    private static int causeRank(final ChildProcess child)
    {
        final int code = child.exitCode();
        if (code > 128 && code < 160)
        {
            return 0;
        }
        return code == ControlProtocol.EXIT_FAULT ? 1 : 2;
    }

    private static PairOutcome exitedFailure(final ChildProcess child)
    {
        final int code = child.exitCode();
        final String how;
        if (code > 128 && code < 160)
        {
            how = "was killed by signal " + (code - 128) + signalName(code - 128);
        }
        else if (code == 0)
        {
            how = "exited without a result";
        }
        else
        {
            how = "exited with status " + code;
        }
        final String said = child.error() != null ? ": " + child.error() : child.ready() == null ? " before it was ready" : "";
        return failure(child, how + said);
    }

    private static String signalName(final int signal)
    {
        switch (signal)
        {
            case 9:
                return " (SIGKILL)";
            case 15:
                return " (SIGTERM)";
            case 6:
                return " (SIGABRT)";
            case 11:
                return " (SIGSEGV)";
            case 2:
                return " (SIGINT)";
            case 7:
                return " (SIGBUS: a mapped file could not be backed, is its file system full?)";
            default:
                return "";
        }
    }

    private static PairOutcome failure(final ChildProcess child, final String what)
    {
        return PairOutcome.failure(child.side, child.side.label() + " " + what, child.tail());
    }

    static String seconds(final long ns)
    {
        return String.format("%.1f s", ns / 1e9);
    }
}
