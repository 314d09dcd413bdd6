package io.ipcbench.harness.cli;

import io.ipcbench.harness.launch.RunDirectory;
import io.ipcbench.harness.sweep.Injection;
import io.ipcbench.harness.sweep.PointKey;
import io.ipcbench.harness.sweep.Sizes;
import io.ipcbench.harness.sweep.SweepConfig;
import io.ipcbench.harness.sweep.SweepRunner;
import io.ipcbench.transport.ChannelConfig;
import io.ipcbench.transport.TransportKind;
import io.ipcbench.transport.control.Mode;
import io.ipcbench.transport.message.VerifyMode;
import io.ipcbench.transport.os.Affinity;
import io.ipcbench.transport.wait.WaitStrategy;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;

/** {@code ipcbench sweep}: measure every chosen transport, mode and size; report figures and break-evens. */
@Command(
    name = "sweep",
    header = "Measure every transport, mode and size; print figures and break-even sizes.",
    mixinStandardHelpOptions = true,
    versionProvider = IpcBench.Version.class,
    sortOptions = false,
    description = {
        "Runs every point (transport x mode x size) in fresh producer and consumer JVMs, repeated and interleaved, " +
            "and reports latency percentiles, throughput, CPU per message and the sizes where one transport overtakes another.",
        "Results go to results/<run-id>/ (run.json, points.csv, reps.csv, hist/*.hlog, summary.txt, report.html)."},
    footer = {
        "",
        "Exit status:",
        "  0    every pair measured",
        "  1    a pair failed: a peer died, hung, stalled or sent a bad message; the",
        "       message names transport, side, size and what happened, and the",
        "       finished points are kept",
        "  2    bad input; nothing was run",
        "  130  interrupted by SIGINT (Ctrl-C), 143 by SIGTERM: the running pair is",
        "       stopped, its files removed, the results so far kept as \"interrupted\"",
        "See docs/faults.md."})
public final class SweepCommand implements Callable<Integer>
{
    /** The largest capacity F_SETPIPE_SZ grants a process without CAP_SYS_RESOURCE. */
    static final Path PIPE_MAX_SIZE = Path.of("/proc/sys/fs/pipe-max-size");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--transports", paramLabel = "LIST", description = "Transports to measure: uds, pipe, tcp, agrona, chronicle (default: all).")
    String transports;

    @Option(names = "--modes", paramLabel = "LIST", description = "pingpong (round trip), stream (throughput), rate (fixed-rate one-way latency). Default: pingpong,stream.")
    String modes;

    @Option(names = "--sizes", paramLabel = "LIST", description = "Payload sizes, k = 1024: e.g. 0,64,4k,64k,1m. Default: 8 B to 1 MiB in steps of 4.")
    String sizes;

    @Option(names = "--wait", paramLabel = "LIST", description = "Wait strategies for agrona and chronicle: spin, yield, backoff, park, futex (default: spin,futex).")
    String waits;

    @Option(names = "--batch", paramLabel = "LIST", description = "Messages per write or ring commit in stream mode, e.g. 1,4,16,64 (default: 1).")
    String batches;

    @Option(names = "--repeat", paramLabel = "N", description = "Repetitions of each point, each in a fresh process pair (default: 3).")
    Integer repeat;

    @Option(names = "--duration", paramLabel = "TIME", description = "Measured window per point, e.g. 500ms, 2s (default: 500ms).")
    String duration;

    @Option(names = "--messages", paramLabel = "N", description = "At most this many measured messages per point, e.g. 20000, 1m (default: 10m).")
    String messages;

    @Option(names = "--max-bytes", paramLabel = "SIZE", description = "At most this many wire bytes per point, warm-up and window each (default: 512m for chronicle, whose queue keeps them; no limit for the others).")
    String maxBytes;

    @Option(names = "--warmup", paramLabel = "TIME", description = "Minimum warm-up per point (default: 300ms, or --warmup-max when shorter); " +
        "it then lasts until the JIT is quiet.")
    String warmup;

    @Option(names = "--warmup-max", paramLabel = "TIME", description = "Longest warm-up per point, not below --warmup (default: 5s, or --warmup when longer).")
    String warmupMax;

    @Option(names = "--verify", paramLabel = "MODE", description = "crc: check sequence, length and CRC32C of every payload (default); header: sequence and length only.")
    String verify;

    @Option(names = "--rate", paramLabel = "N", description = "Messages per second in rate mode, e.g. 100k (default: 100k).")
    String rate;

