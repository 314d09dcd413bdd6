package io.ipcbench.harness.sweep;

import io.ipcbench.transport.Side;
import io.ipcbench.transport.TransportKind;
import io.ipcbench.transport.control.Fault;
import io.ipcbench.transport.control.Mode;
import io.ipcbench.transport.wait.WaitStrategy;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InjectionTest
{
    private static final PointKey UDS = new PointKey(TransportKind.UDS, WaitStrategy.KERNEL, 1, Mode.STREAM, 64);
    private static final PointKey AGRONA = new PointKey(TransportKind.AGRONA, WaitStrategy.SPIN, 1, Mode.STREAM, 64);

    @Test
    void shouldApplyToOnePairByNumber()
    {
        final Injection injection = Injection.parse("consumer:kill-mid@2");

        assertEquals(Side.CONSUMER, injection.side());
        assertEquals(Fault.parse("kill-mid"), injection.fault());
        assertFalse(injection.appliesTo(1, UDS));
        assertTrue(injection.appliesTo(2, UDS));
    }

    @Test
    void shouldApplyToEveryPairOfATransportOrToAll()
    {
        final Injection agrona = Injection.parse("producer:flip-byte:100@agrona");
        final Injection all = Injection.parse("producer:skip:3");

        assertTrue(agrona.appliesTo(7, AGRONA));
        assertFalse(agrona.appliesTo(7, UDS));
        assertEquals(Fault.parse("flip-byte:100"), agrona.fault());
        assertTrue(all.appliesTo(1, UDS) && all.appliesTo(9, AGRONA));
    }

    @Test
    void shouldRefuseWhatCannotBeInjected()
    {
        assertEquals("--inject side must be producer or consumer: --inject=harness:kill-mid",
            assertThrows(IllegalArgumentException.class, () -> Injection.parse("harness:kill-mid")).getMessage());
        assertEquals("--inject needs <side>:<fault>[@<pair or transport>], e.g. consumer:kill-mid@2: --inject=kill-mid",
            assertThrows(IllegalArgumentException.class, () -> Injection.parse("kill-mid")).getMessage());
        assertEquals("--inject skip spoils a message the producer sends; only the producer can inflict it: --inject=consumer:skip:4",
            assertThrows(IllegalArgumentException.class, () -> Injection.parse("consumer:skip:4")).getMessage());
        assertEquals("--inject pair numbers start at 1: --inject=producer:kill-mid@0",
            assertThrows(IllegalArgumentException.class, () -> Injection.parse("producer:kill-mid@0")).getMessage());
        assertEquals("unknown transport: udp (known: uds, pipe, tcp, agrona, chronicle)",
            assertThrows(IllegalArgumentException.class, () -> Injection.parse("producer:kill-mid@udp")).getMessage());
    }
}
