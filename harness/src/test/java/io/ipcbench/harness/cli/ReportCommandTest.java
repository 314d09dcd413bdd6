package io.ipcbench.harness.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportCommandTest
{
    private static final String RUN_ID = "20261203-173311";

    @TempDir
    Path results;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void shouldWriteTheReportOfARunDirectory() throws IOException
    {
        final Path run = run();

        assertEquals(0, execute("report", run.toString()));

        assertEquals("report: " + run.resolve("report.html") + System.lineSeparator(), out.toString());
        assertTrue(Files.isRegularFile(run.resolve("report.html")));
    }

    @Test
    void shouldTakeTheLatestRunOfAResultsDirectory() throws IOException
    {
        run();
        Files.createSymbolicLink(results.resolve("latest"), Path.of(RUN_ID));

        assertEquals(0, execute("report", results.toString()));

        assertEquals("report: " + results.resolve("latest").resolve("report.html") + System.lineSeparator(), out.toString());
        assertTrue(Files.isRegularFile(results.resolve(RUN_ID).resolve("report.html")));
    }

    @Test
    void shouldFollowLatestTxtWhereNoLinkCouldBeMade() throws IOException
    {
        run();
        Files.writeString(results.resolve("latest.txt"), RUN_ID + "\n", StandardCharsets.UTF_8);

        assertEquals(0, execute("report", results.toString()));

        assertTrue(Files.isRegularFile(results.resolve(RUN_ID).resolve("report.html")));
    }

    @Test
    void shouldExitWithUsageErrorForAMissingRun()
    {
        final Path missing = results.resolve("19700101-000000");

        assertEquals(IpcBench.EXIT_USAGE, execute("report", missing.toString()));

        assertEquals("ipcbench: no such run directory: " + missing + System.lineSeparator(), err.toString());
    }

    /** An empty RUN would mean the working directory, and report.html be written into its latest run. */
    @Test
    void shouldExitWithUsageErrorForAnEmptyRun()
    {
        assertEquals(IpcBench.EXIT_USAGE, execute("report", ""));

        assertEquals("ipcbench: RUN '' names no run: give one, e.g. results/<run-id>" + System.lineSeparator(), err.toString());
    }

    @Test
    void shouldExitWithUsageErrorForADirectoryThatIsNoRun()
    {
        assertEquals(IpcBench.EXIT_USAGE, execute("report", results.toString()));

        assertEquals("ipcbench: not a run directory: " + results + " has no run.json" + System.lineSeparator(), err.toString());
    }

    @Test
    void shouldTakeTheLatestRunOfTheDefaultResultsDirectoryWhenNoRunIsGiven() throws IOException
    {
        final Path home = results;
        final Path run = Files.createDirectories(home.resolve("results").resolve(RUN_ID));
        Files.createSymbolicLink(home.resolve("results").resolve("latest"), Path.of(RUN_ID));

        final Path resolved = withHome(home, () -> ReportCommand.resolve(null));

        assertEquals(run.toRealPath(), resolved.toRealPath());
    }

    @Test
    void shouldSayHowToMakeARunWhenThereIsNone()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> withHome(results, () -> ReportCommand.resolve(null)));

        assertEquals("no run to report on: " + results.resolve("results") + " does not exist; run ipcbench sweep first, " +
            "or name a run directory: ipcbench report results/<run-id>", ex.getMessage());
    }

    /** Runs {@code action} as the launcher script would start ipcbench from {@code home}. */
    private static <T> T withHome(final Path home, final Callable<T> action) throws IOException
    {
        final String previous = System.getProperty("ipcbench.home");
        System.setProperty("ipcbench.home", home.toString());
        try
        {
            return action.call();
        }
        catch (final IOException | RuntimeException ex)
        {
            throw ex;
        }
        catch (final Exception ex)
        {
            throw new IllegalStateException(ex);
        }
        finally
        {
            if (previous == null)
            {
                System.clearProperty("ipcbench.home");
            }
            else
            {
                System.setProperty("ipcbench.home", previous);
            }
        }
    }

    private Path run() throws IOException
    {
        final Path run = Files.createDirectories(results.resolve(RUN_ID));
        try (InputStream in = ReportCommandTest.class.getResourceAsStream("/io/ipcbench/harness/report/two-repetitions/run.json"))
        {
            Files.copy(in, run.resolve("run.json"));
        }
        return run;
    }

    private int execute(final String... args)
    {
        final CommandLine line = IpcBench.commandLine();
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }
}