    @Option(names = "--cpus", paramLabel = "P,C", description = "CPUs for the producer and consumer measuring threads (default: 0,1).")
    String cpus;

    @Option(names = "--no-pin", description = "Do not pin the measuring threads.")
    boolean noPin;

    @Option(names = "--ring-capacity", paramLabel = "SIZE", description = "Agrona ring capacity, a power of two (default: derived from the largest message).")
    String ringCapacity;

    @Option(names = "--pipe-capacity", paramLabel = "SIZE", description = "Capacity asked of each FIFO with F_SETPIPE_SZ, at most " +
        "/proc/sys/fs/pipe-max-size (default: 1m, or that limit when lower; 0 keeps the system default).")
    String pipeCapacity;

    @Option(names = "--chronicle-block-size", paramLabel = "SIZE", description = "Chronicle Queue block size; a message may be a quarter of it (default: 64m).")
    String chronicleBlockSize;

    @Option(names = "--no-syscalls", description = "Do not count system calls per message with perf (counted by default where perf works).")
    boolean noSyscalls;

    @Option(names = "--run-dir", paramLabel = "DIR", description = "Where the private rendezvous directory is made (default: /dev/shm, else the temp dir).")
    Path runDir;

    @Option(names = "--results", paramLabel = "DIR", description = "Where runs are written (default: results).")
    Path results;

    @Option(names = "--fail-fast", description = "Stop at the first failed point (default: record it and go on).")
    boolean failFast;

    @Option(names = "--allow-concurrent", description = "Run even when another sweep holds the machine lock (its figures and ours will be disturbed).")
    boolean allowConcurrent;

    /** Hidden: faults for the fault tests, {@code <side>:<fault>[@<pair or transport>]}; see {@link Injection}. */
    @Option(names = "--inject", hidden = true, paramLabel = "SIDE:FAULT[@WHERE]")
    List<String> inject;

    @Option(names = "--quick", description = "A short sweep for CI: every transport (shared memory spinning), both modes, 64 B, 4 KiB and 256 KiB, one repetition, short windows.")
    boolean quick;

    @Override
    public Integer call() throws IOException
    {
        final SweepConfig config = configure();
        return new SweepRunner(config, spec.commandLine().getOut()).run();
    }

