package io.ipcbench.harness.cli;

import io.ipcbench.harness.report.HtmlReport;
import io.ipcbench.harness.sweep.SweepConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code ipcbench report [RUN]}: (re)writes a run's self-contained report.html from its run.json. */
@Command(
    name = "report",
    header = "Write a run's self-contained report.html: charts, break-evens, environment.",
    mixinStandardHelpOptions = true,
    versionProvider = IpcBench.Version.class,
    description = {
        "Writes report.html for a run from its run.json: latency, throughput and CPU cost against message size, the " +
            "crossovers and break-even statements, the environment and the configuration, in one file that opens without " +
            "a network. Works for any run: finished, interrupted, or made by an older ipcbench."})
public final class ReportCommand implements Callable<Integer>
{
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(
        index = "0",
        arity = "0..1",
        paramLabel = "RUN",
        description = "A run directory (results/<run-id>), or a results directory to take its latest run (default: results/latest).")
    Path run;

    @Override
    public Integer call() throws IOException
    {
        PathOptions.named(run, "RUN", "run", "results/<run-id>");
        final Path written = HtmlReport.write(resolve(run));
        spec.commandLine().getOut().println("report: " + written);
        return 0;
    }

    /**
     * The run directory meant by {@code given}: a run directory as it is; a results directory by
     * its {@code latest} link (or latest.txt where links could not be made); nothing: the default
     * results directory's latest run.
     */
    static Path resolve(final Path given) throws IOException
    {
        final Path path = given != null ? given : SweepConfig.defaultResults();
        if (Files.isDirectory(path) && !Files.exists(path.resolve("run.json")))
        {
            final Path latest = path.resolve("latest");
            if (Files.isDirectory(latest))
            {
                return latest;
            }
            final Path latestText = path.resolve("latest.txt");
            if (Files.isRegularFile(latestText))
            {
                final String runId = Files.readString(latestText, StandardCharsets.UTF_8).trim();
                if (!runId.isEmpty())
                {
                    return path.resolve(runId);
                }
            }
        }
        if (given == null && !Files.exists(path))
        {
            throw new IllegalArgumentException("no run to report on: " + path + " does not exist; run ipcbench sweep first, " +
                "or name a run directory: ipcbench report results/<run-id>");
        }
        return path;
    }
}
