package io.ipcbench.harness.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ipcbench.harness.launch.ChildJvm;
import io.ipcbench.harness.launch.PairOutcome;
import io.ipcbench.harness.launch.PairRunner;
import io.ipcbench.harness.launch.RunDirectory;
import io.ipcbench.transport.TransportKind;
import io.ipcbench.transport.control.Mode;
import io.ipcbench.transport.control.PointSpec;
import io.ipcbench.transport.message.VerifyMode;
import io.ipcbench.transport.wait.WaitStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every transport must do between two real processes: deliver every message, in order and
 * intact (sequence, length and CRC32C checked by the receiving end on every message), in both
 * directions for ping-pong, with mixed sizes that make frames straddle buffer ends, and in frames
 * of several messages whose size does not divide the message count. One subclass per transport.
 */
@Timeout(120)
public abstract class TransportContractTest
{
    /** Sizes chosen to cross every boundary: empty, sub-word, unaligned, a page, past a 64 KiB socket read. */
    static final int[] MIXED_SIZES = {0, 1, 7, 100, 4096, 70_001, 13};
    static final long MESSAGES = 2_000;

    private final ObjectMapper json = new ObjectMapper();
    private RunDirectory runDirectory;
    private Path point;

    protected abstract TransportKind transport();

    /** The wait strategy a shared-memory transport is tested with. */
    protected WaitStrategy waitStrategy()
    {
        return WaitStrategy.SPIN;
    }

    @BeforeEach
    void createRunDirectory() throws Exception
    {
        runDirectory = RunDirectory.create(RunDirectory.defaultRoot());
        point = runDirectory.newPoint();
    }

    @AfterEach
    void removeRunDirectory()
    {
        runDirectory.close();
        assertFalse(Files.exists(runDirectory.path()), "run directory must be gone: " + runDirectory.path());
    }

    @Test
    void shouldEchoEveryMessageIntactInPingPong() throws Exception
    {
        final JsonNode[] results = run(spec(Mode.PINGPONG, MIXED_SIZES, 1));
        assertEquals(MESSAGES, results[0].path("messages").asLong());
        assertEquals(MESSAGES, results[1].path("messages").asLong());
        assertTrue(results[0].path("histogram").asText().length() > 0, "producer reports a latency histogram");
    }

    @Test
    void shouldDeliverEveryMessageIntactInStream() throws Exception
    {
        final JsonNode[] results = run(spec(Mode.STREAM, MIXED_SIZES, 1));
        assertEquals(MESSAGES, results[1].path("messages").asLong());
        assertEquals(results[0].path("wire_bytes").asLong(), results[1].path("wire_bytes").asLong());
    }

    @Test
    void shouldDeliverBatchesWhoseSizeDoesNotDivideTheCount() throws Exception
    {
        final JsonNode[] results = run(spec(Mode.STREAM, new int[] {64, 300}, 7));
        assertEquals(MESSAGES, results[1].path("messages").asLong());
        assertEquals(7, results[0].path("batch").asInt());
    }

    /**
     * A fixed, low rate makes the reader run dry before every message: with futex waits it falls
     * asleep each time and must be woken, so a lost wake-up would show as a timed-out wait.
     */
    @Test
    void shouldDeliverEveryMessageAtAFixedRateWithTheReaderWaitingBetweenThem() throws Exception
    {
        final PointSpec spec = spec(Mode.RATE, new int[] {256}, 1);
        final JsonNode[] results = run(spec);
        assertEquals(MESSAGES, results[1].path("messages").asLong());
        assertTrue(results[1].path("histogram").asText().length() > 0, "consumer reports one-way latency");
        if (spec.wait == WaitStrategy.FUTEX)
        {
            final JsonNode channel = results[1].path("channel");
            assertTrue(channel.path("futex_waits").asLong() > 0, "the reader slept: " + channel);
            assertEquals(0, channel.path("futex_lost_wakeups").asLong(), "no timed-out wait found a message waiting (a lost wake-up): " + channel);
        }
    }

    /** Runs a pair that is expected to fail, and returns how. */
    protected PairOutcome runFailing(final PointSpec spec) throws Exception
    {
        final PairOutcome outcome = new PairRunner(new ChildJvm(), new PairRunner.Timeouts()).run(spec);
        assertFalse(outcome.ok(), "the pair should have failed: " + outcome.detail());
        return outcome;
    }

    protected PointSpec streamSpec()
    {
        return spec(Mode.STREAM, new int[] {64}, 1);
    }

    private PointSpec spec(final Mode mode, final int[] sizes, final int batch)
    {
        final PointSpec spec = new PointSpec();
        spec.id = "contract-" + transport().label();
        spec.transport = transport();
        spec.wait = transport().sharedMemory() ? waitStrategy() : WaitStrategy.KERNEL;
        spec.mode = mode;
        spec.sizes = sizes;
        spec.batch = batch;
        spec.verify = VerifyMode.CRC;
        spec.rate = 5_000;
        spec.warmupMessages = 500;
        spec.warmupMinNs = 0;
        spec.warmupNs = 300_000_000L;
        spec.maxMessages = MESSAGES;
        spec.maxNs = 60_000_000_000L;
        spec.directory = point;
        return spec.validate();
    }

    /** Runs the pair and returns {producer result, consumer result}; fails with the pair's own words. */
    private JsonNode[] run(final PointSpec spec) throws Exception
    {
        final PairOutcome outcome = new PairRunner(new ChildJvm(), new PairRunner.Timeouts()).run(spec);
        assertTrue(outcome.ok(), () -> outcome.failure() + "\n" + outcome.detail());
        assertTrue(RunDirectory.deletePoint(point), "point directory removable");
        return new JsonNode[] {json.readTree(outcome.producerResult()), json.readTree(outcome.consumerResult())};
    }
}
