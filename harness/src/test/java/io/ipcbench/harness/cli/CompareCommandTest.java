package io.ipcbench.harness.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ipcbench.harness.results.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ipcbench compare} of the synthetic run {@code base} (24 points, 6 figures each, three
 * repetitions at 0.99x, 1x and 1.01x of each median) against copies with one change each.
 */
class CompareCommandTest
{
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void shouldFlagThirtyPercentSlowerRoundTripOutsideBothSpreads()
    {
        final CommandRun run = compare("uds-rtt-30pct-slower");

        assertEquals(1, run.exit(), run.out() + run.err());
        assertEquals("", run.err());
        final String row = run.line("  REGRESSION");
        assertNotNull(row, run.out());
        assertTrue(row.matches("  REGRESSION\\s+uds pingpong 64 B\\s+rtt_p50 \\(us\\)\\s+20\\.0 \\[19\\.8-20\\.2]\\s+26\\.0 \\[25\\.7-26\\.3]\\s+\\+30\\.0%"),
            row);
        assertEquals("Verdict: REGRESSION, 1 regression: uds pingpong 64 B rtt_p50 +30.0% (0 improved, 0 within spread, " +
            "0 worse but informational; 144 figures of 24 points compared, threshold 10%)", run.line("Verdict: "));
    }

    @Test
    void shouldStateTheRuleInTheOutput()
    {
        final CommandRun run = compare("uds-rtt-30pct-slower");

        assertTrue(run.flatOut().contains("Rule: a figure regresses when its median moved the bad way by more than 10% AND beyond both runs' own " +
            "spread: the repetition ranges [min, max] of the two runs do not overlap and the medians moved by more than the " +
            "wider range is wide; " +
            "improvements follow the same rule the other way; a point that base measured and current failed in every repetition " +
            "fails the comparison too. Only rtt_p50, rtt_p99, msgs_per_s, mb_per_s, owl_p50, owl_p99 " +
            "can fail the comparison;"), run.out());
    }

    @Test
    void shouldIgnoreThirtyPercentChangeInsideTheSpread()
    {
        final CommandRun run = compare("uds-rtt-30pct-overlapping");

        assertEquals(0, run.exit(), run.out());
        assertNull(run.line("  REGRESSION"));
        final String row = run.line("  within spread");
        assertTrue(row.matches("  within spread\\s+uds pingpong 64 B\\s+rtt_p50 \\(us\\)\\s+20\\.0 \\[19\\.8-20\\.2]\\s+26\\.0 \\[19\\.0-33\\.0]\\s+\\+30\\.0%"),
            row);
        assertTrue(run.line("Verdict: ").startsWith("Verdict: OK, no regression (0 improved, 1 within spread,"), run.line("Verdict: "));
    }

    @Test
    void shouldIgnoreFivePercentChangeBelowTenPercentThreshold()
    {
        final CommandRun run = compare("uds-rtt-5pct-slower");

        assertEquals(0, run.exit(), run.out());
        assertTrue(run.out().contains("\nNo figure moved by more than 10%.\n"), run.out());
        assertTrue(run.out().contains("144 figures moved by no more than 10% and are not listed (--all-rows lists every figure)."));
    }

    @Test
    void shouldFlagFivePercentChangeAboveFourPercentThreshold()
    {
        final CommandRun run = compare("uds-rtt-5pct-slower", "--threshold", "4%");

        assertEquals(1, run.exit(), run.out());
        assertTrue(run.line("Verdict: ").startsWith("Verdict: REGRESSION, 1 regression: uds pingpong 64 B rtt_p50 +5.0% "));
    }

    @Test
    void shouldFlagThroughputDropAsRegression()
    {
        final CommandRun run = compare("uds-throughput-30pct-lower");

        assertEquals(1, run.exit(), run.out());
        assertTrue(run.line("Verdict: ").startsWith("Verdict: REGRESSION, 2 regressions: uds stream 4 KiB msgs_per_s -30.0%, " +
            "uds stream 4 KiB mb_per_s -30.0% "), run.line("Verdict: "));
    }

