package io.ipcbench.harness.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CalibrateCommandTest
{
    @Test
    void shouldParseSizesSortedWithoutDuplicates()
    {
        assertEquals(List.of(8, 2048, 1048576), CalibrateCommand.parseSizes("1m,8,2k,8"));
    }

    @Test
    void shouldRejectASingleSize()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> CalibrateCommand.parseSizes("8,8b"));

        assertEquals("--sizes must name at least two different sizes to fit a fixed and a per-byte cost: --sizes=8,8b", ex.getMessage());
    }

    @Test
    void shouldRejectASizeAboveTheLimit()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> CalibrateCommand.parseSizes("8,128m"));

        assertEquals("--sizes '128m' = 134217728 bytes is above the limit of 64 MiB (67108864 bytes)", ex.getMessage());
    }

    @Test
    void shouldExitTwoOnBadSizesBeforeRunningAnything()
    {
        final StringWriter err = new StringWriter();
        final picocli.CommandLine line = IpcBench.commandLine();
        line.setErr(new PrintWriter(err));

        final int exit = line.execute("calibrate", "--sizes", "8,-1");

        assertEquals(IpcBench.EXIT_USAGE, exit);
        assertEquals("ipcbench: --sizes '-1' is not a whole number of bytes (sizes cannot be negative); use e.g. 512, 4k, 1m",
            err.toString().strip());
    }

    /** An empty --results would put calibrations under the working directory; nothing is measured. */
    @Test
    void shouldRefuseAnEmptyResultsDirectoryOrRunToExplain()
    {
        final CommandRun results = CommandRun.execute("calibrate", "--quick", "--results", "");
        final CommandRun explain = CommandRun.execute("calibrate", "--explain", "");

        assertEquals(IpcBench.EXIT_USAGE, results.exit());
        assertEquals("ipcbench: --results '' names no directory: give one, e.g. --results results\n", results.err());
        assertEquals("", results.out());
        assertEquals(IpcBench.EXIT_USAGE, explain.exit());
        assertEquals("ipcbench: --explain '' names no run: give one, e.g. --explain results/latest\n", explain.err());
    }

    @Test
    void shouldExitTwoWhenTheRunToExplainIsMissing()
    {
        final StringWriter err = new StringWriter();
        final picocli.CommandLine line = IpcBench.commandLine();
        line.setErr(new PrintWriter(err));

        final int exit = line.execute("calibrate", "--explain", "/nonexistent/run");

        assertEquals(IpcBench.EXIT_USAGE, exit);
        assertEquals("ipcbench: no run.json at /nonexistent/run: give a run directory such as results/latest", err.toString().strip());
    }
}
