package io.ipcbench.harness.faults;

import io.ipcbench.harness.launch.ChildJvm;
import io.ipcbench.harness.sweep.Sizes;
import io.ipcbench.harness.sweep.SweepConfig;
import io.ipcbench.transport.TransportKind;
import io.ipcbench.transport.control.Mode;
import io.ipcbench.transport.wait.WaitStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Bad input is refused before any process starts: exit status 2 and one line that names the
 * value and the limit (or the known choices), no child started, no results directory made,
 * nothing in the run root.
 */
class BadInputTest
{
    /** This machine's /proc/sys/fs/pipe-max-size, which --pipe-capacity may not exceed. */
    private static final long PIPE_MAX_SIZE = pipeMaxSize();

    @TempDir
    Path scratch;

    private Debris debris;
    private Path results;
    private long childrenBefore;

    @BeforeEach
    void track() throws Exception
    {
        debris = Debris.track();
        results = scratch.resolve("results");
        childrenBefore = ProcessHandle.current().children().count();
    }

    @AfterEach
    void nothingStartedOrLeft() throws Exception
    {
        assertFalse(Files.exists(results), "no results directory for a run refused");
        assertEquals(childrenBefore, ProcessHandle.current().children().count(), "no process started");
        debris.assertNothingLeft(0);
    }

    static Stream<Arguments> badInput()
    {
        return Stream.of(
            arguments("negative size", List.of("--sizes=-64"),
                "--sizes '-64' is not a whole number of bytes (sizes cannot be negative); use e.g. 512, 4k, 1m"),
            arguments("empty size list", List.of("--sizes", ""), "--sizes must list at least one size, e.g. --sizes 0,64,4k,64k,1m"),
            arguments("empty size in the list", List.of("--sizes", "64,,128"),
                "--sizes has an empty size (two commas in a row, or a trailing comma)"),
            arguments("malformed size", List.of("--sizes", "12q"), "--sizes '12q' has an unknown unit 'q' (known: b, k, m, g; k = 1024)"),
            arguments("size above any message", List.of("--sizes", "2g"),
                "--sizes '2g' = 2147483648 bytes is above the limit of 1 GiB (1073741824 bytes)"),
            arguments("negative count", List.of("--messages", "-5"),
                "--messages '-5' is not a whole number such as 5000, 100k or 1m (it cannot be negative)"),
            arguments("zero count", List.of("--messages", "0"), "--messages must be between 1 and 1000000000000: --messages=0"),
            arguments("malformed count", List.of("--messages", "abc"), "--messages 'abc' is not a whole number such as 5000, 100k or 1m"),
            arguments("zero repetitions", List.of("--repeat", "0"), "--repeat must be between 1 and 1000: --repeat=0"),
            arguments("zero batch", List.of("--batch", "0"), "--batch must be between 1 and 1000000: --batch=0"),
            arguments("size above an Agrona ring's largest message", List.of("--transports", "agrona", "--ring-capacity", "1m", "--sizes", "256k"),
                "size 256 KiB (262144 B payload + 24 B header) on agrona: agrona cannot carry a frame of 262168 bytes " +
                    "(batch=1 x message=262168): the limit is 131072 bytes (Agrona: a message may be at most 1/8 of the ring capacity, " +
                    "ring capacity=1048576)"),
            arguments("size above a Chronicle block's largest document",
                List.of("--transports", "chronicle", "--chronicle-block-size", "1m", "--sizes", "512k"),
                "size 512 KiB (524288 B payload + 24 B header) on chronicle: chronicle cannot carry a frame of 524312 bytes " +
                    "(batch=1 x message=524312): the limit is 262080 bytes (Chronicle: a document may be at most 1/4 of the block size, " +
                    "block size=1048576)"),
            arguments("size above a child's direct memory", List.of("--transports", "uds", "--sizes", "512m"),
                "size 512 MiB (536870912 B payload + 24 B header) on uds: a child would need 1073741872 bytes of direct memory for " +
                    "its send and receive buffers, above the limit of " + ChildJvm.MAX_DIRECT_MEMORY + " bytes (768 MiB, " +
                    "-XX:MaxDirectMemorySize of the child JVMs)"),
            arguments("unknown transport", List.of("--transports", "udp"), "unknown transport: udp (known: uds, pipe, tcp, agrona, chronicle)"),
            arguments("unknown mode", List.of("--modes", "burst"), "unknown mode: burst (known: pingpong, stream, rate)"),
            arguments("unknown wait strategy", List.of("--wait", "spinlock"),
                "unknown wait strategy: spinlock (known: spin, yield, backoff, park, futex)"),
            arguments("zero rate", List.of("--modes", "rate", "--rate", "0"), "--rate must be between 1 and 100000000: --rate=0"),
            arguments("absurd rate", List.of("--modes", "rate", "--rate", "1g"), "--rate must be between 1 and 100000000: --rate=1000000000"),
            arguments("zero duration", List.of("--duration", "0s"), "--duration must be between 1ms and 60m: --duration=0s"),
            arguments("absurd duration", List.of("--duration", "90m"), "--duration must be between 1ms and 60m: --duration=90m"),
            arguments("absurd warm-up", List.of("--warmup", "20m"), "--warmup must be between 0s and 10m: --warmup=20m"),
            arguments("longest warm-up below the shortest", List.of("--warmup", "3s", "--warmup-max", "1s"),
                "--warmup-max 1s is below --warmup 3s: the longest warm-up cannot be shorter than the shortest; " +
                    "give a --warmup-max of at least 3s"),
            arguments("pipe capacity above pipe-max-size", List.of("--transports", "pipe", "--pipe-capacity", "1g"),
                "--pipe-capacity 1g (1073741824 bytes) is above this machine's limit of " + Sizes.format(PIPE_MAX_SIZE) + " (" +
                    PIPE_MAX_SIZE + " bytes, /proc/sys/fs/pipe-max-size): F_SETPIPE_SZ would refuse it and the FIFO keep the " +
                    "system default; give at most " + Sizes.format(PIPE_MAX_SIZE) + ", or 0 for the system default"),
            arguments("pipe capacity one byte above pipe-max-size", List.of("--pipe-capacity", Long.toString(PIPE_MAX_SIZE + 1)),
                "--pipe-capacity " + (PIPE_MAX_SIZE + 1) + " (" + (PIPE_MAX_SIZE + 1) + " bytes) is above this machine's limit of " +
                    Sizes.format(PIPE_MAX_SIZE) + " (" + PIPE_MAX_SIZE + " bytes, /proc/sys/fs/pipe-max-size): F_SETPIPE_SZ would " +
                    "refuse it and the FIFO keep the system default; give at most " + Sizes.format(PIPE_MAX_SIZE) +
                    ", or 0 for the system default"),
            arguments("pipe capacity below a page", List.of("--transports", "pipe", "--pipe-capacity", "3"),
                "--pipe-capacity 3 (3 bytes) is below a page (4096 bytes), the least the kernel gives a pipe (it would round it " +
                    "up); give at least 4k, or 0 for the system default"));
    }

