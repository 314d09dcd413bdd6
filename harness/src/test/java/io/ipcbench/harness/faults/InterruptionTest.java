package io.ipcbench.harness.faults;

import com.fasterxml.jackson.databind.JsonNode;
import io.ipcbench.harness.launch.ChildJvm;
import io.ipcbench.harness.launch.RunDirectory;
import io.ipcbench.harness.report.HtmlReport;
import io.ipcbench.harness.results.RunReader;
import io.ipcbench.transport.os.LibC;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Faults that strike the harness: SIGINT (Ctrl-C) or SIGTERM during a sweep must stop the running
 * pair, remove its files and leave the results so far readable and marked interrupted; a harness
 * killed outright (SIGKILL, no hook runs) must not leave its children running, and what it could
 * not remove must not disturb the next run, which removes it, its owner being gone.
 */
@Timeout(120)
class InterruptionTest
{
    @TempDir
    Path results;

    private Debris debris;
    private HarnessProcess harness;

    @BeforeEach
    void track() throws Exception
    {
        debris = Debris.track();
    }

    @AfterEach
    void nothingLeft() throws Exception
    {
        if (harness != null)
        {
            harness.destroy();
            debris.assertNothingLeft(5_000, harness.pid());
        }
        else
        {
            debris.assertNothingLeft(5_000);
        }
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource({"2, 130, SIGINT", "15, 143, SIGTERM"})
    void shouldStopThePairRemoveItsFilesAndKeepTheFinishedPointsMarkedInterrupted(
        final int signal, final int status, final String name) throws Exception
    {
        harness = HarnessProcess.start(sweep("--transports", "uds,agrona", "--repeat", "2", "--duration", "2s"));
        assertTrue(harness.awaitOutput("\n[1/4] ", 60_000), harness::all);
        assertNotNull(Debris.awaitProcess(debris.root().toString(), ChildJvm.PRODUCER_MAIN, 30_000), "the second pair started");
        Thread.sleep(500);

        final long signalled = System.nanoTime();
        assertEquals(0, LibC.kill((int)harness.pid(), signal));
        final int exit = harness.awaitExit(20_000);
        final double seconds = (System.nanoTime() - signalled) / 1e9;

        assertEquals(status, exit, harness::all);
        assertTrue(seconds < 10, "ended within seconds of " + name + ": " + seconds + " s");
        final Path run = Cli.onlyRun(results);
        assertTrue(harness.err().contains("\ninterrupted: stopped the running pair and removed its files; 1 finished pair kept in " +
            run + " (status: interrupted; summary.txt and report.html show them)\n"), harness::all);
        final JsonNode doc = Cli.runJson(run);
        assertEquals("interrupted", doc.path("status").asText());
        assertTrue(doc.path("finished").isTextual());
        assertEquals(1, doc.path("points").size(), "the finished point: " + doc.path("points"));
        assertEquals(0, doc.path("failures").size(), "the pair cut short is not a failure: " + doc.path("failures"));
        assertTrue(Cli.csv(run.resolve("points.csv")).size() > 1, "points.csv has the finished point");
        assertTrue(Cli.csv(run.resolve("reps.csv")).size() > 1, "reps.csv has its repetition");
        assertEquals(List.of(), temporaryFiles(run), "no half-written file left beside the results");
        // what was measured is summarised as a finished run's would be
        final String summary = Files.readString(run.resolve("summary.txt"));
        assertTrue(harness.out().contains(summary), "the summary on the terminal too:\n" + harness.all());
        assertTrue(summary.contains("Stream: throughput"), summary);
        assertTrue(summary.startsWith("\nInterrupted: the figures below are from the pairs that finished before the sweep was stopped"), summary);
        assertTrue(summary.contains("median [min-max] of 1 repetition (2 asked)"), summary);
        assertTrue(Files.readString(run.resolve("report.html")).contains("interrupted"), "report.html of the interrupted run");
    }

    @Test
    void shouldLetTheChildrenGoWhenTheHarnessIsKilledAndLetTheNextRunRemoveWhatItLeft() throws Exception
    {
        harness = HarnessProcess.start(sweep("--transports", "uds", "--repeat", "1", "--duration", "20s"));
        final ProcessHandle consumer = Debris.awaitProcess(debris.root().toString(), ChildJvm.CONSUMER_MAIN, 60_000);
        final ProcessHandle producer = Debris.awaitProcess(debris.root().toString(), ChildJvm.PRODUCER_MAIN, 60_000);
        assertNotNull(consumer);
        assertNotNull(producer);
        Thread.sleep(1_500);

        assertEquals(0, LibC.kill((int)harness.pid(), LibC.SIGKILL));
        assertEquals(128 + LibC.SIGKILL, harness.awaitExit(10_000));

        // no hook ran: the children notice their stdin close, remove their point directory and leave
        assertTrue(consumer.onExit().completeOnTimeout(null, 10, TimeUnit.SECONDS).join() != null, "consumer left");
        assertTrue(producer.onExit().completeOnTimeout(null, 10, TimeUnit.SECONDS).join() != null, "producer left");
        final List<Path> left = list(debris.root());
        assertEquals(1, left.size(), "the run directory, owner file inside, waits for the next run: " + left);
        final Path stale = left.get(0);
        assertTrue(stale.getFileName().toString().startsWith(RunDirectory.PREFIX + harness.pid() + "-"), stale.toString());
        assertEquals(List.of(stale.resolve("owner")), list(stale), "the children removed their point directory");
        assertEquals("running", Cli.runJson(Cli.onlyRun(results)).path("status").asText(), "the killed run's results still read back");
        assertEquals(RunReader.ABANDONED, RunReader.read(Cli.onlyRun(results)).status(),
            "read back, a run whose harness is gone is not taken for one still running");
        HtmlReport.write(Cli.onlyRun(results));
        assertTrue(Files.readString(Cli.onlyRun(results).resolve("report.html")).contains(">abandoned: partial results</span>"),
            "its report says so too");

        final Cli next = Cli.sweep(debris.root(), results.resolve("next"), "--transports", "uds", "--modes", "stream",
            "--sizes", "64", "--repeat", "1", "--duration", "100ms");

        assertEquals(0, next.exit, next::all);
        assertTrue(next.out.startsWith("removed " + stale + ", left by an earlier run that is no longer running\n"), next::all);
    }

    private List<String> sweep(final String... more)
    {
        final List<String> args = new ArrayList<>(List.of("sweep", "--run-dir", debris.root().toString(),
            "--results", results.toString(), "--modes", "stream", "--sizes", "64"));
        args.addAll(Cli.SHORT);
        args.addAll(List.of(more));
        return args;
    }

    private static List<Path> list(final Path directory) throws Exception
    {
        try (Stream<Path> entries = Files.list(directory))
        {
            return entries.sorted().collect(Collectors.toList());
        }
    }

    private static List<Path> temporaryFiles(final Path run) throws Exception
    {
        try (Stream<Path> files = Files.walk(run))
        {
            return files.filter(path -> path.getFileName().toString().endsWith(".tmp")).collect(Collectors.toList());
        }
    }
}
