package io.ipcbench.transport.message;

import java.util.Locale;

/** How much of each message the receiving end checks. Sequence and length are always checked. */
public enum VerifyMode
{
    /** Sequence, length and the CRC32C of the payload: every payload byte is read. */
    CRC,
    /** Sequence and length only; the payload is in the receiver's memory but not read again. */
    HEADER;

    public String label()
    {
        return name().toLowerCase(Locale.ROOT);
    }

    public static VerifyMode parse(final String text)
    {
        for (final VerifyMode mode : values())
        {
            if (mode.label().equals(text.trim().toLowerCase(Locale.ROOT)))
            {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown verify mode: verify=" + text + " (known: crc, header)");
    }
}
