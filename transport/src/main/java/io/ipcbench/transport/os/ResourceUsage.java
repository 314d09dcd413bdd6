package io.ipcbench.transport.os;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;

/**
 * getrusage(2) for a thread (RUSAGE_THREAD) or the whole process (RUSAGE_SELF), sampled into
 * memory allocated once. Two samples around the measured window give its CPU cost.
 *
 * struct rusage on x86_64 and aarch64: two struct timeval (16 bytes each) then fourteen longs,
 * of which ru_minflt, ru_majflt, ru_nvcsw and ru_nivcsw are read here.
 */
public final class ResourceUsage
{
    private static final int SIZE = 144;
    private static final int UTIME = 0;
    private static final int STIME = 16;
    private static final int MINFLT = 32 + 4 * 8;
    private static final int MAJFLT = 32 + 5 * 8;
    private static final int NVCSW = 32 + 12 * 8;
    private static final int NIVCSW = 32 + 13 * 8;

    private final int who;
    private final Memory memory = new Memory(SIZE);
    private final long address = Pointer.nativeValue(memory);

    public long userNs;
    public long systemNs;
    public long voluntarySwitches;
    public long involuntarySwitches;
    public long minorFaults;
    public long majorFaults;

    private ResourceUsage(final int who)
    {
        this.who = who;
    }

    public static ResourceUsage thread()
    {
        return new ResourceUsage(LibC.RUSAGE_THREAD);
    }

    public static ResourceUsage process()
    {
        return new ResourceUsage(LibC.RUSAGE_SELF);
    }

    /** Reads the counters now. */
    public ResourceUsage sample()
    {
        LibC.getrusage(who, address);
        userNs = timeval(UTIME);
        systemNs = timeval(STIME);
        minorFaults = memory.getLong(MINFLT);
        majorFaults = memory.getLong(MAJFLT);
        voluntarySwitches = memory.getLong(NVCSW);
        involuntarySwitches = memory.getLong(NIVCSW);
        return this;
    }

    private long timeval(final int offset)
    {
        return memory.getLong(offset) * 1_000_000_000L + memory.getLong(offset + 8) * 1_000L;
    }
}
