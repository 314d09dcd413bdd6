package io.ipcbench.transport.control;

import io.ipcbench.transport.ChannelConfig;
import io.ipcbench.transport.Side;
import io.ipcbench.transport.TransportKind;
import io.ipcbench.transport.message.MessageHeader;
import io.ipcbench.transport.message.VerifyMode;
import io.ipcbench.transport.wait.WaitStrategy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One point, as both children of a pair see it: the harness writes it as {@code --key=value}
 * arguments, each child parses and checks it once at start.
 *
 * <p>Budget: the warm-up runs for at least {@code warmupMinNs} and then until the producer's JIT
 * compiler has gone quiet, but never longer than {@code warmupNs}, {@code warmupMessages} or
 * {@code maxBytes}; the consumer then lets its own compiler finish (at most {@code warmupNs})
 * before it answers SYNC. The measured window ends after {@code maxMessages}, {@code maxNs} or
 * {@code maxBytes} of wire bytes, whichever comes first.
 */
public final class PointSpec
{
    public String id = "point";
    public TransportKind transport = TransportKind.UDS;
    public WaitStrategy wait = WaitStrategy.SPIN;
    public Mode mode = Mode.PINGPONG;
    /** Payload sizes in bytes; message i has {@code sizes[i % sizes.length]}. Usually one size. */
    public int[] sizes = {64};
    public int batch = 1;
    public VerifyMode verify = VerifyMode.CRC;
    public long warmupMessages = Long.MAX_VALUE;
    public long warmupMinNs = 300_000_000L;
    public long warmupNs = 5_000_000_000L;
    public long maxMessages = 1_000_000;
    public long maxNs = 1_000_000_000L;
    public long maxBytes = 1L << 30;
    /** Messages per second in rate mode. */
    public long rate;
    public int producerCpu = -1;
    public int consumerCpu = -1;
    public Path directory;
    public int ringCapacity;
    public int pipeCapacity = ChannelConfig.DEFAULT_PIPE_CAPACITY;
    public long chronicleBlockSize = ChannelConfig.DEFAULT_CHRONICLE_BLOCK_SIZE;
    public long connectTimeoutNs = 30_000_000_000L;
    /** Count each side's system calls in the window with perf (when perf works here). */
    public boolean countSyscalls;
    /** A fault the producer inflicts, for the fault tests; {@link Fault#NONE} in a measuring run. */
    public Fault producerFault = Fault.NONE;
    /** A fault the consumer inflicts, for the fault tests; {@link Fault#NONE} in a measuring run. */
    public Fault consumerFault = Fault.NONE;

    public Fault fault(final Side side)
    {
        return side == Side.PRODUCER ? producerFault : consumerFault;
    }

    public int maxPayload()
    {
        return Arrays.stream(sizes).max().orElse(0);
    }

    public int maxMessageLength()
    {
        return MessageHeader.wireLength(maxPayload());
    }

    public ChannelConfig channelConfig(final Side side)
    {
        return new ChannelConfig()
            .transport(transport)
            .side(side)
            .directory(directory)
            .waitStrategy(wait)
            .maxMessageLength(maxMessageLength())
            .batch(batch)
            .ringCapacity(ringCapacity)
            .pipeCapacity(pipeCapacity)
            .chronicleBlockSize(chronicleBlockSize)
            .connectTimeoutNs(connectTimeoutNs);
    }

    public List<String> toArgs()
    {
        final Map<String, String> values = new LinkedHashMap<>();
        values.put("id", id);
        values.put("transport", transport.label());
        values.put("wait", wait.label());
        values.put("mode", mode.label());
        values.put("sizes", Arrays.stream(sizes).mapToObj(Integer::toString).collect(Collectors.joining(",")));
        values.put("batch", Integer.toString(batch));
        values.put("verify", verify.label());
        values.put("warmup-messages", Long.toString(warmupMessages));
        values.put("warmup-min-ns", Long.toString(warmupMinNs));
        values.put("warmup-ns", Long.toString(warmupNs));
        values.put("max-messages", Long.toString(maxMessages));
        values.put("max-ns", Long.toString(maxNs));
        values.put("max-bytes", Long.toString(maxBytes));
        values.put("rate", Long.toString(rate));
        values.put("producer-cpu", Integer.toString(producerCpu));
        values.put("consumer-cpu", Integer.toString(consumerCpu));
        values.put("directory", String.valueOf(directory));
        values.put("ring-capacity", Integer.toString(ringCapacity));
        values.put("pipe-capacity", Integer.toString(pipeCapacity));
        values.put("chronicle-block-size", Long.toString(chronicleBlockSize));
        values.put("connect-timeout-ns", Long.toString(connectTimeoutNs));
        values.put("count-syscalls", Boolean.toString(countSyscalls));
        // hidden: only the fault tests set these, and a measuring child's command line stays free of them
        if (!producerFault.none())
        {
            values.put("producer-fault", producerFault.toString());
        }
        if (!consumerFault.none())
        {
            values.put("consumer-fault", consumerFault.toString());
        }
        final List<String> args = new ArrayList<>();
        values.forEach((key, value) -> args.add("--" + key + "=" + value));
        return args;
    }

