package io.ipcbench.harness.cli;

import io.ipcbench.harness.results.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ipcbench recommend} on the synthetic run {@code base}: rtt_p50 at 64 B and 4 KiB is
 * agrona/spin 0.4 and 1.6 us, agrona/futex 9 and 12 us, uds 20 and 24 us, pipe 18 and 30 us, so
 * pipe beats uds at 64 B and uds beats pipe at 4 KiB; where they cross is decided by the interpolation.
 */
class RecommendCommandTest
{
    @TempDir
    Path temp;

    @Test
    void shouldPickFastestAtInterpolatedSizeAndStateItsPrice()
    {
        final CommandRun run = recommend("--size", "512");

        assertEquals(0, run.exit(), run.err());
        assertEquals("", run.err());
        assertTrue(run.out().contains("512 B was not measured: each figure is interpolated between the nearest measured sizes " +
            "(64 B and 4 KiB), linear in log(figure) against log(size)."), run.out());
        assertEquals("Best: agrona/spin: 0.80 us round trip at 512 B (p99 3.20 us), 13x faster than agrona/futex (10.4 us) " +
            "and 27x faster than uds (21.9 us), the best of the kernel transports, but its reader keeps a whole core busy, " +
            "messages or not (consumer 1.00 cores, producer 1.00 cores). It makes 0.0 system calls per message " +
            "(producer + consumer) where agrona/futex makes 2.0.", run.line("Best: "));
        assertTrue(run.line("Why: ").contains("polls without pause"), run.line("Why: "));
        assertEquals("Without spinning: if a core cannot be spared, agrona/futex is the best that does not spin: 10.4 us round trip " +
            "(13x slower, consumer 0.45 cores, producer 0.40 cores); --no-spin ranks only those.", run.line("Without spinning: "));
    }

    @Test
    void shouldRankUdsAbovePipeAt512BytesButBelowAt128Bytes()
    {
        final CommandRun at512 = recommend("--size", "512");
        final CommandRun at128 = recommend("--size", "128");

        assertTrue(rank(at512, "uds").startsWith("  3 "), at512.out());
        assertTrue(rank(at512, "pipe").startsWith("  4 "), at512.out());
        assertTrue(rank(at128, "pipe").startsWith("  3 "), at128.out());
        assertTrue(rank(at128, "uds").startsWith("  4 "), at128.out());
        assertTrue(rank(at512, "uds").contains("21.9 [21.7-22.1]"), at512.out());
    }

    @Test
    void shouldLeaveOutSpinningSeriesWithNoSpin()
    {
        final CommandRun run = recommend("--size", "512", "--no-spin");

        assertEquals(0, run.exit(), run.err());
        assertNull(rank(run, "agrona/spin"));
        assertTrue(rank(run, "agrona/futex").startsWith("  1 "), run.out());
        assertEquals("Left out by --no-spin: agrona/spin (a spinning reader keeps a whole core busy).", run.line("Left out"));
        assertEquals("Best: agrona/futex: 10.4 us round trip at 512 B (p99 41.6 us), 2.1x faster than uds (21.9 us), " +
            "and its reader sleeps while it waits (consumer 0.45 cores, producer 0.40 cores). It makes 2.0 system calls " +
            "per message (producer + consumer) where uds makes 3.0.", run.line("Best: "));
        assertNull(run.line("Without spinning: "));
    }

    @Test
    void shouldRankThroughputHigherFirst()
    {
        final CommandRun run = recommend("--size", "4k", "--goal", "throughput");

        assertEquals(0, run.exit(), run.err());
        assertFalse(run.out().contains("was not measured"), "4 KiB was measured");
        assertTrue(run.line("Best: ").startsWith("Best: agrona/spin: 8000 MB/s at 4 KiB (1.95M msg/s), 1.6x the throughput of " +
            "agrona/futex (5000 MB/s) and 3.2x the throughput of pipe (2500 MB/s), the best of the kernel transports"), run.line("Best: "));
        assertTrue(rank(run, "uds").startsWith("  4 "), run.out());
    }

    @Test
    void shouldRefuseSizeAboveMeasuredRange()
    {
        final CommandRun run = recommend("--size", "1m");

        assertEquals(2, run.exit());
        assertEquals("ipcbench: size 1 MiB is outside the range run base measured in pingpong mode, 64 B to 64 KiB: " +
            "recommend interpolates between measured sizes and does not extrapolate\n", run.err());
        assertEquals("", run.out());
    }