    @Test
    void shouldReportThroughputRiseAsImprovement()
    {
        final CommandRun run = compare("uds-throughput-30pct-higher");

        assertEquals(0, run.exit(), run.out());
        assertNull(run.line("  REGRESSION"));
        assertTrue(run.line("  improved").matches("  improved\\s+uds stream 4 KiB\\s+msgs_per_s \\(msg/s\\).*\\+30\\.0%"), run.out());
        assertTrue(run.line("Verdict: ").startsWith("Verdict: OK, no regression (2 improved, 0 within spread,"), run.line("Verdict: "));
    }

    @Test
    void shouldShowCpuChangeAsInformationalUnlessAllMetrics()
    {
        final CommandRun informational = compare("uds-cpu-50pct-higher");
        final CommandRun all = compare("uds-cpu-50pct-higher", "--all-metrics");

        assertEquals(0, informational.exit(), informational.out());
        assertTrue(informational.line("  worse (info)").matches("  worse \\(info\\)\\s+uds pingpong 64 B\\s+consumer_cpu_util \\(cores\\).*\\+50\\.0%"),
            informational.out());
        assertEquals(1, all.exit(), all.out());
        assertTrue(all.line("Verdict: ").startsWith("Verdict: REGRESSION, 1 regression: uds pingpong 64 B consumer_cpu_util +50.0% "));
        assertTrue(all.flatOut().contains("With --all-metrics every figure can fail the comparison."));
    }

    @Test
    void shouldListAddedAndRemovedPointsWithoutFailing()
    {
        final CommandRun run = compare("points-changed");

        assertEquals(0, run.exit(), run.out());
        assertEquals("Added (only in current, not compared): tcp pingpong 64 B", run.line("Added"));
        assertEquals("Removed (only in base, not compared): pipe stream 64 KiB", run.line("Removed"));
        assertTrue(run.line("Verdict: ").endsWith("138 figures of 23 points compared, threshold 10%)"), run.line("Verdict: "));
    }

    @Test
    void shouldFailWhenPointMeasuredInBaseFailedEveryRepetitionOfCurrent()
    {
        final CommandRun run = compare("uds-pingpong-64-failed");

        assertEquals(1, run.exit(), run.out());
        assertEquals("Not compared: uds pingpong 64 B: every repetition failed in current", run.line("Not compared"));
        assertTrue(run.line("Verdict: ").startsWith("Verdict: REGRESSION, 1 point measured in base failed in every repetition " +
            "of current: uds pingpong 64 B; 0 figures regressed ("), run.line("Verdict: "));
        assertTrue(run.line("Verdict: ").endsWith("138 figures of 24 points compared, threshold 10%)"), run.line("Verdict: "));
    }

    @Test
    void shouldWarnWhenEnvironmentsDiffer()
    {
        final CommandRun run = compare("other-kernel");

        assertEquals(0, run.exit(), run.out());
        assertTrue(run.flatOut().contains("warning: the runs were measured in different environments: kernel '6.1.0-test' (base) " +
            "vs '6.8.0-other' (current); a change may come from the environment rather than the code"), run.out());
    }

    @Test
    void shouldWarnWhenSettingsDiffer()
    {
        final CommandRun run = compare("other-settings");

        assertEquals(0, run.exit(), run.out());
        assertTrue(run.flatOut().contains("warning: the runs were measured with different settings: verify 'crc' (base) vs " +
            "'header' (current); pipe_capacity_requested '1048576' (base) vs '4096' (current); a change may come from the " +
            "settings rather than the code"), run.out());
        assertFalse(run.flatOut().contains("different environments"), run.out());
    }

    @Test
    void shouldRefuseRunsSharingNoPoint()
    {
        final CommandRun run = compare("tcp-only");

        assertEquals(2, run.exit());
        assertEquals("ipcbench: runs base and tcp-only share no points (series, mode, size), so there is nothing to compare: " +
            "base has uds, pipe, agrona/spin, agrona/futex in pingpong at 64 B, 4 KiB, 64 KiB; uds, pipe, agrona/spin, " +
            "agrona/futex in stream at 64 B, 4 KiB, 64 KiB; tcp-only has tcp in pingpong at 64 B\n", run.err());
    }

    @Test
    void shouldSayHowToMeasureARunThatComparesWhenNoSizeIsShared()
    {
        final CommandRun run = compare("quick-sizes");

        assertEquals(2, run.exit());
        assertTrue(run.err().endsWith("quick-sizes has tcp in pingpong at 256 B; they have no size in common: measure the current run " +
            "at base's sizes to compare them (ipcbench sweep --sizes 64,4k,64k)\n"), run.err());
    }

