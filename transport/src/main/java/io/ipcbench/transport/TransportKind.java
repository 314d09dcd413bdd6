package io.ipcbench.transport;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The transports ipcbench measures, by the name a user types. */
public enum TransportKind
{
    UDS("Unix domain stream socket", false),
    PIPE("two named pipes (FIFOs), one per direction", false),
    TCP("TCP over loopback", false),
    AGRONA("Agrona OneToOneRingBuffer over a file mapped from /dev/shm, one ring per direction", true),
    CHRONICLE("Chronicle Queue on tmpfs, appender to tailer, one queue per direction", true);

    private final String description;
    private final boolean sharedMemory;

    TransportKind(final String description, final boolean sharedMemory)
    {
        this.description = description;
        this.sharedMemory = sharedMemory;
    }

    public String label()
    {
        return name().toLowerCase(Locale.ROOT);
    }

    public String description()
    {
        return description;
    }

    /** True when a reader waits in user space with a wait strategy instead of in a system call. */
    public boolean sharedMemory()
    {
        return sharedMemory;
    }

    public static TransportKind parse(final String text)
    {
        final String wanted = text.trim().toLowerCase(Locale.ROOT);
        for (final TransportKind kind : values())
        {
            if (kind.label().equals(wanted))
            {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown transport: " + text + " (known: " + known() + ")");
    }

    public static String known()
    {
        return Arrays.stream(values()).map(TransportKind::label).collect(Collectors.joining(", "));
    }
}
