package io.ipcbench.harness.cli;

import io.ipcbench.harness.compare.CompareReport;
import io.ipcbench.harness.compare.Comparison;
import io.ipcbench.harness.results.RunReader;
import io.ipcbench.harness.results.StoredRun;
import io.ipcbench.harness.sweep.SweepConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code ipcbench compare}: what changed between two runs, and whether any of it is a regression. */
@Command(
    name = "compare",
    header = "The change of every figure between two runs; exit 1 on a regression.",
    mixinStandardHelpOptions = true,
    versionProvider = IpcBench.Version.class,
    sortOptions = false,
    description = {
        "Compares every figure of every point (series, mode, size) present in both runs: the change of the median. " +
            "A figure REGRESSES when its median moved the bad way by more than the threshold AND beyond both runs' own " +
            "spread: the repetition ranges [min, max] of the two runs do not overlap and the medians moved by more than " +
            "the wider range is wide. " +
            "Improvements follow the same rule the other way. " +
            "Only rtt_p50, rtt_p99, mb_per_s, msgs_per_s, owl_p50 and owl_p99 can fail the comparison; CPU and the other " +
            "figures are informational unless --all-metrics. Points in one run only are listed as added or removed, not " +
            "failures. Differing environments (cpu_model, kernel, java_version) are warned of, not failed.",
        "",
        "JSON for CI trackers (github-action-benchmark, tool customSmallerIsBetter or customBiggerIsBetter): an array of " +
            "{\"name\": \"<series> <mode> <size> <metric>\", \"unit\", \"value\": the current median, " +
            "\"range\": \"<min>-<max>\", \"extra\": the base figure and the verdict}. One array cannot mix directions: " +
            "--format json prints the smaller-is-better one (latency, CPU) on stdout; --json-smaller FILE and " +
            "--json-bigger FILE (throughput, rates) write each to a file, with any --format.",
        "",
        "Exit codes: 0 no regression, 1 a regression, 2 bad input (no such run, the runs share no point, an output " +
            "file that cannot be written)."})
public final class CompareCommand implements Callable<Integer>
{
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BASE", description = "The run compared against: a run directory or a run id under the results directory.")
    String base;

    @Parameters(index = "1", paramLabel = "CURRENT", description = "The run under test: a run directory or a run id.")
    String current;

    @Option(names = "--threshold", paramLabel = "PCT", defaultValue = "10%",
        description = "How far a median must move to count, in percent (default: ${DEFAULT-VALUE}).")
    String threshold;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
        description = "text (a table sorted by severity), markdown (for a pull request), json (for a CI tracker). Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--all-metrics", description = "Let every figure fail the comparison, CPU and context switches included.")
    boolean allMetrics;

    @Option(names = "--all-rows", description = "List every figure compared, not only those that moved beyond the threshold.")
    boolean allRows;

    @Option(names = "--json-smaller", paramLabel = "FILE", description = "Also write the smaller-is-better tracker array (latency, CPU) to FILE.")
    Path jsonSmaller;

    @Option(names = "--json-bigger", paramLabel = "FILE", description = "Also write the bigger-is-better tracker array (throughput, rates) to FILE.")
    Path jsonBigger;

    @Option(names = "--results", paramLabel = "DIR", description = "Where run ids are looked up (default: results).")
    Path results;

    @Override
    public Integer call()
    {
        final double relative = Comparison.parseThreshold(threshold);
        final String chosen = format.trim().toLowerCase(Locale.ROOT);
        if (!chosen.equals("text") && !chosen.equals("json") && !chosen.equals("markdown"))
        {
            throw new IllegalArgumentException("--format " + format + " is not a format (known: text, json, markdown)");
        }
        PathOptions.named(base, "BASE", "run", "results/<run-id> or a run id");
        PathOptions.named(current, "CURRENT", "run", "results/<run-id> or a run id");
        checkOutput(jsonSmaller, "--json-smaller");
        checkOutput(jsonBigger, "--json-bigger");
        final Path root = PathOptions.named(results, "--results", "directory", "--results results") != null ?
            results : SweepConfig.defaultResults();
        final StoredRun baseRun = RunReader.load(base, root);
        final StoredRun currentRun = RunReader.load(current, root);
        final Comparison comparison = Comparison.of(baseRun, currentRun, relative, allMetrics);
        write(jsonSmaller, "--json-smaller", CompareReport.json(comparison, false));
        write(jsonBigger, "--json-bigger", CompareReport.json(comparison, true));
        final PrintWriter out = spec.commandLine().getOut();
        switch (chosen)
        {
            case "json":
                final PrintWriter err = spec.commandLine().getErr();
                comparison.warnings().forEach(warning -> err.println("ipcbench: warning: " + warning));
                err.flush();
                out.print(CompareReport.json(comparison, false));
                break;
            case "markdown":
                out.print(CompareReport.markdown(comparison, allRows));
                break;
            default:
                out.print(CompareReport.text(comparison, allRows));
                break;
        }
        out.flush();
        return comparison.regressed() ? 1 : 0;
    }

    /** An output file is checked before the runs are read, so that a typo in it does not cost a comparison. */
    private static void checkOutput(final Path file, final String option)
    {
        if (PathOptions.named(file, option, "file", option + " out.json") != null)
        {
            PathOptions.checkWritableFile(file, option);
        }
    }

    private static void write(final Path file, final String option, final String content)
    {
        if (file == null)
        {
            return;
        }
        try
        {
            Files.writeString(file, content, StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new IllegalArgumentException("cannot write " + option + " " + file + ": " + PathOptions.reason(ex));
        }
    }
}
