package io.ipcbench.harness.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ipcbench.harness.launch.ChildJvm;
import io.ipcbench.harness.launch.MachineLock;
import io.ipcbench.harness.launch.PairOutcome;
import io.ipcbench.harness.launch.PairRunner;
import io.ipcbench.harness.launch.RunDirectory;
import io.ipcbench.harness.report.Format;
import io.ipcbench.harness.sweep.Injection;
import io.ipcbench.harness.sweep.PointKey;
import io.ipcbench.harness.sweep.Sizes;
import io.ipcbench.harness.sweep.SweepRunner;
import io.ipcbench.transport.ChannelConfig;
import io.ipcbench.transport.Side;
import io.ipcbench.transport.TransportKind;
import io.ipcbench.transport.control.Mode;
import io.ipcbench.transport.control.PointSpec;
import io.ipcbench.transport.message.MessageHeader;
import io.ipcbench.transport.message.VerifyMode;
import io.ipcbench.transport.wait.WaitStrategy;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code ipcbench soak}: not a measurement but a proof of integrity. Every chosen transport
 * carries millions of messages of a repeating mix of sizes in each chosen mode, the consumer
 * checks sequence, length and CRC32C of every one (and the producer every echo), and the soak
 * reports what was delivered: a lost, reordered or corrupted message fails its pair with the
 * message named. Too long for CI; run it after changing a transport.
 *
 * <p>A Chronicle queue keeps every byte written to it until its directory goes, so Chronicle's
 * messages are carried in segments of at most {@code --chronicle-segment} wire bytes, each in a
 * fresh pair and queue; the other transports carry all of them in one pair.
 */
@Command(
    name = "soak",
    header = "Send millions of mixed-size messages per transport and check every one.",
    mixinStandardHelpOptions = true,
    versionProvider = IpcBench.Version.class,
    sortOptions = false,
    description = {
        "Sends millions of messages of mixed sizes over every chosen transport, stream and ping-pong, and checks every one: " +
            "reports the messages delivered and zero loss, reordering and corruption, or the message that was not. " +
            "Not a benchmark (nothing is pinned or warmed up) and too long for CI."},
    footer = {"", "Exit status: 0 every message delivered intact; 1 a pair failed (named);", "2 bad input; 130 or 143 interrupted. See docs/faults.md."})
public final class SoakCommand implements Callable<Integer>
{
    /** Sizes that cross every boundary: empty, below and around a word, the CRC stamp widths, a page, 16 KiB. */
    public static final String DEFAULT_SIZES = "0,1,7,8,15,16,17,63,64,65,255,256,1000,4095,4096,4097,16384";
    /** No time limit ends a soak pair, its message count does; this only bounds the pair's budget. */
    static final long PAIR_TIME_LIMIT_NS = 6L * 3600 * 1_000_000_000L;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--transports", paramLabel = "LIST", description = "Transports to soak (default: all: " +
        "uds, pipe, tcp, agrona, chronicle).")
    String transports;

    @Option(names = "--modes", paramLabel = "LIST", description = "stream and/or pingpong (default: stream,pingpong).")
    String modes;

    @Option(names = "--messages", paramLabel = "N", description = "Messages per transport and mode, e.g. 100k, 10m (default: 10m).")
    String messages = "10m";

    @Option(names = "--sizes", paramLabel = "LIST", description = "The payload sizes, used in this order, repeating (default: " +
        DEFAULT_SIZES + ").")
    String sizes = DEFAULT_SIZES;

    @Option(names = "--wait", paramLabel = "STRATEGY", description = "Wait strategy for agrona and chronicle: spin, yield, backoff, park, futex (default: spin).")
    String wait = "spin";

    @Option(names = "--chronicle-segment", paramLabel = "SIZE", description = "Most wire bytes one Chronicle pair carries, its queue keeping them all (default: 1g).")
    String chronicleSegment = "1g";