    /**
     * {@code --results ''} would mean the working directory: the run and a {@code latest} link
     * would land wherever the user stands. Refused like {@code --sizes ''}.
     */
    @Test
    void shouldRefuseAnEmptyResultsDirectoryAndWriteNothingWhereItStands() throws Exception
    {
        final Path here = Path.of("").toAbsolutePath();
        final List<String> before = entries(here);

        final Cli sweep = Cli.run(List.of("sweep", "--run-dir", debris.root().toString(), "--results", ""));

        assertEquals(2, sweep.exit, sweep::all);
        assertEquals("ipcbench: --results '' names no directory: give one, e.g. --results results\n", sweep.err);
        assertEquals("", sweep.out);
        assertEquals(before, entries(here), "nothing written in the working directory");
    }

    @Test
    void shouldRefuseABlankResultsDirectoryOrAnEmptyRunDirectory()
    {
        final Cli blankResults = Cli.run(List.of("sweep", "--run-dir", debris.root().toString(), "--results", " "));
        final Cli emptyRunDir = Cli.run(List.of("sweep", "--run-dir", "", "--results", results.toString()));

        assertEquals(2, blankResults.exit, blankResults::all);
        assertEquals("ipcbench: --results ' ' names no directory: give one, e.g. --results results\n", blankResults.err);
        assertEquals(2, emptyRunDir.exit, emptyRunDir::all);
        assertEquals("ipcbench: --run-dir '' names no directory: give one, e.g. --run-dir /dev/shm\n", emptyRunDir.err);
    }

