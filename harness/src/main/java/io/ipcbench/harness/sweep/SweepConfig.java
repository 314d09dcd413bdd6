package io.ipcbench.harness.sweep;

import io.ipcbench.harness.launch.ChildJvm;
import io.ipcbench.transport.ChannelConfig;
import io.ipcbench.transport.Side;
import io.ipcbench.transport.TransportKind;
import io.ipcbench.transport.agrona.AgronaRingChannel;
import io.ipcbench.transport.control.Mode;
import io.ipcbench.transport.control.PointSpec;
import io.ipcbench.transport.message.MessageHeader;
import io.ipcbench.transport.message.VerifyMode;
import io.ipcbench.transport.wait.WaitStrategy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A sweep's whole configuration, as chosen on the command line and checked before anything runs. */
public final class SweepConfig
{
    /** 8 B to 1 MiB in steps of four: fine enough to bracket a crossover, which is then interpolated. */
    public static final List<Integer> DEFAULT_SIZES =
        List.of(8, 32, 128, 512, 2048, 8192, 32768, 131072, 524288, 1048576);
    public static final List<Integer> QUICK_SIZES = List.of(64, 4096, 262144);
    /**
     * A Chronicle queue keeps everything written to it until the point's directory is deleted, so
     * its warm-up and its window are each capped at this many wire bytes (1 GiB of tmpfs at most).
     * The other transports hold only what is in flight and are bounded by time alone.
     */
    public static final long CHRONICLE_MAX_BYTES = 512L << 20;

    public List<TransportKind> transports = List.of(TransportKind.values());
    /** Spinning and blocking: the two ends of the synchronisation cost shared memory pays. */
    public List<WaitStrategy> waits = List.of(WaitStrategy.SPIN, WaitStrategy.FUTEX);
    public List<Mode> modes = List.of(Mode.PINGPONG, Mode.STREAM);
    public List<Integer> sizes = DEFAULT_SIZES;
    public List<Integer> batches = List.of(1);
    public int repeat = 3;
    public long warmupMinNs = 300_000_000L;
    public long warmupMaxNs = 5_000_000_000L;
    public long durationNs = 500_000_000L;
    public long maxMessages = 10_000_000L;
    /** Wire-byte cap per point and phase; null: {@link #CHRONICLE_MAX_BYTES} for chronicle, none for the others. */
    public Long maxBytes;
    public VerifyMode verify = VerifyMode.CRC;
    public long rate = 100_000;
    public int producerCpu = 0;
    public int consumerCpu = 1;
    public boolean pin = true;
    public int ringCapacity;
    public int pipeCapacity = ChannelConfig.DEFAULT_PIPE_CAPACITY;
    public long chronicleBlockSize = ChannelConfig.DEFAULT_CHRONICLE_BLOCK_SIZE;
    public Path runRoot;
    public Path resultsDir = defaultResults();
    public boolean failFast;
    public boolean allowConcurrent;
    /** Count system calls per message with perf; null until probed. */
    public boolean countSyscalls = true;
    /** Why system calls are not counted, or null when they are. */
    public String syscallsUnavailable;
    public boolean quick;
    public String commandLine = "";
    /** Faults to inflict, for the fault tests (hidden option --inject); empty in a measuring run. */
    public List<Injection> injections = List.of();
    /**
     * Warnings about the configuration itself (an option no point uses, a capacity lowered to the
     * machine's limit): printed at the start with the run's conditions and recorded with them.
     */
    public final List<String> warnings = new ArrayList<>();

    /** {@code results/} of the ipcbench checkout when started by the launcher script, else of the working directory. */
    public static Path defaultResults()
    {
        final String home = System.getProperty("ipcbench.home");
        return home == null ? Path.of("results") : Path.of(home, "results");
    }

