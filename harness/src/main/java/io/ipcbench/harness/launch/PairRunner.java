package io.ipcbench.harness.launch;

import io.ipcbench.transport.Side;
import io.ipcbench.transport.control.PointSpec;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs one point in a fresh producer/consumer pair and watches it until both have reported or one
 * has failed. Detection, checked every {@link #POLL_NS}:
 * <ul>
 *   <li>a child that exits with an error, or without a result, fails the pair at once;</li>
 *   <li>a child that says nothing (not even a heartbeat, sent every 200 ms) for
 *       {@link Timeouts#silenceNs} is stopped or hung;</li>
 *   <li>a child whose message count has not moved for {@link Timeouts#stallNs} is stuck on a peer;</li>
 *   <li>a child not ready within {@link Timeouts#startupNs} never started;</li>
 *   <li>a pair still running after its whole budget plus slack has overrun.</li>
 * </ul>
 * The survivor is killed (SIGKILL) in every failure; the caller removes the point's files.
 */
public final class PairRunner
{
    static final long POLL_NS = 20_000_000L;

    /** The limits a pair is held to. */
    public static final class Timeouts
    {
        public long startupNs = 30_000_000_000L;
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
        final ChildProcess child = new ChildProcess(side, jvm.command(side, spec));
        LIVE.add(child);
        return child;
    }

    private static void stop(final ChildProcess child)
    {
        child.kill();
        LIVE.remove(child);
    }

    /** Kills every child still running; for the shutdown hook. */
    public static void killAll()
    {
        for (final ChildProcess child : LIVE)
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
        while (true)
        {
            LockSupport.parkNanos(POLL_NS);
            final long now = System.nanoTime();
            final boolean producerDone = !producer.alive();
            final boolean consumerDone = !consumer.alive();
            final PairOutcome exitFailure = exitFailure(producerDone, producer, consumerDone, consumer);
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
                if (child.silentNs(now) > timeouts.silenceNs)
                {
                    return failure(child, "stopped or hung: no heartbeat for " + seconds(child.silentNs(now)) +
                        " (pid " + child.pid() + ")");
                }
            }
            if (producer.ready() != null && consumer.ready() != null && !producerDone && !consumerDone)
            {
                final ChildProcess stalled = producer.stalledNs(now) >= consumer.stalledNs(now) ? producer : consumer;
                if (Math.min(producer.stalledNs(now), consumer.stalledNs(now)) > timeouts.stallNs)
                {
                    return failure(stalled, "stuck: no message moved for " + seconds(stalled.stalledNs(now)) +
                        " (producer at message " + producer.progress() + ", consumer at " + consumer.progress() + ")");
                }
            }
            if (now - start > overall)
            {
                return PairOutcome.failure(null, "pair overran its budget of " + seconds(overall) +
                    " (producer at message " + producer.progress() + ", consumer at " + consumer.progress() + ")", "");
            }
        }
    }

    private static PairOutcome exitFailure(
        final boolean producerDone, final ChildProcess producer, final boolean consumerDone, final ChildProcess consumer)
    {
        // A child that reports an error names the fault (a lost message, a closed peer); when both
        // died, the one that said why comes first, then the one killed by a signal.
        final ChildProcess[] order = {producer, consumer};
        for (final ChildProcess child : order)
        {
            final boolean done = child == producer ? producerDone : consumerDone;
            if (done && child.exitCode() != 0)
            {
                child.awaitExit(1_000);
            }
            if (done && child.exitCode() != 0 && child.error() != null)
            {
                return exitedFailure(child);
            }
        }
        for (final ChildProcess child : order)
        {
            final boolean done = child == producer ? producerDone : consumerDone;
            if (done)
            {
                child.awaitExit(1_000);
                if (child.exitCode() != 0 || child.result() == null)
                {
                    return exitedFailure(child);
                }
            }
        }
        return null;
    }

    private static PairOutcome exitedFailure(final ChildProcess child)
    {
        child.awaitExit(1_000);
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
