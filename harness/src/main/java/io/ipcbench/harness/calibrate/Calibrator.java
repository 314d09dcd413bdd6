package io.ipcbench.harness.calibrate;

import io.ipcbench.harness.calibrate.bench.FixedCostBenchmarks;
import io.ipcbench.harness.calibrate.bench.SizedBenchmarks;
import io.ipcbench.harness.env.Environment;
import io.ipcbench.harness.launch.ChildJvm;
import io.ipcbench.harness.results.AtomicFiles;
import io.ipcbench.harness.sweep.Sizes;
import io.ipcbench.harness.sweep.SweepConfig;
import io.ipcbench.transport.JvmFlags;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Version;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs the calibration benchmarks through JMH's Runner API and saves the result beside the
 * sweeps: {@code <results>/calibration/<id>/calibration.json} and {@code jmh.json}, then points
 * {@code <results>/calibration/latest} at it.
 *
 * <p>Every benchmark runs in a forked JVM with the flags every ipcbench child gets (those Agrona
 * needs, and the same GC and heap), so a copy costs what it costs in a producer or consumer. JMH
 * starts its forks with this JVM's {@code java.class.path}; run from ipcbench.jar that is the jar
 * alone, and the fork finds the libraries through the jar's manifest Class-Path, as the
 * producer and consumer do.
 */
public final class Calibrator
{
    /** The largest size: two buffers of it must fit the forks' direct memory, which is bounded by their heap. */
    public static final long MAX_SIZE = 64L << 20;

    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final String[] ENVIRONMENT_KEYS = {"hostname", "cpu_model", "cpus_online", "cpus_available_to_jvm", "hypervisor", "kernel", "os",
        "clock_source", "frequency_governor", "mitigations", "load_average_at_start", "java_version", "java_vm", "java_vendor"};

    /** How long JMH measures: one fork per benchmark and size, warm-up and measured iterations. */
    public record Settings(List<Integer> sizes, int forks, int warmupIterations, long warmupMs, int measurementIterations, long measurementMs)
    {
        /** The default run: the sweep's sizes, 3 x 200 ms of warm-up and 5 x 200 ms measured, about a minute and a half. */
        public static Settings standard(final List<Integer> sizes)
        {
            return new Settings(sizes, 1, 3, 200, 5, 200);
        }

        /** A short run for tests and CI: figures with a wide error. Three measured iterations: the fewest JMH gives an error for. */
        public static Settings quick(final List<Integer> sizes)
        {
            return new Settings(sizes, 1, 1, 100, 3, 100);
        }

        /** Forks JMH will start: three fixed-cost benchmarks, and three sized ones per size. */
        public int benchmarks()
        {
            return 3 + 3 * sizes.size();
        }
    }

    /** A finished calibration and where it was written. */
    public record Outcome(Calibration calibration, Path directory)
    {
    }

    private final Settings settings;
    private final Path resultsRoot;
    private final PrintWriter out;

    public Calibrator(final Settings settings, final Path resultsRoot, final PrintWriter out)
    {
        this.settings = settings;
        this.resultsRoot = resultsRoot;
        this.out = out;
    }

    /** The sizes a calibration measures by default: those of a default sweep. */
    public static List<Integer> defaultSizes()
    {
        return SweepConfig.DEFAULT_SIZES;
    }

