package io.ipcbench.harness.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ipcbench.harness.sweep.SweepConfig;
import io.ipcbench.transport.ChannelConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ipcbench sweep}'s options as {@link SweepCommand#configure} reads them, its help and version, and its first lines. */
class SweepCommandTest
{
    @TempDir
    Path results;

    @Test
    void shouldWarnOfARateWithoutRateMode()
    {
        final SweepConfig config = configure("--modes", "pingpong,stream", "--rate", "5k");

        assertEquals(List.of("--rate 5k has no effect: it sets the message rate of rate mode, and the modes measured are " +
            "pingpong,stream (add rate to --modes)"), config.warnings);
    }

    @Test
    void shouldWarnOfABatchWithoutStreamMode()
    {
        final SweepConfig config = configure("--modes", "pingpong", "--batch", "1,16");

        assertEquals(List.of("--batch 1,16 has no effect: it sets the messages per write of stream mode, and the modes measured are " +
            "pingpong (add stream to --modes)"), config.warnings);
    }

    @Test
    void shouldWarnOfCapacitiesAndWaitsOfTransportsNotMeasured()
    {
        final SweepConfig config = configure("--transports", "uds", "--wait", "futex", "--ring-capacity", "4m", "--pipe-capacity", "64k",
            "--chronicle-block-size", "1m");

        assertEquals(List.of(
            "--wait futex has no effect: it sets how agrona and chronicle wait, and the transports measured are uds " +
                "(add agrona or chronicle to --transports)",
            "--ring-capacity 4m has no effect: it sizes agrona's rings, and the transports measured are uds (add agrona to --transports)",
            "--pipe-capacity 64k has no effect: it sizes the FIFOs of pipe, and the transports measured are uds (add pipe to --transports)",
            "--chronicle-block-size 1m has no effect: it sizes chronicle's queue blocks, and the transports measured are uds " +
                "(add chronicle to --transports)"), config.warnings);
    }

    @Test
    void shouldNotWarnOfOptionsThatAreUsed()
    {
        final SweepConfig config = configure("--transports", "pipe,agrona", "--modes", "rate,stream", "--rate", "5k", "--batch", "4",
            "--wait", "spin", "--ring-capacity", "4m", "--pipe-capacity", "64k");

        assertEquals(List.of(), config.warnings);
        assertEquals(5_000, config.rate);
        assertEquals(List.of(4), config.batches);
        assertEquals(65_536, config.pipeCapacity);
    }

    /** The one warm-up bound given wins over the other's default; both given and crossed is refused (BadInputTest). */
    @Test
    void shouldLetTheWarmUpBoundGivenMoveTheOtherDefault()
    {
        final SweepConfig longMinimum = configure("--warmup", "10s");
        final SweepConfig shortMaximum = configure("--warmup-max", "100ms");

        assertEquals(10_000_000_000L, longMinimum.warmupMinNs);
        assertEquals(10_000_000_000L, longMinimum.warmupMaxNs);
        assertEquals(100_000_000L, shortMaximum.warmupMinNs);
        assertEquals(100_000_000L, shortMaximum.warmupMaxNs);
    }

    @Test
    void shouldLowerTheDefaultPipeCapacityToALowerLimitAndSaySo()
    {
        final List<String> warnings = new ArrayList<>();

        final int capacity = SweepCommand.pipeCapacity(null, 262_144, true, warnings);

        assertEquals(262_144, capacity);
        assertEquals(List.of("/proc/sys/fs/pipe-max-size is 256 KiB (262144 bytes) here, below the default --pipe-capacity of 1 MiB: " +
            "each FIFO is asked for 256 KiB instead"), warnings);
    }

    @Test
    void shouldLowerTheDefaultPipeCapacityQuietlyWhenPipesAreNotMeasured()
    {
        final List<String> warnings = new ArrayList<>();

        assertEquals(262_144, SweepCommand.pipeCapacity(null, 262_144, false, warnings));
        assertEquals(List.of(), warnings);
    }

    @Test
    void shouldKeepTheDefaultPipeCapacityUnderAHigherOrUnknownLimit()
    {
        final List<String> warnings = new ArrayList<>();

        assertEquals(ChannelConfig.DEFAULT_PIPE_CAPACITY, SweepCommand.pipeCapacity(null, 4L << 20, true, warnings));
        assertEquals(ChannelConfig.DEFAULT_PIPE_CAPACITY, SweepCommand.pipeCapacity(null, -1, true, warnings));
        assertEquals(List.of(), warnings);
    }

    @Test
    void shouldTakeAPipeCapacityUpToTheLimitAndRefuseOneAbove()
    {
        final List<String> warnings = new ArrayList<>();

        assertEquals(262_144, SweepCommand.pipeCapacity("256k", 262_144, true, warnings));
        assertEquals(0, SweepCommand.pipeCapacity("0", 262_144, true, warnings));
        final IllegalArgumentException above = assertThrows(IllegalArgumentException.class,
            () -> SweepCommand.pipeCapacity("1m", 262_144, true, warnings));

        assertEquals("--pipe-capacity 1m (1048576 bytes) is above this machine's limit of 256 KiB (262144 bytes, " +
            "/proc/sys/fs/pipe-max-size): F_SETPIPE_SZ would refuse it and the FIFO keep the system default; give at most 256 KiB, " +
            "or 0 for the system default", above.getMessage());
        assertEquals(List.of(), warnings);
    }

