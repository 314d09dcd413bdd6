package io.ipcbench.transport.control;

/** The payload size of message {@code sequence}: one size for a point, or a repeating mix (soak). */
public final class SizeSchedule
{
    private final int[] sizes;
    private final int fixed;

    public SizeSchedule(final int[] sizes)
    {
        this.sizes = sizes.clone();
        this.fixed = sizes.length == 1 ? sizes[0] : -1;
    }

    public int sizeOf(final long sequence)
    {
        return fixed >= 0 ? fixed : sizes[(int)(sequence % sizes.length)];
    }
}