    /** Every point of the sweep, in report order. */
    public List<PointKey> points()
    {
        final List<PointKey> points = new ArrayList<>();
        for (final Mode mode : modes)
        {
            for (final int size : sizes)
            {
                for (final TransportKind transport : transports)
                {
                    for (final WaitStrategy wait : transport.sharedMemory() ? waits : List.of(WaitStrategy.KERNEL))
                    {
                        for (final int batch : mode == Mode.STREAM ? batches : List.of(1))
                        {
                            points.add(new PointKey(transport, wait, batch, mode, size));
                        }
                    }
                }
            }
        }
        return points;
    }

    /**
     * The order pairs run in: repetition by repetition, and within each (mode, size, batch) the
     * series rotated by the repetition, so that repetitions of a point are spread over the sweep
     * and no transport always runs first or right after another.
     */
    public List<Run> schedule()
    {
        final Map<String, List<PointKey>> groups = new LinkedHashMap<>();
        for (final PointKey point : points())
        {
            groups.computeIfAbsent(point.mode() + "/" + point.payloadBytes() + "/" + point.batch(), k -> new ArrayList<>()).add(point);
        }
        final List<Run> runs = new ArrayList<>();
        for (int rep = 1; rep <= repeat; rep++)
        {
            for (final List<PointKey> group : groups.values())
            {
                final List<PointKey> rotated = new ArrayList<>(group);
                Collections.rotate(rotated, -((rep - 1) % rotated.size()));
                for (final PointKey point : rotated)
                {
                    runs.add(new Run(point, rep));
                }
            }
        }
        return runs;
    }

    /** One pair to run: a point and which repetition of it. */
    public record Run(PointKey point, int repetition)
    {
    }

    /** The {@code pairNumber}-th pair (1-based) as both children will see it, with the faults injected into it. */
    public PointSpec spec(final PointKey point, final Path directory, final int pairNumber)
    {
        final PointSpec spec = spec(point, directory);
        for (final Injection injection : injections)
        {
            if (injection.appliesTo(pairNumber, point))
            {
                if (injection.side() == Side.PRODUCER)
                {
                    spec.producerFault = injection.fault();
                }
                else
                {
                    spec.consumerFault = injection.fault();
                }
            }
        }
        return spec;
    }

    /** The point as both children will see it. */
    public PointSpec spec(final PointKey point, final Path directory)
    {
        final PointSpec spec = new PointSpec();
        spec.id = point.slug();
        spec.transport = point.transport();
        spec.wait = point.waitStrategy();
        spec.mode = point.mode();
        spec.sizes = new int[] {point.payloadBytes()};
        spec.batch = point.batch();
        spec.verify = verify;
        spec.warmupMinNs = warmupMinNs;
        spec.warmupNs = warmupMaxNs;
        spec.maxMessages = maxMessages;
        spec.maxNs = durationNs;
        spec.maxBytes = maxBytesFor(point.transport());
        spec.rate = rate;
        spec.producerCpu = pin ? producerCpu : -1;
        spec.consumerCpu = pin ? consumerCpu : -1;
        spec.directory = directory;
        spec.ringCapacity = ringCapacity;
        spec.pipeCapacity = pipeCapacity;
        spec.chronicleBlockSize = chronicleBlockSize;
        spec.countSyscalls = countSyscalls && syscallsUnavailable == null;
        return spec;
    }

    public long maxBytesFor(final TransportKind transport)
    {
        if (maxBytes != null)
        {
            return maxBytes;
        }
        return transport == TransportKind.CHRONICLE ? CHRONICLE_MAX_BYTES : Long.MAX_VALUE;
    }

