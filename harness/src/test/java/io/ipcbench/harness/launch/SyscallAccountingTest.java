package io.ipcbench.harness.launch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ipcbench.harness.env.PerfProbe;
import io.ipcbench.transport.TransportKind;
import io.ipcbench.transport.control.Mode;
import io.ipcbench.transport.control.PointSpec;
import io.ipcbench.transport.wait.WaitStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * System-call accounting on workloads whose calls are known: a Unix-socket round trip is one
 * write(2) and one read(2) on each side, a spinning ring none. Where perf cannot count here, the
 * result must say so, with the reason, and carry no number.
 */
@Timeout(120)
class SyscallAccountingTest
{
    private final ObjectMapper json = new ObjectMapper();
    private RunDirectory runDirectory;

    @BeforeEach
    void create() throws Exception
    {
        runDirectory = RunDirectory.create(RunDirectory.defaultRoot());
    }

    @AfterEach
    void remove()
    {
        runDirectory.close();
    }

    @Test
    void shouldCountAtLeastOneSystemCallPerMessageForASocketAndNoneForASpinningRing() throws Exception
    {
        final String unavailable = PerfProbe.unavailableReason();
        final JsonNode[] socket = run(TransportKind.UDS, WaitStrategy.KERNEL);
        if (unavailable != null)
        {
            for (final JsonNode side : socket)
            {
                assertFalse(side.path("syscalls").has("count"), "no count where perf cannot count: " + side.path("syscalls"));
                assertTrue(side.path("syscalls").path("unavailable").asText().length() > 0, "the reason is given");
            }
            return;
        }
        for (final JsonNode side : socket)
        {
            final double perMessage = side.path("syscalls").path("count").asDouble() / side.path("syscalls").path("messages").asDouble();
            assertTrue(perMessage >= 2.0 && perMessage < 2.2, "one write and one read per round trip on each side: " + side.path("syscalls"));
        }
        final JsonNode[] ring = run(TransportKind.AGRONA, WaitStrategy.SPIN);
        for (final JsonNode side : ring)
        {
            final double perMessage = side.path("syscalls").path("count").asDouble() / side.path("syscalls").path("messages").asDouble();
            // none per message; the JVM's own few (safepoint futexes, a handful a second) are all there is
            assertTrue(perMessage < 0.2, "a spinning ring makes no system call per message: " + side.path("syscalls"));
        }
    }

    private JsonNode[] run(final TransportKind transport, final WaitStrategy wait) throws Exception
    {
        final PointSpec spec = new PointSpec();
        spec.transport = transport;
        spec.wait = wait;
        spec.mode = Mode.PINGPONG;
        spec.sizes = new int[] {64};
        spec.warmupMessages = 1000;
        spec.warmupMinNs = 0;
        spec.warmupNs = 300_000_000L;
        spec.maxMessages = 1000;
        spec.countSyscalls = true;
        spec.directory = runDirectory.newPoint();
        spec.validate();
        final PairOutcome outcome = new PairRunner(new ChildJvm(), new PairRunner.Timeouts()).run(spec);
        assertTrue(outcome.ok(), () -> outcome.failure() + "\n" + outcome.detail());
        final JsonNode producer = json.readTree(outcome.producerResult());
        final JsonNode consumer = json.readTree(outcome.consumerResult());
        assertEquals(producer.path("syscalls").path("messages").asLong(), consumer.path("syscalls").path("messages").asLong(),
            "both sides account over the same messages");
        return new JsonNode[] {producer, consumer};
    }
}
