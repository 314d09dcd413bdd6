package io.ipcbench.harness.cli;

import io.ipcbench.harness.calibrate.Calibration;
import io.ipcbench.harness.calibrate.Calibrator;
import io.ipcbench.harness.launch.MachineLock;
import io.ipcbench.harness.launch.RunDirectory;
import io.ipcbench.harness.model.CostModel;
import io.ipcbench.harness.model.RunPoints;
import io.ipcbench.harness.sweep.Analysis;
import io.ipcbench.harness.sweep.PointRecord;
import io.ipcbench.harness.sweep.Sizes;
import io.ipcbench.harness.sweep.SweepConfig;
import org.openjdk.jmh.runner.RunnerException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code ipcbench calibrate}: measure a system call, copies, CRC32C and the clock with JMH; or explain a run with them. */
@Command(
    name = "calibrate",
    header = "Measure with JMH what a system call, a copy, a CRC32C and a clock read cost here.",
    mixinStandardHelpOptions = true,
    versionProvider = IpcBench.Version.class,
    sortOptions = false,
    description = {
        "Measures with JMH what the parts of IPC cost on this machine: a raw system call (getpid through JNA), " +
            "System.nanoTime, and at each size a heap-to-direct copy, a direct-to-direct copy and a CRC32C. Results go to " +
            "results/calibration/<id>/ (calibration.json, jmh.json); results/calibration/latest is the newest.",
        "With --explain, measures nothing: fits a run's fixed and per-byte costs and explains its break-evens with the " +
            "newest calibration."})
public final class CalibrateCommand implements Callable<Integer>
{
    public static final int EXIT_FAILED = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--sizes", paramLabel = "LIST", description = "Copy and CRC sizes, k = 1024, at least two, at most 64m: " +
        "e.g. 8,512,32k,1m. Default: a sweep's, 8 B to 1 MiB in steps of 4.")
    String sizes;

    @Option(names = "--quick", description = "A short run for tests and CI: 64 B, 4 KiB, 256 KiB, 1 x 100 ms warm-up, 3 x 100 ms measured.")
    boolean quick;

    @Option(names = "--results", paramLabel = "DIR", description = "The results directory; calibrations go to DIR/calibration (default: results).")
    Path results;

    @Option(names = "--explain", paramLabel = "RUN", description = "Measure nothing: print the cost model of run directory RUN " +
        "(e.g. results/latest) with the newest calibration under --results.")
    Path explain;

    @Override
    public Integer call() throws IOException
    {
        final PrintWriter out = spec.commandLine().getOut();
        PathOptions.named(results, "--results", "directory", "--results results");
        PathOptions.named(explain, "--explain", "run", "--explain results/latest");
        final Path resultsRoot = results != null ? results : SweepConfig.defaultResults();
        if (explain != null)
        {
            return explain(out, resultsRoot);
        }
        final Calibrator.Settings settings = settings();
        PathOptions.checkWritableDirectory(resultsRoot, "--results");
        // ipcbench's machine lock stands in for JMH's, which would leave /tmp/jmh.lock behind
        System.setProperty("jmh.ignoreLock", "true");
        final Path lockRoot = RunDirectory.defaultRoot();
        try (MachineLock lock = MachineLock.tryAcquire(lockRoot))
        {
            if (lock == null)
            {
                final String holders = MachineLock.holders(lockRoot).stream().map(String::valueOf).collect(Collectors.joining(", "));
                spec.commandLine().getErr().println("warning: another ipcbench sweep or calibration is running" +
                    (holders.isEmpty() ? "" : " (pid " + holders + ")") + ": both will measure a disturbed machine");
            }
            final Calibrator.Outcome outcome = new Calibrator(settings, resultsRoot, out).run();
            out.println();
            out.print(outcome.calibration().summary());
            out.printf("%nresults: %s (calibration.json, jmh.json)%n", outcome.directory());
            out.flush();
            return 0;
        }
        catch (final RunnerException ex)
        {
            spec.commandLine().getErr().println("ipcbench: calibration failed: " + ex.getMessage());
            return EXIT_FAILED;
        }
    }

    /** Checks the options; every problem is an IllegalArgumentException naming the value and the limit. */
    Calibrator.Settings settings()
    {
        final List<Integer> chosen;
        if (sizes != null)
        {
            chosen = parseSizes(sizes);
        }
        else
        {
            chosen = quick ? SweepConfig.QUICK_SIZES : Calibrator.defaultSizes();
        }
        return quick ? Calibrator.Settings.quick(chosen) : Calibrator.Settings.standard(chosen);
    }

    /** Sizes as a sweep takes them, up to {@link Calibrator#MAX_SIZE}; a line needs two. */
    static List<Integer> parseSizes(final String text)
    {
        if (text.trim().isEmpty())
        {
            return Sizes.parseList(text, "--sizes");
        }
        final TreeSet<Integer> parsed = new TreeSet<>();
        for (final String item : text.split(",", -1))
        {
            parsed.add((int)Sizes.parseBytes(item, "--sizes", Calibrator.MAX_SIZE));
        }
        if (parsed.size() < 2)
        {
            throw new IllegalArgumentException("--sizes must name at least two different sizes to fit a fixed and a per-byte cost: --sizes=" + text);
        }
        return new ArrayList<>(parsed);
    }

    private int explain(final PrintWriter out, final Path resultsRoot)
    {
        final List<PointRecord> records = RunPoints.read(explain);
        final Calibration calibration = Calibration.latest(resultsRoot);
        final List<Analysis.ModeFindings> breakEven = Analysis.breakEven(records);
        final CostModel model = CostModel.fit(records);
        if (model.fits().isEmpty())
        {
            throw new IllegalArgumentException("--explain " + explain + " has no series measured at two or more sizes: nothing to fit");
        }
        out.println("Cost model of " + explain.toAbsolutePath().normalize() +
            (calibration == null ? " (no calibration under " + resultsRoot.resolve(Calibration.DIRECTORY) + ")" :
                " with calibration " + calibration.id()));
        out.print(model.render(breakEven, calibration));
        out.flush();
        return 0;
    }
}