    public static PointSpec parse(final String[] args)
    {
        final PointSpec spec = new PointSpec();
        for (final String arg : args)
        {
            final int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0)
            {
                throw new IllegalArgumentException("expected --key=value, got: " + arg);
            }
            spec.set(arg.substring(2, equals), arg.substring(equals + 1));
        }
        return spec.validate();
    }

    private void set(final String key, final String value)
    {
        switch (key)
        {
            case "id": id = value; break;
            case "transport": transport = TransportKind.parse(value); break;
            case "wait": wait = WaitStrategy.parse(value); break;
            case "mode": mode = Mode.parse(value); break;
            case "sizes": sizes = Arrays.stream(value.split(",")).mapToInt(s -> parseInt(key, s)).toArray(); break;
            case "batch": batch = parseInt(key, value); break;
            case "verify": verify = VerifyMode.parse(value); break;
            case "warmup-messages": warmupMessages = parseLong(key, value); break;
            case "warmup-min-ns": warmupMinNs = parseLong(key, value); break;
            case "warmup-ns": warmupNs = parseLong(key, value); break;
            case "max-messages": maxMessages = parseLong(key, value); break;
            case "max-ns": maxNs = parseLong(key, value); break;
            case "max-bytes": maxBytes = parseLong(key, value); break;
            case "rate": rate = parseLong(key, value); break;
            case "producer-cpu": producerCpu = parseInt(key, value); break;
            case "consumer-cpu": consumerCpu = parseInt(key, value); break;
            case "directory": directory = Path.of(value); break;
            case "ring-capacity": ringCapacity = parseInt(key, value); break;
            case "pipe-capacity": pipeCapacity = parseInt(key, value); break;
            case "chronicle-block-size": chronicleBlockSize = parseLong(key, value); break;
            case "connect-timeout-ns": connectTimeoutNs = parseLong(key, value); break;
            case "count-syscalls": countSyscalls = parseBoolean(key, value); break;
            case "producer-fault": producerFault = Fault.parse(value); break;
            case "consumer-fault": consumerFault = Fault.parse(value); break;
            default: throw new IllegalArgumentException("unknown point option: --" + key);
        }
    }

    /** The checks both children make before opening anything. */
    public PointSpec validate()
    {
        if (directory == null)
        {
            throw new IllegalArgumentException("directory must be given");
        }
        if (sizes.length == 0)
        {
            throw new IllegalArgumentException("sizes must name at least one size");
        }
        for (final int size : sizes)
        {
            if (size < 0 || size > MessageHeader.MAX_PAYLOAD)
            {
                throw new IllegalArgumentException("size must be in [0, " + MessageHeader.MAX_PAYLOAD + "]: size=" + size);
            }
        }
        requireAtLeast("batch", batch, 1);
        requireAtLeast("max-messages", maxMessages, 1);
        requireAtLeast("max-ns", maxNs, 1);
        requireAtLeast("max-bytes", maxBytes, 1);
        requireAtLeast("warmup-messages", warmupMessages, 0);
        requireAtLeast("warmup-min-ns", warmupMinNs, 0);
        requireAtLeast("warmup-ns", warmupNs, warmupMinNs);
        if (mode == Mode.RATE)
        {
            requireAtLeast("rate", rate, 1);
        }
        if (!transport.sharedMemory())
        {
            wait = WaitStrategy.KERNEL;
        }
        checkFaults();
        channelConfig(Side.CONSUMER).conclude();
        return this;
    }

    private void checkFaults()
    {
        if (consumerFault.kind().messageNumbered())
        {
            throw new IllegalArgumentException("fault " + consumerFault.kind().label() + " spoils a message the producer sends; " +
                "only the producer can inflict it: consumer-fault=" + consumerFault);
        }
        if (producerFault.kind() == Fault.Kind.FLIP_BYTE)
        {
            final int size = new SizeSchedule(sizes).sizeOf(producerFault.sequence());
            if (size == 0)
            {
                throw new IllegalArgumentException("fault flip-byte needs a payload to flip, but message " + producerFault.sequence() +
                    " has size 0: producer-fault=" + producerFault);
            }
        }
    }

    private static void requireAtLeast(final String name, final long value, final long least)
    {
        if (value < least)
        {
            throw new IllegalArgumentException(name + " must be at least " + least + ": " + name + "=" + value);
        }
    }

    private static boolean parseBoolean(final String key, final String value)
    {
        if ("true".equals(value) || "false".equals(value))
        {
            return Boolean.parseBoolean(value);
        }
        throw new IllegalArgumentException(key + " must be true or false: " + key + "=" + value);
    }

    private static int parseInt(final String key, final String value)
    {
        try
        {
            return Integer.parseInt(value.trim());
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException(key + " must be a whole number: " + key + "=" + value);
        }
    }

    private static long parseLong(final String key, final String value)
    {
        try
        {
            return Long.parseLong(value.trim());
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException(key + " must be a whole number: " + key + "=" + value);
        }
    }
}
