package io.ipcbench.harness.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ipcbench} command. Exit codes: 0 success, 1 a measurement failed (or a comparison
 * found a regression), 2 bad input (nothing was run), 130 interrupted by SIGINT, 143 by SIGTERM
 * (the JVM's 128 + signal, after the shutdown hook has stopped the children and marked the run).
 */
@Command(
    name = "ipcbench",
    mixinStandardHelpOptions = true,
    versionProvider = IpcBench.Version.class,
    description = "Measures what it costs two processes on this machine to exchange messages over Unix domain sockets, " +
        "pipes, TCP loopback and shared memory (Agrona, Chronicle Queue), and where one overtakes another as messages grow.",
    subcommands = {SweepCommand.class, ReportCommand.class, RecommendCommand.class, CompareCommand.class, CalibrateCommand.class,
        SoakCommand.class, CommandLine.HelpCommand.class})
public final class IpcBench implements Runnable
{
    public static final int EXIT_USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(final String[] args)
    {
        System.exit(commandLine().execute(args));
    }

    /** The command line with ipcbench's error handling: bad input exits 2 with one clear line. */
    public static CommandLine commandLine()
    {
        final CommandLine line = new CommandLine(new IpcBench());
        line.setExecutionExceptionHandler((ex, commandLine, parseResult) ->
        {
            if (ex instanceof IllegalArgumentException)
            {
                commandLine.getErr().println("ipcbench: " + ex.getMessage());
                return EXIT_USAGE;
            }
            throw ex;
        });
        line.setParameterExceptionHandler((ex, args) ->
        {
            final CommandLine commandLine = ex.getCommandLine();
            commandLine.getErr().println("ipcbench: " + ex.getMessage());
            commandLine.getErr().println("see: " + commandLine.getCommandSpec().qualifiedName() + " --help");
            return EXIT_USAGE;
        });
        return line;
    }

    @Override
    public void run()
    {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider
    {
        @Override
        public String[] getVersion()
        {
            final String version = IpcBench.class.getPackage().getImplementationVersion();
            return new String[] {"ipcbench " + (version == null ? "(development build)" : version)};
        }
    }
}