    /**
     * Checks every point against what its transport can carry and what a child JVM can hold, and
     * every injected fault against its pair, before any process starts.
     *
     * @throws IllegalArgumentException naming the value and the limit.
     */
    public void checkPoints()
    {
        for (final PointKey point : points())
        {
            final ChannelConfig channel = spec(point, Path.of("/")).channelConfig(Side.CONSUMER);
            try
            {
                channel.conclude();
            }
            catch (final IllegalArgumentException ex)
            {
                throw new IllegalArgumentException("size " + Sizes.format(point.payloadBytes()) + " (" + point.payloadBytes() +
                    " B payload + " + MessageHeader.LENGTH + " B header) on " + point.transport().label() + ": " + ex.getMessage());
            }
            final long direct = directMemoryPerChild(channel);
            if (direct > ChildJvm.MAX_DIRECT_MEMORY)
            {
                throw new IllegalArgumentException("size " + Sizes.format(point.payloadBytes()) + " (" + point.payloadBytes() +
                    " B payload + " + MessageHeader.LENGTH + " B header) on " + point.transport().label() + ": a child would need " +
                    direct + " bytes of direct memory for its send and receive buffers, above the limit of " +
                    ChildJvm.MAX_DIRECT_MEMORY + " bytes (" + Sizes.format(ChildJvm.MAX_DIRECT_MEMORY) +
                    ", -XX:MaxDirectMemorySize of the child JVMs)");
            }
        }
        final List<Run> schedule = schedule();
        for (int i = 0; i < schedule.size(); i++)
        {
            final PointSpec spec = spec(schedule.get(i).point(), Path.of("/"), i + 1);
            if (!spec.producerFault.none() || !spec.consumerFault.none())
            {
                try
                {
                    spec.validate();
                }
                catch (final IllegalArgumentException ex)
                {
                    throw new IllegalArgumentException("--inject on pair " + (i + 1) + " (" + schedule.get(i).point() + "): " + ex.getMessage());
                }
            }
        }
    }

    /**
     * Direct memory one child allocates for a point: the producer's send buffer (a frame) and
     * the receive buffer every end has (about 256 KiB of messages, at least one frame; see the
     * channels). The consumer echoes from its receive buffer, so the producer's is the larger.
     */
    static long directMemoryPerChild(final ChannelConfig channel)
    {
        final long message = channel.maxMessageLength();
        final long frame = message * channel.batch();
        final long receive;
        if (channel.transport().sharedMemory())
        {
            receive = Math.max(1, ChannelConfig.DEFAULT_STREAM_READ_BYTES / frame) * frame;
        }
        else
        {
            receive = Math.max(channel.batch(), Math.max(1, ChannelConfig.DEFAULT_STREAM_READ_BYTES / message)) * message;
        }
        return frame + receive;
    }

    /**
     * The most room a point may take in the run directory's file system while it runs (its
     * files go when it ends): two ring files for agrona, fully written when made; for chronicle,
     * every byte sent, since a queue keeps them, up to the byte cap per phase (warm-up, the
     * system-call accounting window when counted, the measured window), with Chronicle's
     * per-document header and index, plus one block per queue for what Chronicle maps ahead.
     * Sockets and FIFOs take none.
     */
    public long roomNeeded(final PointKey point)
    {
        final ChannelConfig channel = spec(point, Path.of("/")).channelConfig(Side.CONSUMER).conclude();
        final long frame = channel.maxFrameLength();
        switch (point.transport())
        {
            case AGRONA:
                return 2 * AgronaRingChannel.fileLength(ChannelConfig.AgronaLimits.capacityFor(channel.maxFrameLength(), ringCapacity));
            case CHRONICLE:
            {
                final long phases = countSyscalls ? 3 : 2;
                final long wire = MessageHeader.wireLength(point.payloadBytes());
                // a document per frame: a 4-byte header and padding to 4 bytes (index entries are a fraction of a byte more)
                final long documentOverhead = 8;
                final long perPhase = maxBytesFor(point.transport()) + frame;
                final long forward = phases * (perPhase + perPhase / (wire * point.batch()) * documentOverhead) + chronicleBlockSize;
                final long reverse = point.mode() == Mode.PINGPONG ? forward : chronicleBlockSize;
                return forward + reverse;
            }
            default:
                return 0;
        }
    }

    /** The point that needs the most room, and how much. */
    public Map.Entry<PointKey, Long> largestRoomNeeded()
    {
        PointKey largest = null;
        long room = -1;
        for (final PointKey point : points())
        {
            final long needed = roomNeeded(point);
            if (needed > room)
            {
                room = needed;
                largest = point;
            }
        }
        return Map.entry(largest, room);
    }
}
