package io.ipcbench.transport.control;

import io.ipcbench.transport.ChannelConfig;
import io.ipcbench.transport.Side;
import io.ipcbench.transport.TransportKind;
import io.ipcbench.transport.message.VerifyMode;
import io.ipcbench.transport.wait.WaitStrategy;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PointSpecTest
{
    private static final String DIRECTORY = "--directory=/dev/shm/ipcbench-1-abcd/p1";

    @Test
    void shouldRoundTripEveryField()
    {
        final PointSpec spec = new PointSpec();
        spec.id = "agrona-futex-b4-rate-4096";
        spec.transport = TransportKind.AGRONA;
        spec.wait = WaitStrategy.FUTEX;
        spec.mode = Mode.RATE;
        spec.sizes = new int[]{0, 64, 4096};
        spec.batch = 4;
        spec.verify = VerifyMode.HEADER;
        spec.warmupMessages = 12_345;
        spec.warmupMinNs = 1_000_000;
        spec.warmupNs = 2_000_000;
        spec.maxMessages = 777;
        spec.maxNs = 3_000_000_000L;
        spec.maxBytes = 5_000_000;
        spec.rate = 10_000;
        spec.producerCpu = 2;
        spec.consumerCpu = 3;
        spec.directory = Path.of("/dev/shm/ipcbench-1-abcd/p7");
        spec.ringCapacity = 1 << 21;
        spec.pipeCapacity = 65_536;
        spec.chronicleBlockSize = 1L << 24;
        spec.connectTimeoutNs = 4_000_000_000L;

        final List<String> args = spec.toArgs();
        final PointSpec parsed = PointSpec.parse(args.toArray(new String[0]));

        assertEquals(spec.id, parsed.id);
        assertEquals(spec.transport, parsed.transport);
        assertEquals(spec.wait, parsed.wait);
        assertEquals(spec.mode, parsed.mode);
        assertArrayEquals(spec.sizes, parsed.sizes);
        assertEquals(spec.batch, parsed.batch);
        assertEquals(spec.verify, parsed.verify);
        assertEquals(spec.warmupMessages, parsed.warmupMessages);
        assertEquals(spec.warmupMinNs, parsed.warmupMinNs);
        assertEquals(spec.warmupNs, parsed.warmupNs);
        assertEquals(spec.maxMessages, parsed.maxMessages);
        assertEquals(spec.maxNs, parsed.maxNs);
        assertEquals(spec.maxBytes, parsed.maxBytes);
        assertEquals(spec.rate, parsed.rate);
        assertEquals(spec.producerCpu, parsed.producerCpu);
        assertEquals(spec.consumerCpu, parsed.consumerCpu);
        assertEquals(spec.directory, parsed.directory);
        assertEquals(spec.ringCapacity, parsed.ringCapacity);
        assertEquals(spec.pipeCapacity, parsed.pipeCapacity);
        assertEquals(spec.chronicleBlockSize, parsed.chronicleBlockSize);
        assertEquals(spec.connectTimeoutNs, parsed.connectTimeoutNs);
        assertEquals(args, parsed.toArgs(), "a parsed spec writes the same arguments again");
    }

    @Test
    void shouldRoundTripDefaults()
    {
        final PointSpec spec = new PointSpec();
        spec.directory = Path.of("/tmp/p1");

        final PointSpec parsed = PointSpec.parse(spec.toArgs().toArray(new String[0]));

        assertEquals(Long.MAX_VALUE, parsed.warmupMessages);
        assertEquals(spec.maxBytes, parsed.maxBytes);
        assertArrayEquals(new int[]{64}, parsed.sizes);
        assertEquals(WaitStrategy.KERNEL, parsed.wait, "a socket waits in the kernel whatever was asked");
    }

    @Test
    void shouldWriteEveryOptionAsKeyValue()
    {
        final PointSpec spec = new PointSpec();
        spec.directory = Path.of("/tmp/p1");

        for (final String arg : spec.toArgs())
        {
            assertTrue(arg.startsWith("--") && arg.indexOf('=') > 2, arg);
        }
        assertEquals("--sizes=64", spec.toArgs().get(4));
    }

    @Test
    void shouldRejectUnknownOption()
    {
        assertMessage("unknown point option: --colour", DIRECTORY, "--colour=red");
    }

    @Test
    void shouldRejectArgumentWithoutValue()
    {
        assertMessage("expected --key=value, got: --batch", DIRECTORY, "--batch");
        assertMessage("expected --key=value, got: batch=2", DIRECTORY, "batch=2");
    }

    @Test
    void shouldRejectNonNumericValueNamingKeyAndValue()
    {
        assertMessage("batch must be a whole number: batch=two", DIRECTORY, "--batch=two");
        assertMessage("max-ns must be a whole number: max-ns=1s", DIRECTORY, "--max-ns=1s");
        assertMessage("sizes must be a whole number: sizes=4k", DIRECTORY, "--sizes=64,4k");
    }

    @Test
    void shouldRejectNegativeSize()
    {
        assertMessage("size must be in [0, 1073741824]: size=-1", DIRECTORY, "--sizes=64,-1");
    }

    @Test
    void shouldRejectSizeAboveLimit()
    {
        assertMessage("size must be in [0, 1073741824]: size=1073741825", DIRECTORY, "--sizes=1073741825");
    }

    @Test
    void shouldRejectBatchZero()
    {
        assertMessage("batch must be at least 1: batch=0", DIRECTORY, "--batch=0");
    }

    @Test
    void shouldRejectWarmupShorterThanItsMinimum()
    {
        assertMessage("warmup-ns must be at least 500: warmup-ns=100", DIRECTORY, "--warmup-min-ns=500", "--warmup-ns=100");
    }

    @Test
    void shouldRequireRateInRateMode()
    {
        assertMessage("rate must be at least 1: rate=0", DIRECTORY, "--mode=rate");
    }

    @Test
    void shouldRequireDirectory()
    {
        assertMessage("directory must be given", "--batch=1");
    }

    @Test
    void shouldRejectFrameTooBigForExplicitAgronaRing()
    {
        // ring of 1 MiB: a frame may be at most 128 KiB; 131049 + 24 = 131073 bytes is one too many
        assertMessage(
            "agrona cannot carry a frame of 131073 bytes (batch=1 x message=131073): the limit is 131072 bytes " +
            "(Agrona: a message may be at most 1/8 of the ring capacity, ring capacity=1048576)",
            DIRECTORY, "--transport=agrona", "--wait=spin", "--ring-capacity=1048576", "--sizes=131049");
    }

    @Test
    void shouldAcceptFrameAtAgronaRingLimit()
    {
        final PointSpec spec = PointSpec.parse(new String[]{
            DIRECTORY, "--transport=agrona", "--wait=spin", "--ring-capacity=1048576", "--sizes=131048"});

        assertEquals(131_072, spec.maxMessageLength());
        assertEquals(131_072, spec.channelConfig(Side.PRODUCER).conclude().maxFrameLength());
    }

    @Test
    void shouldRejectBatchedFrameTooBigForAgronaRing()
    {
        assertMessage(
            "agrona cannot carry a frame of 131200 bytes (batch=2 x message=65600): the limit is 131072 bytes " +
            "(Agrona: a message may be at most 1/8 of the ring capacity, ring capacity=1048576)",
            DIRECTORY, "--transport=agrona", "--wait=spin", "--ring-capacity=1048576", "--sizes=65576", "--batch=2");
    }

    @Test
    void shouldRejectKernelWaitForSharedMemory()
    {
        assertMessage("wait strategy for chronicle must be one of: spin, yield, backoff, park, futex: wait=kernel",
            DIRECTORY, "--transport=chronicle", "--wait=kernel");
    }

    @Test
    void shouldRejectUnknownEnumValues()
    {
        assertMessage("unknown transport: smoke (known: uds, pipe, tcp, agrona, chronicle)", DIRECTORY, "--transport=smoke");
        assertMessage("unknown mode: burst (known: pingpong, stream, rate)", DIRECTORY, "--mode=burst");
        assertMessage("unknown wait strategy: nap (known: spin, yield, backoff, park, futex)", DIRECTORY, "--wait=nap");
    }

    @Test
    void shouldDescribeChannelFromSpec()
    {
        final PointSpec spec = PointSpec.parse(new String[]{
            DIRECTORY, "--transport=agrona", "--wait=park", "--sizes=100,4000", "--batch=3", "--ring-capacity=4194304",
            "--chronicle-block-size=16777216", "--pipe-capacity=4096", "--connect-timeout-ns=99"});

        final ChannelConfig config = spec.channelConfig(Side.CONSUMER);

        assertEquals(4000, spec.maxPayload());
        assertEquals(4024, config.maxMessageLength());
        assertEquals(3, config.batch());
        assertEquals(3 * 4024, config.maxFrameLength());
        assertEquals(Side.CONSUMER, config.side());
        assertEquals(WaitStrategy.PARK, config.waitStrategy());
        assertEquals(4_194_304, config.ringCapacity());
        assertEquals(16_777_216L, config.chronicleBlockSize());
        assertEquals(4096, config.pipeCapacity());
        assertEquals(99, config.connectTimeoutNs());
        assertEquals(Path.of("/dev/shm/ipcbench-1-abcd/p1"), config.directory());
    }

    private static void assertMessage(final String expected, final String... args)
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> PointSpec.parse(args));
        assertEquals(expected, ex.getMessage());
    }
}