    private static List<String> entries(final Path directory) throws Exception
    {
        try (Stream<Path> listed = Files.list(directory))
        {
            return listed.map(Path::toString).sorted().collect(Collectors.toList());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void shouldRefuseBeforeAnythingStarts(final String what, final List<String> args, final String message)
    {
        final Cli sweep = sweep(args);

        assertEquals(2, sweep.exit, sweep::all);
        assertEquals("ipcbench: " + message + "\n", sweep.err);
        assertEquals("", sweep.out);
    }

    @Test
    void shouldRefuseARunDirectoryTooLongForASocketAddress() throws Exception
    {
        final Path longRoot = Files.createDirectory(debris.root().resolve("d".repeat(80)));
        try
        {
            final Cli sweep = Cli.run(List.of("sweep", "--run-dir", longRoot.toString(), "--results", results.toString()));

            assertEquals(2, sweep.exit, sweep::all);
            assertTrue(Pattern.matches("ipcbench: --run-dir " + Pattern.quote(longRoot.toString()) + " is too long: socket paths under " +
                "it would be [0-9]+ bytes, a Unix socket address holds at most 107\n", sweep.err), sweep.err);
        }
        finally
        {
            Files.delete(longRoot);
        }
    }

    @Test
    void shouldRefuseAMissingRunDirectory()
    {
        final Path missing = debris.root().resolve("missing");

        final Cli sweep = Cli.run(List.of("sweep", "--run-dir", missing.toString(), "--results", results.toString()));

        assertEquals(2, sweep.exit, sweep::all);
        assertEquals("ipcbench: --run-dir " + missing + " must be an existing, writable directory: it is missing\n", sweep.err);
    }

    /** Under a file, and on a file system where even root cannot make a file. */
    @Test
    void shouldRefuseAResultsDirectoryThatCannotBeWritten() throws Exception
    {
        final Path file = Files.writeString(scratch.resolve("file"), "not a directory");

        final Cli underFile = Cli.run(List.of("sweep", "--run-dir", debris.root().toString(), "--results", file.resolve("results").toString()));
        final Cli readOnly = Cli.run(List.of("sweep", "--run-dir", debris.root().toString(), "--results", "/proc/sys/ipcbench-results"));

        assertEquals(2, underFile.exit, underFile::all);
        assertEquals("ipcbench: --results " + file.resolve("results") + " cannot be written (" + file + " is not a directory)\n", underFile.err);
        assertEquals(2, readOnly.exit, readOnly::all);
        assertEquals("ipcbench: --results /proc/sys/ipcbench-results cannot be written (/proc/sys: cannot create a file there " +
            "(no such file or directory))\n", readOnly.err);
    }

    /** A Chronicle queue keeps every byte: with a terabyte allowed per phase, no /dev/shm holds the plan. */
    @Test
    void shouldRefuseAPlanThatNeedsMoreRoomThanTheRunDirectoryHas()
    {
        final Cli sweep = sweep(List.of("--transports", "chronicle", "--modes", "stream", "--sizes", "64", "--max-bytes", "1024g"));

        assertEquals(2, sweep.exit, sweep::all);
        assertTrue(Pattern.matches("ipcbench: too little room in " + Pattern.quote(debris.root().toString()) + ": the point " +
            "chronicle/spin stream 64 B may need up to [0-9.]+ GiB \\([0-9]+ bytes\\) there while it runs, but only [0-9.]+ [KMG]?i?B " +
            "\\([0-9]+ bytes\\) is free; lower --max-bytes \\(a Chronicle queue keeps every byte sent\\), leave chronicle out, " +
            "or give --run-dir on a file system with more room\n", sweep.err), sweep.err);
    }

    @Test
    void shouldTakeAPlanThatFitsItsRoom()
    {
        final SweepConfig config = new SweepConfig();
        config.transports = List.of(TransportKind.AGRONA, TransportKind.CHRONICLE);
        config.modes = List.of(Mode.STREAM);
        config.sizes = List.of(64);
        config.maxBytes = 1L << 20;
        config.countSyscalls = false;
        config.waits = List.of(WaitStrategy.SPIN);

        // agrona: two rings of 1 MiB and their trailers; chronicle: two phases of 1 MiB plus headers, and a block per queue
        final long agrona = config.roomNeeded(config.points().get(0));
        final long chronicle = config.roomNeeded(config.points().get(1));

        assertTrue(agrona > 2L << 20 && agrona < (2L << 20) + 8192, "agrona: " + agrona);
        assertTrue(chronicle > 2 * config.chronicleBlockSize + (2L << 20) && chronicle < 2 * config.chronicleBlockSize + (3L << 20),
            "chronicle: " + chronicle);
    }

    private static long pipeMaxSize()
    {
        try (InputStream in = Files.newInputStream(Path.of("/proc/sys/fs/pipe-max-size")))
        {
            return Long.parseLong(new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private Cli sweep(final List<String> args)
    {
        final List<String> all = new ArrayList<>(List.of("sweep", "--run-dir", debris.root().toString(), "--results", results.toString()));
        all.addAll(args);
        return Cli.run(all);
    }
}