    @Option(names = "--run-dir", paramLabel = "DIR", description = "Where the private rendezvous directory is made (default: /dev/shm, else the temp dir).")
    Path runDir;

    @Option(names = "--allow-concurrent", description = "Run even when a sweep holds the machine lock (its figures will be disturbed).")
    boolean allowConcurrent;

    /** Hidden: faults for the fault tests, as for sweep; {@code @N} counts the soak's pairs. */
    @Option(names = "--inject", hidden = true, paramLabel = "SIDE:FAULT[@WHERE]")
    List<String> inject;

    private final ObjectMapper json = new ObjectMapper();

    /** One transport and mode of the soak, as it went. */
    private static final class Row
    {
        final TransportKind transport;
        final Mode mode;
        long delivered;
        long wireBytes;
        int pairs;
        long elapsedNs;
        String failure;

        Row(final TransportKind transport, final Mode mode)
        {
            this.transport = transport;
            this.mode = mode;
        }
    }

    @Override
    public Integer call() throws IOException
    {
        final List<TransportKind> kinds = transports == null ? List.of(TransportKind.values()) :
            parseList(transports, "--transports", TransportKind::parse);
        final List<Mode> modeList = modes == null ? List.of(Mode.STREAM, Mode.PINGPONG) : parseList(modes, "--modes", Mode::parse);
        if (modeList.contains(Mode.RATE))
        {
            throw new IllegalArgumentException("--modes for a soak are stream and pingpong: rate mode paces messages and adds nothing " +
                "to an integrity check: --modes=" + modes);
        }
        final long count = Units.count(messages, "--messages");
        if (count < 1 || count > 1_000_000_000_000L)
        {
            throw new IllegalArgumentException("--messages must be between 1 and 1000000000000: --messages=" + messages);
        }
        final int[] mix = parseSizes(sizes);
        final WaitStrategy strategy = WaitStrategy.parse(wait);
        if (strategy == WaitStrategy.KERNEL)
        {
            throw new IllegalArgumentException("--wait kernel is not a choice: sockets and pipes always wait in the kernel; " +
                "for agrona and chronicle choose from " + WaitStrategy.known());
        }
        final long segmentBytes = Sizes.parseBytes(chronicleSegment, "--chronicle-segment", 1L << 40);
        final List<Injection> injections = inject == null ? List.of() :
            inject.stream().map(Injection::parse).collect(Collectors.toList());
        PathOptions.named(runDir, "--run-dir", "directory", "--run-dir /dev/shm");
        final Path root = runDir != null ? runDir.toAbsolutePath() : RunDirectory.defaultRoot();
        if (!Files.isDirectory(root) || RunDirectory.longestSocketPath(root) > RunDirectory.MAX_SOCKET_PATH)
        {
            throw new IllegalArgumentException("--run-dir " + root + " must be an existing directory whose socket paths fit " +
                RunDirectory.MAX_SOCKET_PATH + " bytes");
        }
        for (final TransportKind transport : kinds)
        {
            for (final Mode mode : modeList)
            {
                spec(transport, mode, mix, strategy, 1, Path.of("/")).validate();
            }
        }
        final PrintWriter out = spec.commandLine().getOut();
        for (final Path stale : RunDirectory.removeStale(root))
        {
            out.println("removed " + stale + ", left by an earlier run that is no longer running");
        }
        try (MachineLock lock = MachineLock.tryAcquire(root))
        {
            if (lock == null && !allowConcurrent)
            {
                throw new IllegalArgumentException("another ipcbench run holds the lock on " + root + " (pid " +
                    MachineLock.holders(root).stream().map(String::valueOf).collect(Collectors.joining(", ")) +
                    "); a soak beside a sweep disturbs its figures. Wait for it to finish, or pass --allow-concurrent");
            }
            return soak(out, root, kinds, modeList, count, mix, strategy, segmentBytes, injections);
        }
    }

