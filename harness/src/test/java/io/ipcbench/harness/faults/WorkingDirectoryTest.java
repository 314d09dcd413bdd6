package io.ipcbench.harness.faults;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The launcher runs the harness from wherever the user stands, which is seldom a build tree. Chronicle
 * looks for a {@code target} or {@code build} directory above the working directory and, finding
 * none, creates {@code java.io.tmpdir/target}; the tests themselves run inside one, so only a sweep
 * started elsewhere shows whether its children would leave that behind.
 */
@Timeout(60)
class WorkingDirectoryTest
{
    @TempDir
    Path results;

    @TempDir
    Path standing;

    @RegisterExtension
    final DebrisCheck debris = new DebrisCheck();

    @Test
    void shouldLeaveNoBuildDirectoryInTheTempDirectoryWhenStartedOutsideABuildTree() throws Exception
    {
        final Path tmpTarget = Path.of(System.getProperty("java.io.tmpdir"), "target");
        assumeFalse(Files.exists(tmpTarget), tmpTarget + " exists already, so a new one could not be seen");
        final List<String> args = new ArrayList<>(List.of("sweep", "--run-dir", debris.root().toString(), "--results", results.toString()));
        args.addAll(Cli.SHORT);
        args.addAll(List.of("--transports", "chronicle", "--modes", "pingpong", "--sizes", "64", "--repeat", "1", "--duration", "100ms"));

        final HarnessProcess sweep = HarnessProcess.start(args, standing);
        final int exit = sweep.awaitExit(50_000);

        assertEquals(0, exit, sweep::all);
        assertFalse(Files.exists(tmpTarget), () -> tmpTarget + " was created by the sweep");
        try (Stream<Path> written = Files.list(standing))
        {
            assertEquals(List.of(), written.map(Path::toString).collect(Collectors.toList()), "nothing written where the user stands");
        }
    }
}