    @Test
    void shouldWriteTrackerJsonThatParses() throws IOException
    {
        final CommandRun run = compare("uds-rtt-30pct-slower", "--format", "json");

        assertEquals(1, run.exit(), run.err());
        final JsonNode smaller = JSON.readTree(run.out());
        assertTrue(smaller.isArray());
        for (final JsonNode entry : smaller)
        {
            for (final String field : List.of("name", "unit", "value", "range", "extra"))
            {
                assertTrue(entry.has(field), field + " in " + entry);
            }
            assertFalse(entry.get("name").asText().endsWith("mb_per_s"), "bigger-is-better figure in the smaller list: " + entry);
        }
        final JsonNode rtt = find(smaller, "uds pingpong 64 B rtt_p50");
        assertEquals("ns", rtt.get("unit").asText());
        assertEquals(26000, rtt.get("value").asDouble(), 1e-6);
        assertEquals("25740-26260", rtt.get("range").asText());
        assertEquals("base 20000 [19800-20200] ns, change +30.0%: REGRESSION; n 3 -> 3", rtt.get("extra").asText());
        assertEquals(120, smaller.size(), "6 smaller-is-better figures of 12 pingpong points, 4 of 12 stream points");
    }

    @Test
    void shouldWriteBothTrackerFiles() throws IOException
    {
        final Path bigger = temp.resolve("bigger.json");
        final Path smaller = temp.resolve("smaller.json");
        final CommandRun run = compare("uds-throughput-30pct-lower", "--json-bigger", bigger.toString(), "--json-smaller", smaller.toString());

        assertEquals(1, run.exit(), run.err());
        final JsonNode big = JSON.readTree(bigger.toFile());
        assertEquals(24, big.size(), "mb_per_s and msgs_per_s of 12 stream points");
        final JsonNode throughput = find(big, "uds stream 4 KiB mb_per_s");
        assertEquals("MB/s", throughput.get("unit").asText());
        assertEquals(1400, throughput.get("value").asDouble(), 1e-6);
        assertTrue(throughput.get("extra").asText().contains("REGRESSION"));
        assertEquals(120, JSON.readTree(smaller.toFile()).size());
    }

    /** Checked before the runs are read: a raw NoSuchFileException used to escape after the comparison. */
    @Test
    void shouldRefuseATrackerFileThatCannotBeWritten() throws IOException
    {
        final CommandRun bigger = compare("uds-rtt-30pct-slower", "--json-bigger", "/proc/x/y.json");
        final CommandRun smaller = compare("uds-rtt-30pct-slower", "--json-smaller", temp.toString());
        final Path file = Files.writeString(temp.resolve("file"), "not a directory");
        final CommandRun underFile = compare("uds-rtt-30pct-slower", "--json-smaller", file.resolve("smaller.json").toString());
        final CommandRun empty = compare("uds-rtt-30pct-slower", "--json-bigger", "");

        assertEquals(2, bigger.exit(), bigger.err());
        assertEquals("ipcbench: cannot write --json-bigger /proc/x/y.json: no such directory /proc/x\n", bigger.err());
        assertEquals("", bigger.out());
        assertEquals(2, smaller.exit(), smaller.err());
        assertEquals("ipcbench: cannot write --json-smaller " + temp + ": it is a directory\n", smaller.err());
        assertEquals(2, underFile.exit(), underFile.err());
        assertEquals("ipcbench: cannot write --json-smaller " + file.resolve("smaller.json") + ": " + file + " is not a directory\n",
            underFile.err());
        assertEquals(2, empty.exit(), empty.err());
        assertEquals("ipcbench: --json-bigger '' names no file: give one, e.g. --json-bigger out.json\n", empty.err());
    }

    @Test
    void shouldRefuseAnEmptyRunOrResultsDirectory()
    {
        final CommandRun base = CommandRun.execute("compare", "", Fixtures.run("base").toString());
        final CommandRun results = compare("uds-rtt-30pct-slower", "--results", "");

        assertEquals(2, base.exit(), base.err());
        assertEquals("ipcbench: BASE '' names no run: give one, e.g. results/<run-id> or a run id\n", base.err());
        assertEquals(2, results.exit(), results.err());
        assertEquals("ipcbench: --results '' names no directory: give one, e.g. --results results\n", results.err());
    }