    /** Builds and checks the configuration; every problem is an IllegalArgumentException naming the value and the limit. */
    SweepConfig configure()
    {
        final SweepConfig config = new SweepConfig();
        config.commandLine = "ipcbench " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
        if (quick)
        {
            config.quick = true;
            config.sizes = SweepConfig.QUICK_SIZES;
            config.waits = List.of(WaitStrategy.SPIN);
            config.repeat = 1;
            config.warmupMinNs = 100_000_000L;
            config.warmupMaxNs = 1_000_000_000L;
            config.durationNs = 200_000_000L;
        }
        if (transports != null)
        {
            config.transports = list(transports, "--transports", TransportKind::parse);
        }
        if (modes != null)
        {
            config.modes = list(modes, "--modes", Mode::parse);
        }
        if (sizes != null)
        {
            config.sizes = Sizes.parseList(sizes, "--sizes");
        }
        if (waits != null)
        {
            config.waits = list(waits, "--wait", WaitStrategy::parse);
            if (config.waits.contains(WaitStrategy.KERNEL))
            {
                throw new IllegalArgumentException("--wait kernel is not a choice: sockets and pipes always wait in the kernel; " +
                    "for agrona and chronicle choose from " + WaitStrategy.known());
            }
        }
        if (batches != null)
        {
            config.batches = list(batches, "--batch", text -> (int)range("--batch", Units.count(text, "--batch"), 1, 1_000_000));
        }
        if (repeat != null)
        {
            config.repeat = (int)range("--repeat", repeat, 1, 1000);
        }
        if (duration != null)
        {
            config.durationNs = durationRange("--duration", duration, 1_000_000L, 3_600_000_000_000L);
        }
        if (messages != null)
        {
            config.maxMessages = range("--messages", Units.count(messages, "--messages"), 1, 1_000_000_000_000L);
        }
        if (maxBytes != null)
        {
            config.maxBytes = range("--max-bytes", Sizes.parseBytes(maxBytes, "--max-bytes", 1L << 40), 1, 1L << 40, maxBytes);
        }
        if (warmup != null)
        {
            config.warmupMinNs = durationRange("--warmup", warmup, 0, 600_000_000_000L);
        }
        if (warmupMax != null)
        {
            config.warmupMaxNs = durationRange("--warmup-max", warmupMax, 0, 600_000_000_000L);
        }
        if (config.warmupMaxNs < config.warmupMinNs)
        {
            if (warmup != null && warmupMax != null)
            {
                throw new IllegalArgumentException("--warmup-max " + warmupMax + " is below --warmup " + warmup +
                    ": the longest warm-up cannot be shorter than the shortest; give a --warmup-max of at least " + warmup);
            }
            // the one given wins over the other's default
            if (warmupMax != null)
            {
                config.warmupMinNs = config.warmupMaxNs;
            }
            else
            {
                config.warmupMaxNs = config.warmupMinNs;
            }
        }
        if (verify != null)
        {
            config.verify = VerifyMode.parse(verify);
        }
        if (rate != null)
        {
            config.rate = range("--rate", Units.count(rate, "--rate"), 1, 100_000_000L);
        }
        if (ringCapacity != null)
        {
            final int capacity = Sizes.parse(ringCapacity, "--ring-capacity");
            if (capacity < 1024 || Integer.bitCount(capacity) != 1)
            {
                throw new IllegalArgumentException("--ring-capacity must be a power of two of at least 1 KiB: --ring-capacity=" + ringCapacity);
            }
            config.ringCapacity = capacity;
        }
        config.pipeCapacity = pipeCapacity(pipeCapacity, readPipeMaxSize(PIPE_MAX_SIZE), config.transports.contains(TransportKind.PIPE),
            config.warnings);
        if (chronicleBlockSize != null)
        {
            config.chronicleBlockSize = range("--chronicle-block-size", Sizes.parse(chronicleBlockSize, "--chronicle-block-size"),
                1L << 16, 1L << 30, chronicleBlockSize);
        }
        config.failFast = failFast;
        config.allowConcurrent = allowConcurrent;
        config.countSyscalls = !noSyscalls;
        if (inject != null)
        {
            config.injections = inject.stream().map(Injection::parse).collect(Collectors.toList());
        }
        configurePinning(config);
        warnOfOptionsWithoutEffect(config);
        PathOptions.named(runDir, "--run-dir", "directory", "--run-dir /dev/shm");
        config.runRoot = runDir != null ? runDir.toAbsolutePath() : RunDirectory.defaultRoot();
        checkRunRoot(config.runRoot);
        config.resultsDir = PathOptions.named(results, "--results", "directory", "--results results") != null ? results : config.resultsDir;
        PathOptions.checkWritableDirectory(config.resultsDir, "--results");
        config.checkPoints();
        checkRoom(config);
        return config;
    }

    /**
     * The capacity each FIFO is asked for. F_SETPIPE_SZ refuses more than
     * /proc/sys/fs/pipe-max-size (EPERM) to a process without CAP_SYS_RESOURCE, and the FIFO then
     * keeps the system default, typically 64 KiB, 16 times less than the default asked. Root may
     * hold that capability, but often does not (in a container), so a capacity above the limit is
     * refused for everyone; the default is lowered to a smaller limit, with a warning when pipes
     * are measured.
     *
     * @param given       the option as typed, or null.
     * @param pipeMaxSize the machine's limit in bytes, or -1 when it cannot be read (nothing checked then).
     */
    static int pipeCapacity(final String given, final long pipeMaxSize, final boolean pipeMeasured, final List<String> warnings)
    {
        if (given == null)
        {
            if (pipeMaxSize > 0 && pipeMaxSize < ChannelConfig.DEFAULT_PIPE_CAPACITY)
            {
                if (pipeMeasured)
                {
                    warnings.add(PIPE_MAX_SIZE + " is " + Sizes.format(pipeMaxSize) + " (" + pipeMaxSize + " bytes) here, below the " +
                        "default --pipe-capacity of " + Sizes.format(ChannelConfig.DEFAULT_PIPE_CAPACITY) + ": each FIFO is asked for " +
                        Sizes.format(pipeMaxSize) + " instead");
                }
                return (int)pipeMaxSize;
            }
            return ChannelConfig.DEFAULT_PIPE_CAPACITY;
        }
        final long capacity = Sizes.parseBytes(given, "--pipe-capacity", Integer.MAX_VALUE);
        if (pipeMaxSize > 0 && capacity > pipeMaxSize)
        {
            throw new IllegalArgumentException("--pipe-capacity " + given.trim() + " (" + capacity + " bytes) is above this machine's limit of " +
                Sizes.format(pipeMaxSize) + " (" + pipeMaxSize + " bytes, " + PIPE_MAX_SIZE + "): F_SETPIPE_SZ would refuse it and " +
                "the FIFO keep the system default; give at most " + Sizes.format(pipeMaxSize) + ", or 0 for the system default");
        }
        if (capacity > 0 && capacity < PAGE)
        {
            throw new IllegalArgumentException("--pipe-capacity " + given.trim() + " (" + capacity + " bytes) is below a page (" + PAGE +
                " bytes), the least the kernel gives a pipe (it would round it up); give at least 4k, or 0 for the system default");
        }
        return (int)capacity;
    }