    private int soak(final PrintWriter out, final Path root, final List<TransportKind> kinds, final List<Mode> modeList,
        final long count, final int[] mix, final WaitStrategy strategy, final long segmentBytes, final List<Injection> injections)
        throws IOException
    {
        final double meanWire = Arrays.stream(mix).mapToDouble(MessageHeader::wireLength).average().orElse(MessageHeader.LENGTH);
        out.printf(Locale.ROOT, "ipcbench soak: %,d messages per transport and mode, %d sizes from %s to %s repeating " +
                "(mean %.0f B on the wire), sequence, length and CRC32C checked on every message%n",
            count, mix.length, Sizes.format(Arrays.stream(mix).min().orElse(0)), Sizes.format(Arrays.stream(mix).max().orElse(0)), meanWire);
        out.flush();
        final PairRunner pairs = new PairRunner(new ChildJvm(), new PairRunner.Timeouts());
        final List<Row> rows = new ArrayList<>();
        final AtomicBoolean interrupted = new AtomicBoolean();
        int pairNumber = 0;
        try (RunDirectory runDirectory = RunDirectory.create(root))
        {
            final Thread hook = new Thread(() ->
            {
                interrupted.set(true);
                PairRunner.killAll();
                runDirectory.close();
                System.err.println("\ninterrupted: stopped the running pair and removed its files");
            }, "ipcbench-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            try
            {
                for (final TransportKind transport : kinds)
                {
                    for (final Mode mode : modeList)
                    {
                        final Row row = new Row(transport, mode);
                        rows.add(row);
                        final long perPair = transport == TransportKind.CHRONICLE ?
                            Math.max(1, (long)(segmentBytes / meanWire)) : count;
                        while (row.delivered < count && row.failure == null)
                        {
                            final long messagesThisPair = Math.min(perPair, count - row.delivered);
                            pairNumber++;
                            runPair(pairs, runDirectory, row, messagesThisPair, mix, strategy, injections, pairNumber);
                            if (interrupted.get())
                            {
                                return SweepRunner.EXIT_INTERRUPTED;
                            }
                        }
                        print(out, row, count, strategy);
                    }
                }
            }
            finally
            {
                try
                {
                    Runtime.getRuntime().removeShutdownHook(hook);
                }
                catch (final IllegalStateException ex)
                {
                    // shutting down: the hook is running
                }
            }
        }
        final long failed = rows.stream().filter(row -> row.failure != null).count();
        if (failed == 0)
        {
            out.printf(Locale.ROOT, "all %d transport and mode pairs clean: %,d messages each delivered, 0 lost, 0 reordered, 0 corrupted%n",
                rows.size(), count);
            return 0;
        }
        out.printf(Locale.ROOT, "%d of %d failed; see above%n", failed, rows.size());
        return 1;
    }

    private void runPair(final PairRunner pairs, final RunDirectory runDirectory, final Row row, final long messagesThisPair,
        final int[] mix, final WaitStrategy strategy, final List<Injection> injections, final int pairNumber) throws IOException
    {
        final Path directory = runDirectory.newPoint();
        final PointSpec point = spec(row.transport, row.mode, mix, strategy, messagesThisPair, directory);
        final PointKey key = new PointKey(row.transport, point.wait, 1, row.mode, mix[0]);
        for (final Injection injection : injections)
        {
            if (injection.appliesTo(pairNumber, key))
            {
                if (injection.side() == Side.PRODUCER)
                {
                    point.producerFault = injection.fault();
                }
                else
                {
                    point.consumerFault = injection.fault();
                }
            }
        }
        point.validate();
        final long start = System.nanoTime();
        try
        {
            final PairOutcome outcome = pairs.run(point);
            row.elapsedNs += System.nanoTime() - start;
            row.pairs++;
            if (!outcome.ok())
            {
                row.failure = outcome.failure();
                return;
            }
            final JsonNode producer = json.readTree(outcome.producerResult());
            final JsonNode consumer = json.readTree(outcome.consumerResult());
            final long sent = producer.path("messages").asLong();
            final long received = consumer.path("messages").asLong();
            // the consumer checks every message it gets; one lost after the last it got shows only in the counts
            if (sent != messagesThisPair || received != sent ||
                producer.path("wire_bytes").asLong() != consumer.path("wire_bytes").asLong())
            {
                row.failure = "counts differ: " + messagesThisPair + " messages to send, producer sent " + sent + " (" +
                    producer.path("wire_bytes").asLong() + " B), consumer received " + received + " (" +
                    consumer.path("wire_bytes").asLong() + " B)";
                return;
            }
            row.delivered += received;
            row.wireBytes += consumer.path("wire_bytes").asLong();
        }
        finally
        {
            RunDirectory.deletePoint(directory);
        }
    }

    static PointSpec spec(final TransportKind transport, final Mode mode, final int[] mix, final WaitStrategy strategy,
        final long messages, final Path directory)
    {
        final PointSpec point = new PointSpec();
        point.id = "soak-" + transport.label() + "-" + mode.label();
        point.transport = transport;
        point.wait = transport.sharedMemory() ? strategy : WaitStrategy.KERNEL;
        point.mode = mode;
        point.sizes = mix.clone();
        point.verify = VerifyMode.CRC;
        // no warm-up to speak of: one message, then SYNC; the soak counts the measured window's messages
        point.warmupMessages = 0;
        point.warmupMinNs = 0;
        point.warmupNs = 0;
        point.maxMessages = messages;
        point.maxNs = PAIR_TIME_LIMIT_NS;
        point.maxBytes = Long.MAX_VALUE;
        point.pipeCapacity = ChannelConfig.DEFAULT_PIPE_CAPACITY;
        point.chronicleBlockSize = ChannelConfig.DEFAULT_CHRONICLE_BLOCK_SIZE;
        point.directory = directory;
        return point;
    }

    private static void print(final PrintWriter out, final Row row, final long count, final WaitStrategy strategy)
    {
        final String series = row.transport.label() + (row.transport.sharedMemory() ? "/" + strategy.label() : "");
        if (row.failure == null)
        {
            out.printf(Locale.ROOT, "%-16s %-8s %,14d messages delivered in %d pair%s, %s on the wire, 0 lost, 0 reordered, 0 corrupted, " +
                    "%s (%s msg/s)%n",
                series, row.mode.label(), row.delivered, row.pairs, row.pairs == 1 ? "" : "s", Sizes.format(row.wireBytes),
                Format.duration(row.elapsedNs), Format.significant(row.delivered / Math.max(1e-9, row.elapsedNs / 1e9)));
        }
        else
        {
            out.printf(Locale.ROOT, "%-16s %-8s FAILED after %,d of %,d messages delivered intact: %s%n",
                series, row.mode.label(), row.delivered, count, row.failure);
        }
        out.flush();
    }

    private static int[] parseSizes(final String text)
    {
        if (text == null || text.trim().isEmpty())
        {
            throw new IllegalArgumentException("--sizes must list at least one size, e.g. --sizes " + DEFAULT_SIZES);
        }
        // in the order given, repeats allowed: the mix is a schedule, not a set
        return Arrays.stream(text.split(",", -1)).mapToInt(item -> Sizes.parse(item, "--sizes")).toArray();
    }

    private static <T> List<T> parseList(final String text, final String option, final Function<String, T> parse)
    {
        final List<T> values = new ArrayList<>();
        for (final String item : text.split(",", -1))
        {
            if (item.isBlank())
            {
                throw new IllegalArgumentException(option + " has an empty item: " + option + "=" + text);
            }
            final T value = parse.apply(item.trim());
            if (!values.contains(value))
            {
                values.add(value);
            }
        }
        return values;
    }
}
