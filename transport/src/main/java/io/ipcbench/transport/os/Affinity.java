package io.ipcbench.transport.os;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;

import java.util.ArrayList;
import java.util.List;

/** CPU affinity of the calling thread through sched_setaffinity(2) and sched_getaffinity(2). */
public final class Affinity
{
    private static final int CPU_SET_BYTES = 128; // cpu_set_t: 1024 CPUs

    private Affinity()
    {
    }

    /**
     * Pins the calling thread (pid 0 means the caller's own thread) to one CPU.
     *
     * @return the affinity that took effect, read back from the kernel, e.g. {@code "1"}.
     */
    public static String pinCurrentThread(final int cpu)
    {
        if (cpu < 0 || cpu >= CPU_SET_BYTES * 8)
        {
            throw new IllegalArgumentException("cpu must be in [0, " + (CPU_SET_BYTES * 8) + "): cpu=" + cpu);
        }
        final Memory mask = new Memory(CPU_SET_BYTES);
        mask.clear();
        mask.setByte(cpu / 8, (byte)(1 << (cpu % 8)));
        LibC.sched_setaffinity(0, CPU_SET_BYTES, Pointer.nativeValue(mask));
        return currentThreadAffinity();
    }

    /** The calling thread's CPU set as a list, e.g. {@code "0-1"} or {@code "1"}. */
    public static String currentThreadAffinity()
    {
        final Memory mask = new Memory(CPU_SET_BYTES);
        mask.clear();
        LibC.sched_getaffinity(0, CPU_SET_BYTES, Pointer.nativeValue(mask));
        final List<Integer> cpus = new ArrayList<>();
        for (int cpu = 0; cpu < CPU_SET_BYTES * 8; cpu++)
        {
            if ((mask.getByte(cpu / 8) & (1 << (cpu % 8))) != 0)
            {
                cpus.add(cpu);
            }
        }
        return toRanges(cpus);
    }

    /** The CPU the calling thread runs on right now. */
    public static int currentCpu()
    {
        return LibC.sched_getcpu();
    }

    static String toRanges(final List<Integer> cpus)
    {
        final StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < cpus.size())
        {
            int j = i;
            while (j + 1 < cpus.size() && cpus.get(j + 1) == cpus.get(j) + 1)
            {
                j++;
            }
            if (text.length() > 0)
            {
                text.append(',');
            }
            text.append(cpus.get(i));
            if (j > i)
            {
                text.append('-').append(cpus.get(j));
            }
            i = j + 1;
        }
        return text.toString();
    }
}