    /** Files.readString trusts the size procfs reports (0) and read "1" for "1048576\n". */
    @Test
    void shouldReadThePipeLimitWhole() throws IOException
    {
        final String text;
        try (java.io.InputStream in = Files.newInputStream(SweepCommand.PIPE_MAX_SIZE))
        {
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).trim();
        }

        assertEquals(Long.parseLong(text), SweepCommand.readPipeMaxSize(SweepCommand.PIPE_MAX_SIZE));
        assertEquals(-1, SweepCommand.readPipeMaxSize(results.resolve("missing")));
    }

    @Test
    void shouldPrintTheVersionFromEveryCommand()
    {
        final CommandRun top = CommandRun.execute("-V");

        assertEquals(0, top.exit());
        assertTrue(top.out().matches("ipcbench \\S.*\n"), top.out());
        for (final String command : List.of("sweep", "soak", "compare", "recommend", "report", "calibrate"))
        {
            for (final String option : List.of("-V", "--version"))
            {
                final CommandRun run = CommandRun.execute(command, option);

                assertEquals(0, run.exit(), command + " " + option);
                assertEquals(top.out(), run.out(), command + " " + option);
            }
        }
    }

    /** Sentences wrapped by picocli at its width, not broken by hand in the middle of a line. */
    @Test
    void shouldLetPicocliWrapTheHelpText()
    {
        final CommandRun sweep = CommandRun.execute("sweep", "--help");
        final CommandRun soak = CommandRun.execute("soak", "--help");

        assertTrue(sweep.out().contains("Runs every point (transport x mode x size) in fresh producer and consumer JVMs,\n" +
            "repeated and interleaved, and reports latency percentiles"), sweep.out());
        assertTrue(sweep.flatOut().contains("(run.json, points.csv, reps.csv, hist/*.hlog, summary.txt, report.html)"), sweep.out());
        assertTrue(soak.out().contains("and ping-pong, and checks every one: reports the messages delivered"), soak.out());
        for (final String command : List.of("sweep", "soak", "compare", "recommend", "report", "calibrate"))
        {
            final CommandRun help = CommandRun.execute(command, "--help");
            for (final String line : help.out().split("\n"))
            {
                assertTrue(line.length() <= 80, command + " --help line over 80 columns: " + line);
            }
        }
    }

    /** One point of one repetition: "1 point x 1 repetition = 1 process pair", and the warning printed and recorded. */
    @Test
    @Timeout(60)
    void shouldCountInTheSingularAndPrintAndRecordTheWarnings() throws IOException
    {
        final CommandRun run = CommandRun.execute("sweep", "--results", results.toString(), "--transports", "uds", "--modes", "pingpong",
            "--sizes", "64", "--repeat", "1", "--duration", "100ms", "--warmup", "0ms", "--warmup-max", "0ms", "--no-syscalls",
            "--no-pin", "--allow-concurrent", "--rate", "5k");

        assertEquals(0, run.exit(), run.out() + run.err());
        final String first = run.out().split("\n")[0];
        assertTrue(first.matches("ipcbench sweep [0-9-]+: 1 point x 1 repetition = 1 process pair; results in .*"), first);
        final String warning = "--rate 5k has no effect: it sets the message rate of rate mode, and the modes measured are pingpong " +
            "(add rate to --modes)";
        assertTrue(run.out().contains("\n  warning: " + warning + "\n"), run.out());
        final JsonNode recorded = new ObjectMapper().readTree(onlyRun().resolve("run.json").toFile()).path("conditions").path("warnings");
        final List<String> warnings = new ArrayList<>();
        recorded.forEach(node -> warnings.add(node.asText()));
        assertTrue(warnings.contains(warning), warnings::toString);
    }

    private Path onlyRun() throws IOException
    {
        try (Stream<Path> runs = Files.list(results))
        {
            final List<Path> dirs = runs.filter(p -> !p.getFileName().toString().startsWith("latest")).collect(Collectors.toList());
            assertEquals(1, dirs.size(), dirs::toString);
            return dirs.get(0);
        }
    }

    private SweepConfig configure(final String... args)
    {
        final CommandLine line = IpcBench.commandLine();
        final List<String> all = new ArrayList<>(List.of("sweep", "--results", results.toString(), "--sizes", "64", "--no-pin"));
        all.addAll(List.of(args));
        line.parseArgs(all.toArray(new String[0]));
        final CommandLine sweep = line.getSubcommands().get("sweep");
        final SweepConfig config = ((SweepCommand)sweep.getCommand()).configure();
        assertFalse(Files.exists(results.resolve("latest")), "configure writes nothing");
        return config;
    }
}
