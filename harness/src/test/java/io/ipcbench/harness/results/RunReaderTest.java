package io.ipcbench.harness.results;

import io.ipcbench.harness.stats.Metric;
import io.ipcbench.harness.stats.Spread;
import io.ipcbench.harness.sweep.PointKey;
import io.ipcbench.transport.TransportKind;
import io.ipcbench.transport.control.Mode;
import io.ipcbench.transport.wait.WaitStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunReaderTest
{
    private static final PointKey UDS_PINGPONG_64 = new PointKey(TransportKind.UDS, WaitStrategy.KERNEL, 1, Mode.PINGPONG, 64);

    @TempDir
    Path temp;

    @Test
    void shouldReadEveryPointWithItsSpreads()
    {
        final StoredRun run = RunReader.read(Fixtures.run("base"));

        assertEquals("base", run.runId());
        assertEquals("complete", run.status());
        assertFalse(run.partial());
        assertEquals(24, run.points().size());
        assertEquals("6.1.0-test", run.environment().get("kernel"));
        final Spread rtt = run.spread(UDS_PINGPONG_64, Metric.RTT_P50);
        assertEquals(20000, rtt.median());
        assertEquals(19800, rtt.min());
        assertEquals(20200, rtt.max());
        assertArrayEquals(new double[]{19800, 20000, 20200}, rtt.values());
        assertNull(run.spread(UDS_PINGPONG_64, Metric.MB_PER_S));
        assertEquals(Set.of(Mode.PINGPONG, Mode.STREAM), run.modes());
        assertEquals(List.of(64, 4096, 65536), run.sizes(Mode.PINGPONG, Metric.RTT_P50));
        assertEquals("[uds, pipe, agrona/spin, agrona/futex]", run.series(Mode.PINGPONG).toString());
    }

    @Test
    void shouldSkipMetricsItDoesNotKnow() throws IOException
    {
        final Path dir = write("newer", Files.readString(Fixtures.run("base").resolve("run.json"))
            .replace("\"rtt_p50\":", "\"rtt_p42\": {\"unit\": \"ns\", \"median\": 1, \"min\": 1, \"max\": 1, \"n\": 1, \"values\": [1]},\n" +
                "      \"rtt_p50\":"));

        final StoredRun run = RunReader.read(dir);

        assertEquals(20000, run.spread(UDS_PINGPONG_64, Metric.RTT_P50).median());
        assertEquals(6, run.points().get(UDS_PINGPONG_64).size());
    }

    @Test
    void shouldResolveRunIdUnderResultsDirectory()
    {
        assertEquals(Fixtures.run("base"), RunReader.resolve("base", Fixtures.root()));
    }

    @Test
    void shouldResolveRunJsonFileToItsDirectory()
    {
        assertEquals(Fixtures.run("base"), RunReader.resolve(Fixtures.run("base").resolve("run.json").toString(), Path.of("/nowhere")));
    }

    @Test
    void shouldResolveLatestLinkWhenNoRunGiven() throws IOException
    {
        write("20261203-101010", Files.readString(Fixtures.run("base").resolve("run.json")));
        Files.createSymbolicLink(temp.resolve("latest"), Path.of("20261203-101010"));

        assertEquals("base", RunReader.load(null, temp).runId());
    }

    @Test
    void shouldResolveLatestTextWhenThereIsNoLink() throws IOException
    {
        write("20261203-101010", Files.readString(Fixtures.run("base").resolve("run.json")));
        Files.writeString(temp.resolve("latest.txt"), "20261203-101010\n");

        assertEquals(temp.resolve("20261203-101010"), RunReader.resolve(null, temp));
    }

    @Test
    void shouldRejectMissingLatest()
    {
        assertMessage("no run given and no latest run in " + temp + ": run 'ipcbench sweep' first, or name a run directory or run id",
            () -> RunReader.resolve(null, temp));
    }

    @Test
    void shouldRejectUnknownRun()
    {
        assertMessage("run 'nope' not found: no directory " + Path.of("nope").toAbsolutePath() + " and no run nope in " + temp,
            () -> RunReader.resolve("nope", temp));
        assertMessage("run '" + temp.resolve("a/b") + "' not found: no directory " + temp.resolve("a/b"),
            () -> RunReader.resolve(temp.resolve("a/b").toString(), temp));
    }

    @Test
    void shouldRejectMissingDirectory()
    {
        assertMessage("run directory " + temp.resolve("gone") + " does not exist", () -> RunReader.read(temp.resolve("gone")));
    }

    @Test
    void shouldRejectDirectoryWithoutRunJson()
    {
        assertMessage("no run.json in " + temp + ": not an ipcbench run directory", () -> RunReader.read(temp));
    }

    @Test
    void shouldRejectOtherSchema()
    {
        final Path dir = Fixtures.run("schema-2");

        assertMessage(dir.resolve("run.json") + " has schema ipcbench-run/2, which this ipcbench cannot read (it reads ipcbench-run/1)",
            () -> RunReader.read(dir));
    }

    @Test
    void shouldRejectJsonWithoutSchema() throws IOException
    {
        final Path dir = write("other", "{\"points\": []}");

        assertMessage(dir.resolve("run.json") + " has no schema: it is not an ipcbench run (expected schema ipcbench-run/1)",
            () -> RunReader.read(dir));
    }

    @Test
    void shouldRejectTextThatIsNotJson() throws IOException
    {
        final Path dir = write("garbage", "run,id\n1,2\n");

        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> RunReader.read(dir));
        assertTrue(ex.getMessage().startsWith(dir.resolve("run.json") + " is not valid JSON: "), ex.getMessage());
    }

    @Test
    void shouldRejectPointOfUnknownTransport() throws IOException
    {
        final Path dir = write("odd", Files.readString(Fixtures.run("tcp-only").resolve("run.json")).replace("\"transport\": \"tcp\"",
            "\"transport\": \"carrier-pigeon\""));

        assertMessage(dir.resolve("run.json") + " points[0] cannot be read: unknown transport: carrier-pigeon " +
            "(known: uds, pipe, tcp, agrona, chronicle)", () -> RunReader.read(dir));
    }

    private Path write(final String name, final String json) throws IOException
    {
        final Path dir = Files.createDirectories(temp.resolve(name));
        Files.writeString(dir.resolve("run.json"), json);
        return dir;
    }

    private static void assertMessage(final String expected, final org.junit.jupiter.api.function.Executable executable)
    {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, executable).getMessage());
    }
}
