package io.ipcbench.harness.sweep;

import io.ipcbench.transport.Side;
import io.ipcbench.transport.TransportKind;
import io.ipcbench.transport.control.Fault;

import java.util.Locale;

/**
 * A fault to inflict on some pairs of a sweep, for the fault tests: the hidden option
 * {@code --inject <side>:<fault>[@<where>]}, where {@code <where>} is a pair's number in the order
 * pairs run (1 is the first) or a transport's name; without it, every pair.
 * See {@link Fault} for the faults, e.g. {@code --inject consumer:kill-mid@2},
 * {@code --inject producer:flip-byte:1000@uds}.
 */
public record Injection(Side side, Fault fault, int pair, TransportKind transport)
{
    /**
     * Parses one {@code --inject} value.
     *
     * @throws IllegalArgumentException naming the value and what is expected.
     */
    public static Injection parse(final String text)
    {
        final int at = text.lastIndexOf('@');
        final String what = at < 0 ? text : text.substring(0, at);
        final int colon = what.indexOf(':');
        if (colon < 0)
        {
            throw new IllegalArgumentException("--inject needs <side>:<fault>[@<pair or transport>], e.g. consumer:kill-mid@2: --inject=" + text);
        }
        final String sideText = what.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        final Side side;
        if (Side.PRODUCER.label().equals(sideText))
        {
            side = Side.PRODUCER;
        }
        else if (Side.CONSUMER.label().equals(sideText))
        {
            side = Side.CONSUMER;
        }
        else
        {
            throw new IllegalArgumentException("--inject side must be producer or consumer: --inject=" + text);
        }
        final Fault fault = Fault.parse(what.substring(colon + 1));
        if (side == Side.CONSUMER && fault.kind().messageNumbered())
        {
            throw new IllegalArgumentException("--inject " + fault.kind().label() + " spoils a message the producer sends; " +
                "only the producer can inflict it: --inject=" + text);
        }
        if (at < 0)
        {
            return new Injection(side, fault, 0, null);
        }
        final String where = text.substring(at + 1).trim();
        if (where.matches("[0-9]+"))
        {
            final int pair = Integer.parseInt(where);
            if (pair < 1)
            {
                throw new IllegalArgumentException("--inject pair numbers start at 1: --inject=" + text);
            }
            return new Injection(side, fault, pair, null);
        }
        return new Injection(side, fault, 0, TransportKind.parse(where));
    }

    /** True when this injection applies to the {@code pair}-th pair (1-based), which runs {@code point}. */
    public boolean appliesTo(final int pairNumber, final PointKey point)
    {
        if (pair > 0)
        {
            return pair == pairNumber;
        }
        return transport == null || transport == point.transport();
    }
}
