package io.ipcbench.transport;

import java.util.Locale;

/** The two ends of a point: the producer initiates; the consumer creates the rendezvous and answers. */
public enum Side
{
    PRODUCER,
    CONSUMER;

    public String label()
    {
        return name().toLowerCase(Locale.ROOT);
    }
}