    /** A pipe holds at least one page; F_SETPIPE_SZ rounds anything smaller up to it. */
    static final int PAGE = 4096;

    /** The bytes in {@code file} (/proc/sys/fs/pipe-max-size), or -1 when it cannot be read. */
    static long readPipeMaxSize(final Path file)
    {
        // a stream, not Files.readString: that trusts the size procfs reports and returned "1" for "1048576\n"
        try (InputStream in = Files.newInputStream(file))
        {
            return Long.parseLong(new String(in.readNBytes(64), StandardCharsets.US_ASCII).trim());
        }
        catch (final IOException | NumberFormatException ex)
        {
            return -1;
        }
    }

    /** A warning for each option given that no point of the sweep uses: it would otherwise be ignored without a word. */
    private void warnOfOptionsWithoutEffect(final SweepConfig config)
    {
        final String modesMeasured = config.modes.stream().map(Mode::label).collect(Collectors.joining(","));
        final String transportsMeasured = config.transports.stream().map(TransportKind::label).collect(Collectors.joining(","));
        if (rate != null && !config.modes.contains(Mode.RATE))
        {
            config.warnings.add(withoutEffect("--rate", rate, "it sets the message rate of rate mode", "modes", modesMeasured, "rate"));
        }
        if (batches != null && !config.batches.equals(List.of(1)) && !config.modes.contains(Mode.STREAM))
        {
            config.warnings.add(withoutEffect("--batch", batches, "it sets the messages per write of stream mode", "modes", modesMeasured,
                "stream"));
        }
        if (waits != null && config.transports.stream().noneMatch(TransportKind::sharedMemory))
        {
            config.warnings.add(withoutEffect("--wait", waits, "it sets how agrona and chronicle wait", "transports", transportsMeasured,
                "agrona or chronicle"));
        }
        if (ringCapacity != null && !config.transports.contains(TransportKind.AGRONA))
        {
            config.warnings.add(withoutEffect("--ring-capacity", ringCapacity, "it sizes agrona's rings", "transports", transportsMeasured,
                "agrona"));
        }
        if (pipeCapacity != null && !config.transports.contains(TransportKind.PIPE))
        {
            config.warnings.add(withoutEffect("--pipe-capacity", pipeCapacity, "it sizes the FIFOs of pipe", "transports", transportsMeasured,
                "pipe"));
        }
        if (chronicleBlockSize != null && !config.transports.contains(TransportKind.CHRONICLE))
        {
            config.warnings.add(withoutEffect("--chronicle-block-size", chronicleBlockSize, "it sizes chronicle's queue blocks", "transports",
                transportsMeasured, "chronicle"));
        }
    }

    private static String withoutEffect(final String option, final String value, final String what, final String measuredWhat,
        final String measured, final String missing)
    {
        return option + " " + value + " has no effect: " + what + ", and the " + measuredWhat + " measured are " + measured +
            " (add " + missing + " to --" + measuredWhat + ")";
    }

    /**
     * The run directory's file system must hold the point that needs the most room: rings are
     * written whole when made, and a Chronicle queue keeps every byte sent. A tmpfs that fills
     * up under a mapped file kills the child with SIGBUS in the middle of a point.
     */
    static void checkRoom(final SweepConfig config)
    {
        final Map.Entry<PointKey, Long> largest = config.largestRoomNeeded();
        if (largest.getKey() == null || largest.getValue() == 0)
        {
            return;
        }
        final long free;
        try
        {
            free = Files.getFileStore(config.runRoot).getUsableSpace();
        }
        catch (final IOException ex)
        {
            throw new IllegalArgumentException("--run-dir " + config.runRoot + ": cannot tell how much room is free there: " + ex.getMessage());
        }
        if (largest.getValue() > free)
        {
            final PointKey point = largest.getKey();
            throw new IllegalArgumentException("too little room in " + config.runRoot + ": the point " + point + " may need up to " +
                Sizes.format(largest.getValue()) + " (" + largest.getValue() + " bytes) there while it runs, but only " +
                Sizes.format(free) + " (" + free + " bytes) is free; " +
                (point.transport() == TransportKind.CHRONICLE ? "lower --max-bytes (a Chronicle queue keeps every byte sent), " :
                    "lower --ring-capacity or the sizes, ") +
                "leave " + point.transport().label() + " out, or give --run-dir on a file system with more room");
        }
    }

