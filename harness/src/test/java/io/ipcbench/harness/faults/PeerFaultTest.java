package io.ipcbench.harness.faults;

import com.fasterxml.jackson.databind.JsonNode;
import io.ipcbench.transport.TransportKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Peer faults inflicted by the children themselves (hidden {@code --inject}) in real sweeps: a
 * kill -9 of either side at start, mid-point and at teardown, a SIGSTOP of either side, a stalled
 * producer, a flipped payload byte and a skipped sequence number. Each must fail its pair with a
 * line naming the transport, side, size and what happened, keep the pairs already finished, go
 * on to the next pair (or stop with --fail-fast), exit 1, and leave nothing behind.
 *
 * <p>The kills mid-point and the stops run on every transport, one sweep per transport whose first
 * pair is healthy; the rarer ones on one or two transports.
 */
@Timeout(120)
class PeerFaultTest
{
    @TempDir
    Path results;

    @RegisterExtension
    final DebrisCheck debris = new DebrisCheck();

    @ParameterizedTest
    @EnumSource(TransportKind.class)
    void shouldDetectKillAndStopOfEitherSideMidPointAndKeepTheFinishedPoint(final TransportKind transport) throws Exception
    {
        final Cli sweep = Cli.sweep(debris.root(), results, "--transports", transport.label(), "--modes", "stream",
            "--sizes", "64", "--repeat", "5", "--duration", "300ms",
            "--inject", "producer:kill-mid@2", "--inject", "consumer:kill-mid@3",
            "--inject", "producer:stop-mid@4", "--inject", "consumer:stop-mid@5");

        assertEquals(1, sweep.exit, sweep::all);
        final String point = series(transport) + " stream 64 B";
        assertTrue(sweep.out.contains("\n  " + point + " (repetition 2): producer was killed by signal 9 (SIGKILL)\n"), sweep::all);
        assertTrue(sweep.out.contains("\n  " + point + " (repetition 3): consumer was killed by signal 9 (SIGKILL)\n"), sweep::all);
        assertStopped(sweep.out, point + " (repetition 4): producer");
        assertStopped(sweep.out, point + " (repetition 5): consumer");
        assertTrue(sweep.out.contains("\n4 of 5 pairs failed; see the failures above and in run.json\n"), sweep::all);

        final Path run = Cli.onlyRun(results);
        final JsonNode doc = Cli.runJson(run);
        assertEquals("complete-with-failures", doc.path("status").asText());
        assertEquals(4, doc.path("failures").size());
        final JsonNode repetitions = doc.path("points").get(0).path("repetitions");
        assertEquals(5, repetitions.size());
        assertTrue(repetitions.get(0).path("ok").asBoolean(), "the healthy first pair is kept: " + repetitions.get(0));
        assertTrue(repetitions.get(0).path("metrics").path("msgs_per_s").asDouble() > 0);
        for (int i = 1; i < 5; i++)
        {
            assertFalse(repetitions.get(i).path("ok").asBoolean());
            assertFalse(repetitions.get(i).has("metrics"), "no figure from a broken pair: " + repetitions.get(i));
        }
        final List<List<String>> points = Cli.csv(run.resolve("points.csv"));
        final List<String> header = points.get(0);
        final List<String> throughput = points.stream().filter(row -> row.contains("msgs_per_s")).findFirst().orElseThrow();
        assertEquals("1", throughput.get(header.indexOf("n")), "one successful repetition behind the figure");
        assertEquals("4", throughput.get(header.indexOf("failed_reps")));
    }

    /** Kills at start and at teardown: on a socket and on a ring, where the files are mapped. */
    @ParameterizedTest
    @EnumSource(value = TransportKind.class, names = {"UDS", "AGRONA"})
    void shouldDetectKillOfEitherSideAtStartAndAtTeardown(final TransportKind transport) throws Exception
    {
        final Cli sweep = Cli.sweep(debris.root(), results, "--transports", transport.label(), "--modes", "pingpong",
            "--sizes", "4k", "--repeat", "4", "--duration", "200ms",
            "--inject", "producer:kill-at-start@1", "--inject", "consumer:kill-at-start@2",
            "--inject", "producer:kill-at-teardown@3", "--inject", "consumer:kill-at-teardown@4");

        assertEquals(1, sweep.exit, sweep::all);
        final String point = series(transport) + " pingpong 4 KiB";
        for (final String failure : List.of("(repetition 1): producer", "(repetition 2): consumer", "(repetition 3): producer",
            "(repetition 4): consumer"))
        {
            assertTrue(sweep.out.contains("\n  " + point + " " + failure + " was killed by signal 9 (SIGKILL)\n"), sweep::all);
        }
        final JsonNode doc = Cli.runJson(Cli.onlyRun(results));
        assertEquals("complete-with-failures", doc.path("status").asText());
        assertEquals(4, doc.path("failures").size());
        assertTrue(doc.path("points").get(0).path("metrics").isEmpty(), "no figure from pairs that were killed, even at teardown");
    }