    @Test
    void shouldKeepJsonOnStdoutAndWarningsOnStderr() throws IOException
    {
        final CommandRun run = compare("other-kernel", "--format", "json");

        assertEquals(0, run.exit());
        assertTrue(JSON.readTree(run.out()).isArray());
        assertTrue(run.err().startsWith("ipcbench: warning: the runs were measured in different environments: kernel"), run.err());
    }

    @Test
    void shouldWriteMarkdownWithVerdict()
    {
        final CommandRun run = compare("uds-rtt-30pct-slower", "--format", "markdown");

        assertEquals(1, run.exit());
        assertTrue(run.out().startsWith("### ipcbench compare: REGRESSION\n\n**Verdict: REGRESSION, 1 regression: " +
            "uds pingpong 64 B rtt_p50 +30.0% (0 improved, 0 within spread, 0 worse but informational; 144 figures of 24 points " +
            "compared, threshold 10%)**\n"), run.out());
        assertTrue(run.out().contains("\n| **REGRESSION** | uds | pingpong | 64 B | rtt_p50 (us) | 20.0 [19.8-20.2] | " +
            "26.0 [25.7-26.3] | +30.0% |\n"), run.out());
        assertTrue(run.out().contains("\nRule: a figure regresses when"), run.out());
    }

    @Test
    void shouldWriteMarkdownVerdictOkWithoutRegression()
    {
        final CommandRun run = compare("uds-throughput-30pct-higher", "--format", "markdown");

        assertEquals(0, run.exit());
        assertTrue(run.out().startsWith("### ipcbench compare: OK\n\n**Verdict: OK, no regression (2 improved,"), run.out());
        assertTrue(run.out().contains("| improved | uds | stream | 4 KiB | mb_per_s (MB/s) | 2000 [1980-2020] | 2600 [2574-2626] | +30.0% |"),
            run.out());
    }

    @Test
    void shouldFindNothingBetweenRunAndItself()
    {
        final CommandRun run = CommandRun.execute("compare", "base", "base", "--results", Fixtures.root().toString());

        assertEquals(0, run.exit(), run.err());
        assertTrue(run.line("Verdict: ").startsWith("Verdict: OK, no regression (0 improved, 0 within spread, 0 worse"));
    }

    @Test
    void shouldNameMissingBaseRun()
    {
        final Path missing = temp.resolve("gone");
        final CommandRun run = CommandRun.execute("compare", missing.toString(), Fixtures.run("base").toString());

        assertEquals(2, run.exit());
        assertEquals("ipcbench: run '" + missing + "' not found: no directory " + missing + "\n", run.err());
    }

    @Test
    void shouldNameIncompatibleRun()
    {
        final Path future = Fixtures.run("schema-2");
        final CommandRun run = CommandRun.execute("compare", Fixtures.run("base").toString(), future.toString());

        assertEquals(2, run.exit());
        assertEquals("ipcbench: " + future.resolve("run.json") + " has schema ipcbench-run/2, which this ipcbench cannot read " +
            "(it reads ipcbench-run/1)\n", run.err());
    }

    @Test
    void shouldRejectBadThresholdAndFormat()
    {
        final CommandRun threshold = compare("base", "--threshold", "ten");
        final CommandRun format = compare("base", "--format", "xml");

        assertEquals(2, threshold.exit());
        assertEquals("ipcbench: --threshold 'ten' must be a percentage from 0% to 1000%, e.g. 10%\n", threshold.err());
        assertEquals(2, format.exit());
        assertEquals("ipcbench: --format xml is not a format (known: text, json, markdown)\n", format.err());
    }

    private static CommandRun compare(final String current, final String... options)
    {
        final List<String> args = new ArrayList<>(List.of("compare", Fixtures.run("base").toString(), Fixtures.run(current).toString()));
        args.addAll(List.of(options));
        return CommandRun.execute(args.toArray(new String[0]));
    }

    private static JsonNode find(final JsonNode array, final String name)
    {
        for (final JsonNode entry : array)
        {
            if (entry.get("name").asText().equals(name))
            {
                return entry;
            }
        }
        throw new AssertionError("no entry " + name + " in " + array);
    }
}
