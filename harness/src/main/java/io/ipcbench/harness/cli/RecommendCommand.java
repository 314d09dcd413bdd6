package io.ipcbench.harness.cli;

import io.ipcbench.harness.recommend.Goal;
import io.ipcbench.harness.recommend.Recommender;
import io.ipcbench.harness.results.RunReader;
import io.ipcbench.harness.results.StoredRun;
import io.ipcbench.harness.sweep.Sizes;
import io.ipcbench.harness.sweep.SweepConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code ipcbench recommend}: which transport to use for a message size, from a run's figures. */
@Command(
    name = "recommend",
    header = "Which transport for messages of a given size, and what it costs.",
    mixinStandardHelpOptions = true,
    versionProvider = IpcBench.Version.class,
    sortOptions = false,
    description = {
        "Ranks the transports a run measured at one message size and says which is best, by how much, and at what " +
            "price (CPU cores kept busy, system calls per message). A size between measured ones is interpolated on log " +
            "size: log of each figure against log of the size, between the two nearest measured sizes. Sizes outside the " +
            "measured range are refused, not extrapolated.",
        "Exit codes: 0 done, 2 bad input (no such run, size outside the range, the goal's mode not measured)."})
public final class RecommendCommand implements Callable<Integer>
{
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--size", required = true, paramLabel = "SIZE", description = "Payload size to recommend for, k = 1024: e.g. 512, 4k, 1m.")
    String size;

    @Option(names = "--goal", paramLabel = "GOAL", defaultValue = "latency",
        description = "latency: lowest ping-pong round trip (rtt_p50, p99 shown); throughput: highest stream MB/s. Default: ${DEFAULT-VALUE}.")
    String goal;

    @Option(names = "--no-spin", description = "Leave out series whose reader busy-spins (wait strategy spin): they keep a whole core busy.")
    boolean noSpin;

    @Option(names = "--run", paramLabel = "RUN", description = "A run directory, or a run id under the results directory (default: the latest run).")
    String run;

    @Option(names = "--results", paramLabel = "DIR", description = "Where run ids are looked up (default: results).")
    Path results;

    @Override
    public Integer call()
    {
        final int bytes = Sizes.parse(size, "--size");
        final Goal chosen = Goal.parse(goal);
        PathOptions.named(run, "--run", "run", "--run results/<run-id>");
        PathOptions.named(results, "--results", "directory", "--results results");
        final StoredRun stored = RunReader.load(run, results != null ? results : SweepConfig.defaultResults());
        spec.commandLine().getOut().print(Recommender.recommend(stored, bytes, chosen, noSpin).text());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
