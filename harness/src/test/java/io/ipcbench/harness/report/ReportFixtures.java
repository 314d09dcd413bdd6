package io.ipcbench.harness.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Recorded runs for the report tests, each a run.json under src/test/resources. two-repetitions:
 * a sweep of uds, pipe, tcp and agrona/spin over 64 B to 1 MiB, two repetitions, with crossovers
 * and one failed repetition, and its cost model as a sweep writes it (no calibration). one-repetition-no-perf: rate and ping-pong with a 0 B point, one
 * repetition, no system call counts, interrupted (so no cost model), one point with no successful repetition, and
 * run text that tries to close the page's script elements.
 */
final class ReportFixtures
{
    static final String TWO_REPETITIONS = "two-repetitions";
    static final String ONE_REPETITION_NO_PERF = "one-repetition-no-perf";

    private ReportFixtures()
    {
    }

    /** Copies a fixture's run.json into a fresh run directory under {@code parent}. */
    static Path runDirectory(final Path parent, final String fixture) throws IOException
    {
        final Path directory = Files.createDirectories(parent.resolve(fixture));
        try (InputStream in = ReportFixtures.class.getResourceAsStream(fixture + "/run.json"))
        {
            if (in == null)
            {
                throw new IllegalStateException("test fixture missing: " + fixture + "/run.json");
            }
            Files.copy(in, directory.resolve("run.json"));
        }
        return directory;
    }
}