    private void configurePinning(final SweepConfig config)
    {
        config.pin = !noPin;
        if (cpus != null)
        {
            final String[] parts = cpus.split(",", -1);
            if (parts.length != 2)
            {
                throw new IllegalArgumentException("--cpus needs two CPUs, producer then consumer, e.g. --cpus 0,1: --cpus=" + cpus);
            }
            config.producerCpu = (int)range("--cpus", Units.count(parts[0], "--cpus"), 0, 1023);
            config.consumerCpu = (int)range("--cpus", Units.count(parts[1], "--cpus"), 0, 1023);
        }
        if (!config.pin)
        {
            return;
        }
        final List<Integer> allowed = cpuList(Affinity.currentThreadAffinity());
        if (cpus == null && allowed.size() >= 2)
        {
            config.producerCpu = allowed.get(0);
            config.consumerCpu = allowed.get(1);
        }
        for (final int cpu : new int[] {config.producerCpu, config.consumerCpu})
        {
            if (!allowed.contains(cpu))
            {
                throw new IllegalArgumentException("--cpus names CPU " + cpu + ", which this process may not use; allowed: " +
                    Affinity.currentThreadAffinity());
            }
        }
        if (config.producerCpu == config.consumerCpu)
        {
            if (cpus != null)
            {
                throw new IllegalArgumentException("--cpus must name two different CPUs: --cpus=" + cpus);
            }
            config.pin = false;
        }
    }

    static List<Integer> cpuList(final String ranges)
    {
        final List<Integer> cpus = new ArrayList<>();
        for (final String part : ranges.split(","))
        {
            if (part.isBlank())
            {
                continue;
            }
            final String[] bounds = part.split("-");
            final int low = Integer.parseInt(bounds[0].trim());
            final int high = bounds.length > 1 ? Integer.parseInt(bounds[1].trim()) : low;
            for (int cpu = low; cpu <= high; cpu++)
            {
                cpus.add(cpu);
            }
        }
        return cpus;
    }

    private static void checkRunRoot(final Path root)
    {
        if (!Files.isDirectory(root))
        {
            throw new IllegalArgumentException("--run-dir " + root + " must be an existing, writable directory: it is " +
                (Files.exists(root) ? "not a directory" : "missing"));
        }
        final String unwritable = PathOptions.unwritable(root);
        if (unwritable != null)
        {
            throw new IllegalArgumentException("--run-dir " + root + " must be an existing, writable directory: " + unwritable);
        }
        final int longest = RunDirectory.longestSocketPath(root);
        if (longest > RunDirectory.MAX_SOCKET_PATH)
        {
            throw new IllegalArgumentException("--run-dir " + root + " is too long: socket paths under it would be " + longest +
                " bytes, a Unix socket address holds at most " + RunDirectory.MAX_SOCKET_PATH);
        }
    }

    private static <T> List<T> list(final String text, final String option, final Function<String, T> parse)
    {
        final LinkedHashSet<T> values = new LinkedHashSet<>();
        for (final String item : text.split(",", -1))
        {
            if (item.isBlank())
            {
                throw new IllegalArgumentException(option + " has an empty item: " + option + "=" + text);
            }
            values.add(parse.apply(item.trim()));
        }
        return new ArrayList<>(values);
    }

    /** A duration option, its bounds shown as durations: "--duration must be between 1ms and 1h: --duration=0s". */
    private static long durationRange(final String option, final String text, final long minNs, final long maxNs)
    {
        final long value = Units.durationNs(text, option);
        if (value < minNs || value > maxNs)
        {
            throw new IllegalArgumentException(option + " must be between " + Units.formatDuration(minNs) + " and " +
                Units.formatDuration(maxNs) + ": " + option + "=" + text);
        }
        return value;
    }

    private static long range(final String option, final long value, final long min, final long max)
    {
        return range(option, value, min, max, Long.toString(value));
    }

    private static long range(final String option, final long value, final long min, final long max, final String shown)
    {
        if (value < min || value > max)
        {
            throw new IllegalArgumentException(option + " must be between " + min + " and " + max + ": " + option + "=" + shown);
        }
        return value;
    }
}
