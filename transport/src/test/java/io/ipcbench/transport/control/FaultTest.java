package io.ipcbench.transport.control;

import io.ipcbench.transport.message.MessageFault;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FaultTest
{
    @Test
    void shouldParseEveryFaultAndPrintItBack()
    {
        for (final String text : List.of("kill-at-start", "kill-mid", "kill-at-teardown", "stop-mid", "mute-mid", "flip-byte:100", "skip:0", "stall:7"))
        {
            assertEquals(text, Fault.parse(text).toString());
        }
        assertTrue(Fault.parse("none").none());
        assertTrue(Fault.parse("kill-mid").midWindow());
        assertTrue(Fault.parse("stop-mid").midWindow());
        assertFalse(Fault.parse("kill-at-teardown").midWindow());
    }

    @Test
    void shouldGiveTheSenderOnlyTheMessageFaults()
    {
        assertEquals(new MessageFault(MessageFault.Kind.FLIP_BYTE, 100), Fault.parse("flip-byte:100").messageFault());
        assertEquals(new MessageFault(MessageFault.Kind.SKIP_SEQUENCE, 5), Fault.parse("skip:5").messageFault());
        assertEquals(new MessageFault(MessageFault.Kind.STALL, 9), Fault.parse("stall:9").messageFault());
        assertEquals(MessageFault.NONE, Fault.parse("kill-mid").messageFault());
    }

    @Test
    void shouldRefuseUnknownOrMalformedFaultsNamingThem()
    {
        assertEquals("unknown fault: explode (known: kill-at-start, kill-mid, kill-at-teardown, stop-mid, mute-mid, flip-byte:N, skip:N, stall:N)",
            assertThrows(IllegalArgumentException.class, () -> Fault.parse("explode")).getMessage());
        assertEquals("fault skip needs a message number, e.g. skip:1000: fault=skip",
            assertThrows(IllegalArgumentException.class, () -> Fault.parse("skip")).getMessage());
        assertEquals("fault flip-byte needs a message number of at least 0, e.g. flip-byte:1000: fault=flip-byte:-3",
            assertThrows(IllegalArgumentException.class, () -> Fault.parse("flip-byte:-3")).getMessage());
        assertEquals("fault kill-mid takes no message number: fault=kill-mid:4",
            assertThrows(IllegalArgumentException.class, () -> Fault.parse("kill-mid:4")).getMessage());
    }

    @Test
    void shouldCarryFaultsThroughThePointArgumentsAndOnlyWhenSet()
    {
        final PointSpec spec = new PointSpec();
        spec.directory = Path.of("/dev/shm/ipcbench-1-abcd/p1");
        assertFalse(String.join(" ", spec.toArgs()).contains("fault"), "a measuring child's command line has no fault option");

        spec.producerFault = Fault.parse("flip-byte:3");
        spec.consumerFault = Fault.parse("stop-mid");
        final PointSpec parsed = PointSpec.parse(spec.toArgs().toArray(new String[0]));

        assertEquals(spec.producerFault, parsed.producerFault);
        assertEquals(spec.consumerFault, parsed.consumerFault);
    }

    @Test
    void shouldRefuseMessageFaultsTheyCannotInflict()
    {
        final PointSpec consumer = new PointSpec();
        consumer.directory = Path.of("/dev/shm/ipcbench-1-abcd/p1");
        consumer.consumerFault = Fault.parse("skip:4");
        assertEquals("fault skip spoils a message the producer sends; only the producer can inflict it: consumer-fault=skip:4",
            assertThrows(IllegalArgumentException.class, consumer::validate).getMessage());

        final PointSpec empty = new PointSpec();
        empty.directory = Path.of("/dev/shm/ipcbench-1-abcd/p1");
        empty.sizes = new int[] {64, 0};
        empty.producerFault = Fault.parse("flip-byte:3");
        assertEquals("fault flip-byte needs a payload to flip, but message 3 has size 0: producer-fault=flip-byte:3",
            assertThrows(IllegalArgumentException.class, empty::validate).getMessage());
    }
}
