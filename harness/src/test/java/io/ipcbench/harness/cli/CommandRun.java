package io.ipcbench.harness.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One {@code ipcbench} command run in-process, as the launcher would run it: exit code, stdout, stderr. */
record CommandRun(int exit, String out, String err)
{
    static CommandRun execute(final String... args)
    {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final CommandLine line = IpcBench.commandLine();
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        final int exit = line.execute(args);
        return new CommandRun(exit, out.toString(), err.toString());
    }

    /** The output with every run of white space made one space: for sentences the report wraps. */
    String flatOut()
    {
        return out.replaceAll("\\s+", " ");
    }

    /** The first line of stdout that starts with {@code prefix}, or null. */
    String line(final String prefix)
    {
        for (final String line : out.split("\n"))
        {
            if (line.startsWith(prefix))
            {
                return line;
            }
        }
        return null;
    }
}