    /**
     * Runs JMH, then writes calibration.json and jmh.json and moves the {@code latest} link. A
     * failed run leaves nothing behind.
     *
     * @throws RunnerException when JMH fails; what the failing benchmark printed has been shown.
     */
    public Outcome run() throws IOException, RunnerException
    {
        final Path root = resultsRoot.resolve(Calibration.DIRECTORY);
        Files.createDirectories(root);
        final Instant created = Instant.now();
        Path directory = root.resolve(ID.format(created));
        for (int suffix = 2; Files.exists(directory); suffix++)
        {
            directory = root.resolve(ID.format(created) + "-" + suffix);
        }
        Files.createDirectory(directory);
        final String id = directory.getFileName().toString();
        final Path unfinished = directory;
        // Ctrl-C or SIGTERM skips the finally below: a half-made calibration must not stay either
        final AtomicBoolean written = new AtomicBoolean();
        final Thread onSignal = new Thread(() ->
        {
            if (!written.get())
            {
                deleteTree(unfinished);
                out.println();
                out.println("ipcbench: calibration interrupted; nothing kept (" + unfinished + " removed)");
                out.flush();
            }
        }, "ipcbench-calibrate-cleanup");
        Runtime.getRuntime().addShutdownHook(onSignal);
        boolean done = false;
        try
        {
            // JMH writes its file as it pleases; it is copied whole into jmh.json once JMH is done
            final Path jmhOutput = directory.resolve(".jmh-output.json");
            final List<String> forkFlags = forkFlags();
            // before JMH starts: its own forks would count in the load average
            final Map<String, Object> environment = environment();
            out.printf("ipcbench calibrate %s: %d benchmarks, each in its own JVM (JMH %s); results in %s%n",
                id, settings.benchmarks(), Version.getPlainVersion(), directory);
            out.printf("  sizes %s; %d x %d ms warm-up, %d x %d ms measured%n",
                String.join(", ", settings.sizes().stream().map(Sizes::format).toList()),
                settings.warmupIterations(), settings.warmupMs(), settings.measurementIterations(), settings.measurementMs());
            out.flush();
            final ProgressOutput progress = new ProgressOutput(out, settings.benchmarks());
            try
            {
                new Runner(options(jmhOutput, forkFlags), progress).run();
            }
            catch (final RunnerException | RuntimeException ex)
            {
                progress.closeLine();
                final String transcript = progress.transcript().strip();
                if (!transcript.isEmpty())
                {
                    out.println("JMH output of the failing benchmark:");
                    out.println(transcript);
                    out.flush();
                }
                throw ex;
            }
            final byte[] jmhJson = Files.readAllBytes(jmhOutput);
            AtomicFiles.write(directory.resolve(Calibration.JMH_FILE), jmhJson);
            Files.delete(jmhOutput);
            final Calibration calibration = Calibration.fromJmh(JmhResults.read(directory.resolve(Calibration.JMH_FILE)), id,
                created.toString(), environment, settingsJson(forkFlags));
            AtomicFiles.write(directory.resolve(Calibration.FILE), calibration.toJsonText());
            written.set(true);
            try
            {
                AtomicFiles.symlink(root.resolve(Calibration.LATEST), Path.of(id));
            }
            catch (final IOException | UnsupportedOperationException ex)
            {
                // without symlinks, Calibration.latest falls back to the id that sorts last
                out.println("note: cannot link " + root.resolve(Calibration.LATEST) + ": " + ex.getMessage());
            }
            done = true;
            return new Outcome(calibration, directory);
        }
        finally
        {
            Runtime.getRuntime().removeShutdownHook(onSignal);
            if (!done)
            {
                deleteTree(directory);
            }
        }
    }

    /** What every fork gets on top of this JVM's own arguments: the children's flags, so that they measure alike. */
    static List<String> forkFlags()
    {
        final List<String> flags = new ArrayList<>(JvmFlags.required());
        flags.addAll(ChildJvm.TUNING);
        return flags;
    }

    private Options options(final Path result, final List<String> forkFlags)
    {
        final String[] sizes = settings.sizes().stream().map(String::valueOf).toArray(String[]::new);
        return new OptionsBuilder()
            .include("^" + Pattern.quote(FixedCostBenchmarks.class.getName()) + "\\.")
            .include("^" + Pattern.quote(SizedBenchmarks.class.getName()) + "\\.")
            .param("size", sizes)
            .forks(settings.forks())
            .warmupIterations(settings.warmupIterations())
            .warmupTime(TimeValue.milliseconds(settings.warmupMs()))
            .measurementIterations(settings.measurementIterations())
            .measurementTime(TimeValue.milliseconds(settings.measurementMs()))
            .jvmArgsAppend(forkFlags.toArray(String[]::new))
            .shouldFailOnError(true)
            .resultFormat(ResultFormatType.JSON)
            .result(result.toString())
            .build();
    }

    private Map<String, Object> settingsJson(final List<String> forkFlags)
    {
        final Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", Version.getPlainVersion());
        json.put("mode", "average time per operation, ns");
        json.put("forks", settings.forks());
        json.put("warmup_iterations", settings.warmupIterations());
        json.put("warmup_ms", settings.warmupMs());
        json.put("measurement_iterations", settings.measurementIterations());
        json.put("measurement_ms", settings.measurementMs());
        json.put("sizes", settings.sizes());
        json.put("fork_jvm_flags_appended", forkFlags);
        json.put("result_file", Calibration.JMH_FILE);
        return json;
    }

    private Map<String, Object> environment()
    {
        final Map<String, Object> all = Environment.capture(forkFlags(), resultsRoot.toAbsolutePath());
        final Map<String, Object> kept = new LinkedHashMap<>();
        for (final String key : ENVIRONMENT_KEYS)
        {
            if (all.containsKey(key))
            {
                kept.put(key, all.get(key));
            }
        }
        return kept;
    }

    private static void deleteTree(final Path directory)
    {
        try (Stream<Path> paths = Files.walk(directory))
        {
            for (final Path path : paths.sorted(Comparator.reverseOrder()).toList())
            {
                Files.deleteIfExists(path);
            }
        }
        catch (final IOException ex)
        {
            // best effort: a directory without calibration.json is never taken for a calibration
        }
    }
}
