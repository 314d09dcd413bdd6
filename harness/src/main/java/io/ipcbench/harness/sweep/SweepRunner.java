package io.ipcbench.harness.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ipcbench.harness.env.Environment;
import io.ipcbench.harness.env.PerfProbe;
import io.ipcbench.harness.env.RunConditions;
import io.ipcbench.harness.launch.ChildJvm;
import io.ipcbench.harness.launch.MachineLock;
import io.ipcbench.harness.launch.PairOutcome;
import io.ipcbench.harness.launch.PairRunner;
import io.ipcbench.harness.launch.RunDirectory;
import io.ipcbench.harness.calibrate.Calibration;
import io.ipcbench.harness.model.CostModel;
import io.ipcbench.harness.report.Format;
import io.ipcbench.harness.report.HtmlReport;
import io.ipcbench.harness.report.TerminalReport;
import io.ipcbench.harness.results.RunRecorder;
import io.ipcbench.harness.stats.Metric;
import io.ipcbench.transport.control.PointSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Runs a sweep: every repetition of every point in a fresh producer/consumer pair, in the
 * interleaved order of {@link SweepConfig#schedule()}, recording each as it finishes and printing
 * progress; then the summary with the break-even statements.
 */
public final class SweepRunner
{
    public static final int EXIT_OK = 0;
    public static final int EXIT_POINTS_FAILED = 1;
    /** What the JVM exits with after SIGINT (SIGTERM: 143); returned by a run the shutdown hook has taken over. */
    public static final int EXIT_INTERRUPTED = 130;

    private final SweepConfig config;
    private final PrintWriter out;
    private final ObjectMapper json = new ObjectMapper();
    private final PairRunner.Timeouts timeouts = new PairRunner.Timeouts();

    public SweepRunner(final SweepConfig config, final PrintWriter out)
    {
        this.config = config;
        this.out = out;
    }

    public PairRunner.Timeouts timeouts()
    {
        return timeouts;
    }

    public int run() throws IOException
    {
        final Path runRoot = config.runRoot;
        for (final Path stale : RunDirectory.removeStale(runRoot))
        {
            out.println("removed " + stale + ", left by an earlier run that is no longer running");
        }
        if (config.countSyscalls)
        {
            config.syscallsUnavailable = PerfProbe.unavailableReason();
        }
        else
        {
            config.syscallsUnavailable = "turned off (--no-syscalls)";
        }
        final ChildJvm jvm = new ChildJvm();
        final List<SweepConfig.Run> schedule = config.schedule();
        final Map<String, Object> environment = Environment.capture(jvm.flags(), runRoot);
        final RunConditions conditions = RunConditions.read(environment);
        config.warnings.forEach(conditions::warn);
        conditions.add("syscall_counting", config.syscallsUnavailable == null ? "perf" : "unavailable: " + config.syscallsUnavailable);
        try (MachineLock lock = MachineLock.tryAcquire(runRoot))
        {
            if (lock == null)
            {
                final String holders = MachineLock.holders(runRoot).stream().map(String::valueOf).collect(Collectors.joining(", "));
                if (!config.allowConcurrent)
                {
                    throw new IllegalArgumentException("another ipcbench sweep is running on this machine (" +
                        (holders.isEmpty() ? "" : "pid " + holders + ", ") + "lock on " + runRoot + "); two sweeps at once disturb " +
                        "each other's figures. Wait for it to finish, or pass --allow-concurrent to run anyway (the runs' files stay " +
                        "apart, their figures will not)");
                }
                conditions.warn("another ipcbench sweep is running" + (holders.isEmpty() ? "" : " (pid " + holders + ")") +
                    ": both runs' figures are disturbed");
            }
            return run(jvm, schedule, environment, conditions);
        }
    }

    private int run(final ChildJvm jvm, final List<SweepConfig.Run> schedule, final Map<String, Object> environment,
        final RunConditions conditions) throws IOException
    {
        final RunRecorder recorder = new RunRecorder(config.resultsDir, config.points(), environment, configuration());
        // from the moment run.json exists a signal marks it interrupted, however early it comes
        final AtomicBoolean interrupted = new AtomicBoolean();
        final AtomicReference<RunDirectory> live = new AtomicReference<>();
        final Thread hook = new Thread(() -> interrupted(interrupted, recorder, live.get()), "ipcbench-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try
        {
            return measure(recorder, schedule, jvm, environment, conditions, interrupted, live);
        }
        finally
        {
            removeHook(hook);
        }
    }

    /** Every pair of the schedule, then the summary; {@code live} is given the run directory, for the hook. */
    private int measure(
        final RunRecorder recorder,
        final List<SweepConfig.Run> schedule,
        final ChildJvm jvm,
        final Map<String, Object> environment,
        final RunConditions conditions,
        final AtomicBoolean interrupted,
        final AtomicReference<RunDirectory> live) throws IOException
    {
        final Path runRoot = config.runRoot;
        recorder.conditions(conditions.values());
        final PairRunner pairs = new PairRunner(jvm, timeouts);
        out.printf(Locale.ROOT, "ipcbench sweep %s: %s x %s = %s; results in %s%n", recorder.runId(),
            count(config.points().size(), "point"), count(config.repeat, "repetition"), count(schedule.size(), "process pair"),
            recorder.directory());
        out.printf(Locale.ROOT, "  transports %s; modes %s; sizes %s; %s%n",
            config.transports.stream().map(t -> t.label()).collect(Collectors.joining(",")),
            config.modes.stream().map(m -> m.label()).collect(Collectors.joining(",")),
            config.sizes.stream().map(Sizes::format).collect(Collectors.joining(", ")),
            config.pin ? "producer pinned to CPU " + config.producerCpu + ", consumer to CPU " + config.consumerCpu : "not pinned");
        out.printf(Locale.ROOT, "  %s, clock %s, nanoTime %.0f ns, system calls %s%n", environment.get("cpu_model"),
            environment.get("clock_source"), (Double)conditions.values().get("nanotime_cost_ns"),
            config.syscallsUnavailable == null ? "counted with perf" : "not counted: " + config.syscallsUnavailable);
        for (final String warning : conditions.warnings())
        {
            out.println("  warning: " + warning);
        }
        int failed = 0;
        String status = "complete";
        final long sweepStart = System.nanoTime();
        try (RunDirectory runDirectory = RunDirectory.create(runRoot))
        {
            live.set(runDirectory);
            try
            {
                final Set<Long> neighbours = neighbours(runRoot);
                for (int i = 0; i < schedule.size(); i++)
                {
                    final SweepConfig.Run run = schedule.get(i);
                    if (interrupted.get())
                    {
                        return EXIT_INTERRUPTED;
                    }
                    final List<Long> arrived = new ArrayList<>(neighbours(runRoot));
                    arrived.removeAll(neighbours);
                    if (!arrived.isEmpty())
                    {
                        // a sweep started beside this one with --allow-concurrent: both runs' figures are disturbed from here
                        neighbours.addAll(arrived);
                        final String warning = "another ipcbench sweep (pid " + arrived.stream().map(String::valueOf)
                            .collect(Collectors.joining(", ")) + ") started during this one, before pair " + (i + 1) + " of " +
                            schedule.size() + ": figures from then on are disturbed";
                        out.println("  warning: " + warning);
                        synchronized (recorder)
                        {
                            conditions.warn(warning);
                            recorder.conditions(conditions.values());
                        }
                    }
                    final RepResult result = runPair(pairs, runDirectory, run, i + 1);
                    synchronized (recorder)
                    {
                        if (interrupted.get() || (!result.ok() && shuttingDown()))
                        {
                            // the shutdown hook has marked the run, or is about to: this pair was cut short by
                            // the signal (a Ctrl-C reaches the children too), not failed
                            return EXIT_INTERRUPTED;
                        }
                        recorder.record(result);
                    }
                    progress(i + 1, schedule.size(), run, result, System.nanoTime() - sweepStart);
                    if (!result.ok())
                    {
                        failed++;
                        if (config.failFast)
                        {
                            status = "failed";
                            out.println("stopping: --fail-fast is set; " + (schedule.size() - i - 1) + " of " + schedule.size() +
                                " pairs not run");
                            break;
                        }
                    }
                }
                synchronized (recorder)
                {
                    if (interrupted.get())
                    {
                        return EXIT_INTERRUPTED;
                    }
                    conclude(recorder, failed > 0 && "complete".equals(status) ? "complete-with-failures" : status);
                }
            }
            catch (final IOException | RuntimeException ex)
            {
                synchronized (recorder)
                {
                    if (interrupted.get() || shuttingDown())
                    {
                        // the signal's work: the hook removed the run directory under a pair that was starting,
                        // or refused its children; it marks the run and says so, once
                        return EXIT_INTERRUPTED;
                    }
                    // not an interruption: the run stops here, and says so
                    recorder.finish("failed");
                }
                throw ex;
            }
        }
        out.printf(Locale.ROOT, "%nresults: %s (report.html, run.json, points.csv, reps.csv, hist/, summary.txt) in %s%n",
            recorder.directory(), Format.duration(System.nanoTime() - sweepStart));
        if (failed > 0)
        {
            out.printf(Locale.ROOT, "%d of %d pairs failed; see the failures above and in run.json%n", failed, schedule.size());
            return EXIT_POINTS_FAILED;
        }
        return EXIT_OK;
    }

    /** The pids of the other live sweeps with a run directory under {@code runRoot}. */
    private static Set<Long> neighbours(final Path runRoot)
    {
        final Set<Long> pids = new TreeSet<>(MachineLock.holders(runRoot));
        pids.remove(ProcessHandle.current().pid());
        return pids;
    }

    /**
     * True once the JVM has begun to shut down (a signal, or exit elsewhere), even before our hook has
     * run: a hook can no longer be added then.
     */
    static boolean shuttingDown()
    {
        final Thread probe = new Thread(() -> { }, "ipcbench-shutdown-probe");
        try
        {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        }
        catch (final IllegalStateException ex)
        {
            return true;
        }
    }

    /** "1 point", "3 points": a count and its noun, plural unless one. */
    static String count(final long count, final String noun)
    {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    private static void removeHook(final Thread hook)
    {
        try
        {
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        catch (final IllegalStateException ex)
        {
            // the JVM is shutting down: the hook is running or has run
        }
    }

    /**
     * The end of a run, finished or interrupted: the break-evens and the cost model of the points
     * measured so far, summary.txt, the status in run.json, the summary on the terminal, report.html.
     * The caller holds the recorder's lock.
     */
    private void conclude(final RunRecorder recorder, final String status) throws IOException
    {
        final List<Analysis.ModeFindings> breakEven = Analysis.breakEven(recorder.records());
        final CostModel costModel = CostModel.fit(recorder.records());
        final Calibration calibration = latestCalibration(config.resultsDir);
        final String stopped = "interrupted".equals(status) ? "\nInterrupted: the figures below are from the pairs that finished " +
            "before the sweep was stopped; the points it did not reach are missing and some have fewer repetitions than asked.\n" : "";
        final String summary = stopped + TerminalReport.render(recorder.runId(), recorder.records(), config.repeat) +
            costModel.render(breakEven, calibration);
        recorder.costModel(costModel.toJson(breakEven, calibration));
        recorder.writeText("summary.txt", summary);
        recorder.finish(status);
        out.print(summary);
        out.flush();
        writeReport(recorder.directory());
    }

    /** The newest calibration under the results directory, or null; an unreadable one is reported and left out. */
    private Calibration latestCalibration(final Path resultsRoot)
    {
        try
        {
            return Calibration.latest(resultsRoot);
        }
        catch (final IllegalArgumentException ex)
        {
            out.println("note: " + ex.getMessage() + "; the cost model explains without a calibration");
            return null;
        }
    }

    /** report.html beside the data; a report that cannot be written is said, the run stands. */
    private void writeReport(final Path runDirectory)
    {
        try
        {
            HtmlReport.write(runDirectory);
        }
        catch (final IOException | RuntimeException ex)
        {
            out.println("warning: report.html not written: " + ex.getMessage());
        }
    }

    private RepResult runPair(final PairRunner pairs, final RunDirectory runDirectory, final SweepConfig.Run run, final int pairNumber)
        throws IOException
    {
        final PointKey key = run.point();
        final Path directory = runDirectory.newPoint();
        final PointSpec spec = config.spec(key, directory, pairNumber);
        final long start = System.nanoTime();
        RepResult result;
        try
        {
            final PairOutcome outcome = pairs.run(spec);
            final long elapsed = System.nanoTime() - start;
            if (outcome.ok())
            {
                result = measured(key, run.repetition(), outcome, elapsed);
            }
            else
            {
                result = RepResult.failure(key, run.repetition(), describe(key, run.repetition()) + ": " + outcome.failure(),
                    outcome.detail(), elapsed);
            }
        }
        finally
        {
            if (!RunDirectory.deletePoint(directory))
            {
                out.println("warning: could not remove " + directory);
            }
        }
        return result;
    }

    private RepResult measured(final PointKey key, final int repetition, final PairOutcome outcome, final long elapsed)
    {
        try
        {
            final JsonNode producer = json.readTree(outcome.producerResult());
            final JsonNode consumer = json.readTree(outcome.consumerResult());
            final RepMetrics metrics = RepMetrics.extract(key, producer, consumer);
            return RepResult.success(key, repetition, metrics.metrics(), metrics.histogram(), producer, consumer, elapsed);
        }
        catch (final IOException | RuntimeException ex)
        {
            return RepResult.failure(key, repetition, describe(key, repetition) + ": results rejected: " + ex.getMessage(), "", elapsed);
        }
    }

    private String describe(final PointKey key, final int repetition)
    {
        return key.series() + " " + key.mode().label() + " " + Sizes.format(key.payloadBytes()) + " (repetition " + repetition + ")";
    }

    private void progress(final int done, final int total, final SweepConfig.Run run, final RepResult result, final long elapsedNs)
    {
        final PointKey key = run.point();
        final String figure;
        if (result.ok())
        {
            final Metric metric = Metric.atSize(Metric.headline(key.mode()), key.payloadBytes());
            final Double value = result.metrics().get(metric);
            figure = metric.key() + " " + Format.value(metric, value) + " " + Format.unit(metric);
        }
        else
        {
            figure = "FAILED";
        }
        final long eta = elapsedNs / done * (total - done);
        out.printf(Locale.ROOT, "[%" + Integer.toString(total).length() + "d/%d] rep %d  %-8s %-8s %-16s %-22s %5.1fs  eta %s%n",
            done, total, run.repetition(), key.mode().label(), Sizes.format(key.payloadBytes()), key.series(), figure,
            result.elapsedNs() / 1e9, Format.duration(eta));
        if (!result.ok())
        {
            out.println("  " + result.failure());
            if (!result.failureDetail().isBlank())
            {
                out.println("  its last output:");
                result.failureDetail().lines().forEach(line -> out.println("    | " + line));
            }
        }
        out.flush();
    }

    /**
     * Ctrl-C or SIGTERM: the running pair is killed (and no other may start), its files and the
     * run directory go, and the results written so far stay, marked interrupted. The JVM then
     * exits with 128 + the signal: 130 for SIGINT, 143 for SIGTERM.
     */
    private void interrupted(final AtomicBoolean interrupted, final RunRecorder recorder, final RunDirectory runDirectory)
    {
        interrupted.set(true);
        PairRunner.killAll();
        if (runDirectory != null)
        {
            runDirectory.close();
        }
        synchronized (recorder)
        {
            if (recorder.finished())
            {
                return;
            }
            final long pairs = recorder.records().stream().mapToLong(record -> record.repetitions().size()).sum();
            try
            {
                if (pairs == 0)
                {
                    recorder.finish("interrupted");
                }
                else
                {
                    // what was measured is summarised as a finished run's would be, marked interrupted
                    conclude(recorder, "interrupted");
                }
                System.err.println("\ninterrupted: stopped the running pair and removed its files; " +
                    count(pairs, "finished pair") + " kept in " + recorder.directory() +
                    " (status: interrupted" + (pairs == 0 ? "" : "; summary.txt and report.html show them") + ")");
            }
            catch (final IOException | RuntimeException ex)
            {
                if (!recorder.finished())
                {
                    try
                    {
                        recorder.finish("interrupted");
                    }
                    catch (final IOException again)
                    {
                        // said below
                    }
                }
                System.err.println("interrupted; could not finish " + recorder.directory() + ": " + ex.getMessage());
            }
        }
    }

    private Map<String, Object> configuration()
    {
        final Map<String, Object> c = new LinkedHashMap<>();
        c.put("command", config.commandLine);
        c.put("transports", config.transports.stream().map(t -> t.label()).collect(Collectors.toList()));
        c.put("wait_strategies", config.waits.stream().map(w -> w.label()).collect(Collectors.toList()));
        c.put("modes", config.modes.stream().map(m -> m.label()).collect(Collectors.toList()));
        c.put("sizes", config.sizes);
        c.put("batches", config.batches);
        c.put("repeat", config.repeat);
        c.put("warmup_min_ns", config.warmupMinNs);
        c.put("warmup_max_ns", config.warmupMaxNs);
        c.put("duration_ns", config.durationNs);
        c.put("max_messages", config.maxMessages);
        c.put("max_bytes", config.maxBytes == null ? "chronicle: " + SweepConfig.CHRONICLE_MAX_BYTES + ", others: none" : config.maxBytes);
        c.put("verify", config.verify.label());
        c.put("rate", config.rate);
        final Map<String, Object> pinning = new LinkedHashMap<>();
        pinning.put("producer_cpu", config.producerCpu);
        pinning.put("consumer_cpu", config.consumerCpu);
        c.put("pinning", config.pin ? pinning : "off");
        c.put("ring_capacity", config.ringCapacity == 0 ? "derived" : config.ringCapacity);
        c.put("pipe_capacity_requested", config.pipeCapacity);
        c.put("chronicle_block_size", config.chronicleBlockSize);
        c.put("run_directory_root", config.runRoot.toString());
        c.put("fail_fast", config.failFast);
        c.put("syscall_counting", config.syscallsUnavailable == null ? "perf stat -e raw_syscalls:sys_enter, per measuring thread, over the window" :
            "unavailable: " + config.syscallsUnavailable);
        c.put("quick", config.quick);
        final Map<String, Object> limits = new LinkedHashMap<>();
        limits.put("startup_ns", timeouts.startupNs);
        limits.put("silence_ns", timeouts.silenceNs);
        limits.put("stall_ns", timeouts.stallNs);
        c.put("peer_timeouts", limits);
        return c;
    }
}
