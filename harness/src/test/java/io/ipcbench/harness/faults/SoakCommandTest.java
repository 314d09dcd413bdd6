package io.ipcbench.harness.faults;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ipcbench soak} with small counts (the real one, ten million per transport, is not for
 * CI): every message delivered and accounted for, and a skipped sequence named when injected.
 */
@Timeout(120)
class SoakCommandTest
{
    @RegisterExtension
    final DebrisCheck debris = new DebrisCheck();

    @Test
    void shouldDeliverEveryMessageOfTheMixOnEachTransportAndMode()
    {
        final Cli soak = Cli.run(List.of("soak", "--run-dir", debris.root().toString(), "--transports", "uds,agrona",
            "--messages", "20000"));

        assertEquals(0, soak.exit, soak::all);
        for (final String series : List.of("uds", "agrona/spin"))
        {
            for (final String mode : List.of("stream", "pingpong"))
            {
                assertTrue(Pattern.compile("\n" + Pattern.quote(String.format("%-16s %-8s", series, mode)) + "\\s+20,000 messages delivered " +
                    "in 1 pair, 34.6 MiB on the wire, 0 lost, 0 reordered, 0 corrupted, ").matcher(soak.out).find(), soak::all);
            }
        }
        assertTrue(soak.out.endsWith("all 4 transport and mode pairs clean: 20,000 messages each delivered, 0 lost, 0 reordered, 0 corrupted\n"),
            soak::all);
    }

    /** Chronicle's queue keeps every byte, so its messages go in segments of fresh pairs; none may be lost between them. */
    @Test
    void shouldCarryChronicleInSegments()
    {
        final Cli soak = Cli.run(List.of("soak", "--run-dir", debris.root().toString(), "--transports", "chronicle",
            "--modes", "stream", "--messages", "3000", "--chronicle-segment", "3m"));

        assertEquals(0, soak.exit, soak::all);
        assertTrue(soak.out.contains("\nchronicle/spin   stream            3,000 messages delivered in 2 pairs, 5.18 MiB on the wire, " +
            "0 lost, 0 reordered, 0 corrupted, "), soak::all);
    }

    @Test
    void shouldNameASkippedMessage()
    {
        final Cli soak = Cli.run(List.of("soak", "--run-dir", debris.root().toString(), "--transports", "pipe", "--modes", "stream",
            "--messages", "20000", "--inject", "producer:skip:500"));

        assertEquals(1, soak.exit, soak::all);
        assertTrue(soak.out.contains("\npipe             stream   FAILED after 0 of 20,000 messages delivered intact: consumer exited with " +
            "status 1: consumer: lost or reordered message: expected sequence=500 but received sequence=501\n"), soak::all);
        assertTrue(soak.out.endsWith("1 of 1 failed; see above\n"), soak::all);
    }
}
