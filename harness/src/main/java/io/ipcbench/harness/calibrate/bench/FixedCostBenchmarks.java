package io.ipcbench.harness.calibrate.bench;

import io.ipcbench.transport.os.LibC;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * Costs that do not depend on the message size: one raw system call as the transports make it
 * (through JNA's direct mapping), JNA's own share of it, and one reading of the clock every
 * latency figure is taken with.
 *
 * <p>Not final: JMH generates subclasses of benchmark classes.
 */
@State(Scope.Thread)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FixedCostBenchmarks
{
    /**
     * getpid through syscall(2): a kernel entry and exit with no work behind it, so the figure is
     * the floor under every read, write and futex call a transport makes. The result is returned
     * so that the call cannot be removed.
     */
    @Benchmark
    public long syscallGetpid()
    {
        return LibC.getpidSyscall();
    }

    /**
     * sched_getcpu through JNA: glibc answers it in user space (rseq or the vDSO), without
     * entering the kernel, so the figure is what JNA itself adds to every native call, and the
     * system call above less this is the kernel's share.
     */
    @Benchmark
    public int jnaGetcpu()
    {
        return LibC.sched_getcpu();
    }

    /** One {@link System#nanoTime} (CLOCK_MONOTONIC through the vDSO on Linux). */
    @Benchmark
    public long nanoTime()
    {
        return System.nanoTime();
    }
}
