package io.ipcbench.harness.faults;

import io.ipcbench.harness.env.PerfProbe;
import io.ipcbench.harness.launch.ChildJvm;
import io.ipcbench.transport.os.LibC;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Faults from outside, as a user or the OOM killer would inflict them: the child JVM is found by
 * its command line (its point directory is under this test's private root) and sent SIGKILL or
 * SIGSTOP by pid while the sweep runs in this JVM. Also: a child killed while perf counts its
 * system calls must take perf with it.
 */
@Timeout(120)
class ExternalFaultTest
{
    @TempDir
    Path results;

    @RegisterExtension
    final DebrisCheck debris = new DebrisCheck();

    @Test
    void shouldDetectAConsumerKilledFromOutsideAndRemoveItsQueues() throws Exception
    {
        final CompletableFuture<Cli> sweep = CompletableFuture.supplyAsync(() -> Cli.sweep(debris.root(), results,
            "--transports", "chronicle", "--modes", "stream", "--sizes", "64", "--repeat", "1", "--duration", "20s"));
        final ProcessHandle consumer = awaitMeasuring(ChildJvm.CONSUMER_MAIN, "chronicle.ready");

        assertEquals(0, LibC.kill((int)consumer.pid(), LibC.SIGKILL));
        final Cli done = sweep.get(60, TimeUnit.SECONDS);

        assertEquals(1, done.exit, done::all);
        assertTrue(done.out.contains("\n  chronicle/spin stream 64 B (repetition 1): consumer was killed by signal 9 (SIGKILL)\n"), done::all);
    }

    @Test
    void shouldDetectAProducerStoppedFromOutside() throws Exception
    {
        final CompletableFuture<Cli> sweep = CompletableFuture.supplyAsync(() -> Cli.sweep(debris.root(), results,
            "--transports", "pipe", "--modes", "pingpong", "--sizes", "64", "--repeat", "1", "--duration", "20s"));
        final ProcessHandle producer = awaitMeasuring(ChildJvm.PRODUCER_MAIN, "rev.fifo");

        assertEquals(0, LibC.kill((int)producer.pid(), LibC.SIGSTOP));
        final Cli done = sweep.get(60, TimeUnit.SECONDS);

        assertEquals(1, done.exit, done::all);
        final Matcher line = Pattern.compile("\n  pipe pingpong 64 B \\(repetition 1\\): producer was stopped \\(process state T: " +
            "SIGSTOP, Ctrl-Z or a debugger\\): no heartbeat for ([0-9.]+) s \\(pid " + producer.pid() + "\\)\n").matcher(done.out);
        assertTrue(line.find(), done::all);
        assertTrue(Double.parseDouble(line.group(1)) < 5.0, "detected within 5 s: " + line.group());
    }

    /** perf leaves by itself a second after its thread is gone; the harness must not leave it that second. */
    @Test
    void shouldTakePerfAlongWhenAChildIsKilledWhileItsSystemCallsAreCounted() throws Exception
    {
        assumeTrue(PerfProbe.unavailableReason() == null, "perf cannot count system calls here");
        final List<String> args = new ArrayList<>(List.of("sweep", "--run-dir", debris.root().toString(),
            "--results", results.toString(), "--warmup", "0ms", "--warmup-max", "0ms", "--no-pin",
            "--transports", "uds", "--modes", "pingpong", "--sizes", "64", "--repeat", "1", "--duration", "200ms"));
        final CompletableFuture<Cli> sweep = CompletableFuture.supplyAsync(() -> Cli.run(args));
        final ProcessHandle perf = Debris.awaitProcess(debris.root().toString(), "perf stat", 30_000);
        assertNotNull(perf, "perf started on a measuring thread");
        final ProcessHandle child = perf.parent().orElseThrow();
        // a moment for the child to report perf's pid, which it does as perf starts; the accounting window lasts 100 ms or more
        Thread.sleep(20);
        final String side = Debris.commandLine(child.pid()).contains(ChildJvm.PRODUCER_MAIN) ? "producer" : "consumer";

        assertEquals(0, LibC.kill((int)child.pid(), LibC.SIGKILL));
        final Cli done = sweep.get(60, TimeUnit.SECONDS);

        assertEquals(1, done.exit, done::all);
        assertTrue(done.out.contains("\n  uds pingpong 64 B (repetition 1): " + side + " was killed by signal 9 (SIGKILL)\n"), done::all);
        final List<String> left = debris.leftovers();
        assertTrue(left.isEmpty(), () -> "perf gone with the pair, not a second later: " + left);
    }

    /**
     * The child of the given main, once its point directory holds {@code channelFile} (the
     * consumer made the rendezvous) and both have had a moment to connect and move messages;
     * the window is 20 s, so the kill lands mid-point.
     */
    private ProcessHandle awaitMeasuring(final String main, final String channelFile) throws Exception
    {
        final ProcessHandle child = Debris.awaitProcess(debris.root().toString(), main, 60_000);
        assertNotNull(child, main + " started");
        final long deadline = System.nanoTime() + 60_000_000_000L;
        while (!channelFileExists(channelFile))
        {
            assertTrue(System.nanoTime() < deadline, channelFile + " appeared under " + debris.root());
            Thread.sleep(20);
        }
        Thread.sleep(1_500);
        return child;
    }

    private boolean channelFileExists(final String name) throws Exception
    {
        try (Stream<Path> files = Files.walk(debris.root()))
        {
            return files.anyMatch(path -> path.getFileName().toString().equals(name));
        }
        catch (final UncheckedIOException | NoSuchFileException ex)
        {
            // a point directory came or went while we looked
            return false;
        }
    }
}
