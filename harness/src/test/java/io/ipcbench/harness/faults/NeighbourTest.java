package io.ipcbench.harness.faults;

import com.fasterxml.jackson.databind.JsonNode;
import io.ipcbench.harness.launch.ChildJvm;
import io.ipcbench.harness.launch.MachineLock;
import io.ipcbench.harness.launch.RunDirectory;
import io.ipcbench.harness.results.RunRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two runs on one machine: a second sweep on the same run root is refused with a message naming
 * the first, unless --allow-concurrent, when it runs in a directory of its own with a warning and
 * leaves the other's alone; two sweeps started in the same second never share a results directory.
 */
@Timeout(60)
class NeighbourTest
{
    @TempDir
    Path results;

    @RegisterExtension
    final DebrisCheck debris = new DebrisCheck();

    @Test
    void shouldRefuseASecondSweepWhileAnotherHoldsTheLock() throws Exception
    {
        try (MachineLock lock = MachineLock.tryAcquire(debris.root()); RunDirectory other = RunDirectory.create(debris.root()))
        {
            final Cli sweep = Cli.sweep(debris.root(), results, "--transports", "uds", "--sizes", "64", "--repeat", "1");

            assertEquals(2, sweep.exit, sweep::all);
            assertEquals("ipcbench: another ipcbench sweep is running on this machine (pid " + ProcessHandle.current().pid() +
                ", lock on " + debris.root() + "); two sweeps at once disturb each other's figures. Wait for it to finish, " +
                "or pass --allow-concurrent to run anyway (the runs' files stay apart, their figures will not)\n", sweep.err);
            assertTrue(Files.isDirectory(other.path()), "the live sweep's directory is left alone");
        }
    }

    @Test
    void shouldRunBesideAnotherSweepWithAllowConcurrentAndSaySo() throws Exception
    {
        try (MachineLock lock = MachineLock.tryAcquire(debris.root()); RunDirectory other = RunDirectory.create(debris.root()))
        {
            Files.writeString(Files.createDirectory(other.path().resolve("p1")).resolve("uds.sock"), "");

            final Cli sweep = Cli.sweep(debris.root(), results, "--transports", "uds", "--modes", "stream", "--sizes", "64",
                "--repeat", "1", "--duration", "100ms", "--allow-concurrent");

            assertEquals(0, sweep.exit, sweep::all);
            assertTrue(sweep.out.contains("\n  warning: another ipcbench sweep is running (pid " + ProcessHandle.current().pid() +
                "): both runs' figures are disturbed\n"), sweep::all);
            assertTrue(Files.exists(other.path().resolve("p1").resolve("uds.sock")), "the other sweep's files are left alone");
            assertEquals(List.of(other.path()), list(debris.root()), "ours are gone");
        }
    }

    @Test
    void shouldWarnTheSweepHoldingTheLockWhenAnotherStartsBesideIt() throws Exception
    {
        final HarnessProcess holder = HarnessProcess.start(List.of("sweep", "--run-dir", debris.root().toString(),
            "--results", results.toString(), "--transports", "uds", "--modes", "stream", "--sizes", "64,128", "--repeat", "1",
            "--duration", "300ms", "--no-syscalls"));
        try
        {
            // a neighbour started with --allow-concurrent while the first pair runs: its run directory appears
            assertNotNull(Debris.awaitProcess(debris.root().toString(), ChildJvm.PRODUCER_MAIN, 30_000), holder::all);
            try (RunDirectory other = RunDirectory.create(debris.root()))
            {
                assertEquals(0, holder.awaitExit(40_000), holder::all);
            }
            final String warning = "another ipcbench sweep (pid " + ProcessHandle.current().pid() + ") started during this one, " +
                "before pair 2 of 2: figures from then on are disturbed";
            assertTrue(holder.out().contains("\n  warning: " + warning + "\n[2/2] "), holder::all);
            final JsonNode warnings = Cli.runJson(Cli.onlyRun(results)).path("conditions").path("warnings");
            assertTrue(warnings.toString().contains(warning), warnings.toString());
        }
        finally
        {
            holder.destroy();
        }
    }

    @Test
    void shouldGiveRunsStartedInTheSameSecondTheirOwnDirectories() throws Exception
    {
        final RunRecorder first = new RunRecorder(results, List.of(), Map.of(), Map.of());
        final RunRecorder second = new RunRecorder(results, List.of(), Map.of(), Map.of());
        final RunRecorder third = new RunRecorder(results, List.of(), Map.of(), Map.of());

        assertNotEquals(first.directory(), second.directory());
        assertNotEquals(second.directory(), third.directory());
        assertNotEquals(first.directory(), third.directory());
        for (final RunRecorder recorder : List.of(first, second, third))
        {
            assertEquals(recorder.runId(), Cli.runJson(recorder.directory()).path("run_id").asText());
        }
        assertFalse(Files.exists(results.resolve("latest")), "no run has finished");
    }

    private static List<Path> list(final Path directory) throws Exception
    {
        try (Stream<Path> entries = Files.list(directory))
        {
            return entries.sorted().collect(Collectors.toList());
        }
    }
}