    @Test
    void shouldStopAtTheFirstFailedPairWithFailFast() throws Exception
    {
        final Cli sweep = Cli.sweep(debris.root(), results, "--transports", "pipe", "--modes", "stream", "--sizes", "64",
            "--repeat", "3", "--duration", "200ms", "--fail-fast", "--inject", "consumer:kill-mid@1");

        assertEquals(1, sweep.exit, sweep::all);
        assertTrue(sweep.out.contains("\n  pipe stream 64 B (repetition 1): consumer was killed by signal 9 (SIGKILL)\n"), sweep::all);
        assertTrue(sweep.out.contains("\nstopping: --fail-fast is set; 2 of 3 pairs not run\n"), sweep::all);
        final JsonNode doc = Cli.runJson(Cli.onlyRun(results));
        assertEquals("failed", doc.path("status").asText());
        assertEquals(1, doc.path("points").get(0).path("repetitions").size());
    }

    @Test
    void shouldNameAFlippedPayloadByte() throws Exception
    {
        final Cli sweep = Cli.sweep(debris.root(), results, "--transports", "agrona", "--modes", "stream", "--sizes", "64",
            "--repeat", "1", "--duration", "200ms", "--inject", "producer:flip-byte:100");

        assertEquals(1, sweep.exit, sweep::all);
        final Matcher line = Pattern.compile("\n  agrona/spin stream 64 B \\(repetition 1\\): consumer exited with status 1: " +
            "consumer: corrupted payload: sequence=100 length=64 CRC32C in header=([0-9a-f]+) computed=([0-9a-f]+)\n").matcher(sweep.out);
        assertTrue(line.find(), sweep::all);
        assertFalse(line.group(1).equals(line.group(2)));
    }

    @Test
    void shouldNameASkippedSequenceNumber() throws Exception
    {
        final Cli sweep = Cli.sweep(debris.root(), results, "--transports", "uds", "--modes", "pingpong", "--sizes", "64",
            "--repeat", "1", "--duration", "200ms", "--inject", "producer:skip:100");

        assertEquals(1, sweep.exit, sweep::all);
        assertTrue(sweep.out.contains("\n  uds pingpong 64 B (repetition 1): consumer exited with status 1: " +
            "consumer: lost or reordered message: expected sequence=100 but received sequence=101\n"), sweep::all);
    }

    /** Alive, heartbeating, and no message moves: caught by the stall limit (4 s), whichever side it names. */
    @Test
    void shouldDetectAStalledPair() throws Exception
    {
        final Cli sweep = Cli.sweep(debris.root(), results, "--transports", "tcp", "--modes", "stream", "--sizes", "64",
            "--repeat", "1", "--duration", "10s", "--inject", "producer:stall:100");

        assertEquals(1, sweep.exit, sweep::all);
        final Matcher line = Pattern.compile("\n  tcp stream 64 B \\(repetition 1\\): (producer|consumer) stuck: no message moved for " +
            "([0-9.]+) s \\(producer at message 100, consumer at message 100\\)\n").matcher(sweep.out);
        assertTrue(line.find(), sweep::all);
        assertTrue(Double.parseDouble(line.group(2)) < 5.0, "detected within 5 s: " + line.group());
    }

    /** Running but silent, as a JVM stuck in a safepoint or on a full pipe: hung after 3 s without a heartbeat. */
    @Test
    void shouldDetectAHungConsumer() throws Exception
    {
        final Cli sweep = Cli.sweep(debris.root(), results, "--transports", "uds", "--modes", "stream", "--sizes", "64",
            "--repeat", "1", "--duration", "10s", "--inject", "consumer:mute-mid");

        assertEquals(1, sweep.exit, sweep::all);
        final Matcher line = Pattern.compile("\n  uds stream 64 B \\(repetition 1\\): consumer hung: no heartbeat for ([0-9.]+) s " +
            "\\(pid [0-9]+\\)\n").matcher(sweep.out);
        assertTrue(line.find(), sweep::all);
        assertTrue(Double.parseDouble(line.group(1)) < 5.0, "detected within 5 s: " + line.group());
    }

    private static void assertStopped(final String out, final String pointAndSide)
    {
        final Matcher line = Pattern.compile("\n  " + Pattern.quote(pointAndSide) +
            " was stopped \\(process state T: SIGSTOP, Ctrl-Z or a debugger\\): no heartbeat for ([0-9.]+) s \\(pid [0-9]+\\)\n")
            .matcher(out);
        assertTrue(line.find(), out);
        assertTrue(Double.parseDouble(line.group(1)) < 5.0, "detected within 5 s: " + line.group());
    }

    static String series(final TransportKind transport)
    {
        return transport.sharedMemory() ? transport.label() + "/spin" : transport.label();
    }
}
