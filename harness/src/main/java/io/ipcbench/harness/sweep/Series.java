package io.ipcbench.harness.sweep;

import io.ipcbench.transport.TransportKind;
import io.ipcbench.transport.wait.WaitStrategy;

import java.util.Comparator;

/** A transport as configured for a run: its wait strategy (shared memory only) and its batch. */
public record Series(TransportKind transport, WaitStrategy waitStrategy, int batch)
{
    public static final Comparator<Series> ORDER =
        Comparator.comparing(Series::transport).thenComparing(Series::waitStrategy).thenComparingInt(Series::batch);

    /** {@code uds}, {@code agrona/futex}, {@code uds x16} (batch of 16). */
    @Override
    public String toString()
    {
        final StringBuilder name = new StringBuilder(transport.label());
        if (waitStrategy != WaitStrategy.KERNEL)
        {
            name.append('/').append(waitStrategy.label());
        }
        if (batch > 1)
        {
            name.append(" x").append(batch);
        }
        return name.toString();
    }
}