    @Test
    void shouldRefuseSizeBelowMeasuredRange()
    {
        final CommandRun run = recommend("--size", "16", "--goal", "throughput");

        assertEquals(2, run.exit());
        assertEquals("ipcbench: size 16 B is outside the range run base measured in stream mode, 64 B to 64 KiB: " +
            "recommend interpolates between measured sizes and does not extrapolate\n", run.err());
    }

    @Test
    void shouldRefuseGoalWhoseModeWasNotMeasured()
    {
        final CommandRun run = CommandRun.execute("recommend", "--size", "512", "--run", Fixtures.run("stream-only").toString());

        assertEquals(2, run.exit());
        assertEquals("ipcbench: run stream-only has no pingpong points with rtt_p50 (its modes: stream); the latency goal ranks " +
            "pingpong figures: measure them with ipcbench sweep --modes pingpong\n", run.err());
    }

    @Test
    void shouldRefuseNoSpinWhenEverySeriesSpins()
    {
        final CommandRun run = CommandRun.execute("recommend", "--size", "512", "--no-spin", "--run", Fixtures.run("spin-only").toString());

        assertEquals(2, run.exit());
        assertEquals("ipcbench: --no-spin leaves nothing to rank: every series run spin-only measured in pingpong mode spins " +
            "(agrona/spin)\n", run.err());
    }

    @Test
    void shouldResolveRunIdUnderResultsOption()
    {
        final CommandRun run = CommandRun.execute("recommend", "--size", "512", "--results", Fixtures.root().toString(), "--run", "base");

        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("Recommendation for 512 B messages, goal latency: lowest ping-pong round trip (rtt_p50)\n"));
    }

    @Test
    void shouldNameMissingRunPath()
    {
        final Path missing = temp.resolve("no-such-run");
        final CommandRun run = CommandRun.execute("recommend", "--size", "512", "--run", missing.toString());

        assertEquals(2, run.exit());
        assertEquals("ipcbench: run '" + missing + "' not found: no directory " + missing + "\n", run.err());
    }

    @Test
    void shouldNameDirectoryWithoutRunJson()
    {
        final CommandRun run = CommandRun.execute("recommend", "--size", "512", "--run", temp.toString());

        assertEquals(2, run.exit());
        assertEquals("ipcbench: no run.json in " + temp + ": not an ipcbench run directory\n", run.err());
    }

    @Test
    void shouldNameMissingLatestRun()
    {
        final CommandRun run = CommandRun.execute("recommend", "--size", "512", "--results", temp.toString());

        assertEquals(2, run.exit());
        assertEquals("ipcbench: no run given and no latest run in " + temp + ": run 'ipcbench sweep' first, or name a run " +
            "directory or run id\n", run.err());
    }

    @Test
    void shouldRejectBadSizeAndGoal()
    {
        final CommandRun size = recommend("--size", "12q");
        final CommandRun negative = recommend("--size=-1");
        final CommandRun goal = recommend("--size", "512", "--goal", "cheapest");

        assertEquals(2, size.exit());
        assertEquals("ipcbench: --size '12q' has an unknown unit 'q' (known: b, k, m, g; k = 1024)\n", size.err());
        assertEquals(2, negative.exit());
        assertEquals("ipcbench: --size '-1' is not a whole number of bytes (sizes cannot be negative); use e.g. 512, 4k, 1m\n",
            negative.err());
        assertEquals(2, goal.exit());
        assertEquals("ipcbench: --goal cheapest is not a goal (known: latency, throughput)\n", goal.err());
    }

    @Test
    void shouldRefuseAnEmptyRunOrResultsDirectory()
    {
        final CommandRun run = CommandRun.execute("recommend", "--size", "512", "--run", "");
        final CommandRun results = CommandRun.execute("recommend", "--size", "512", "--results", " ");

        assertEquals(2, run.exit());
        assertEquals("ipcbench: --run '' names no run: give one, e.g. --run results/<run-id>\n", run.err());
        assertEquals(2, results.exit());
        assertEquals("ipcbench: --results ' ' names no directory: give one, e.g. --results results\n", results.err());
    }

    private static CommandRun recommend(final String... args)
    {
        final String[] all = new String[args.length + 3];
        all[0] = "recommend";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--run";
        all[args.length + 2] = Fixtures.run("base").toString();
        return CommandRun.execute(all);
    }

    /** The table row of a series, or null. */
    private static String rank(final CommandRun run, final String series)
    {
        for (final String line : run.out().split("\n"))
        {
            if (line.matches("  \\d+\\s+" + java.util.regex.Pattern.quote(series) + "\\s.*"))
            {
                return line;
            }
        }
        return null;
    }
}
