package io.ipcbench.harness.calibrate.bench;

import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;

/**
 * Costs that grow with the message size: copying a payload and checksumming it. The sizes are
 * those of a sweep, set by {@code ipcbench calibrate} through JMH's {@code size} parameter.
 *
 * <p>Each size runs in its own fork with buffers of exactly that size, so a small copy runs out
 * of L1 as it would in a transport that reuses its buffers, and a 1 MiB copy does not.
 *
 * <p>Not final: JMH generates subclasses of benchmark classes.
 */
@State(Scope.Thread)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SizedBenchmarks
{
    /** Payload bytes; the default is replaced by the sizes the command asks for. */
    @Param({"8"})
    public int size;

    private byte[] heap;
    private ByteBuffer directSource;
    private ByteBuffer directTarget;
    private UnsafeBuffer unsafeSource;
    private UnsafeBuffer unsafeTarget;
    private ByteBuffer crcView;
    private final CRC32C crc = new CRC32C();

    @Setup
    public void setUp()
    {
        heap = new byte[size];
        for (int i = 0; i < size; i++)
        {
            heap[i] = (byte)(i * 31 + 7);
        }
        directSource = ByteBuffer.allocateDirect(Math.max(1, size));
        directSource.put(0, heap, 0, size);
        directTarget = ByteBuffer.allocateDirect(Math.max(1, size));
        unsafeSource = new UnsafeBuffer(directSource);
        unsafeTarget = new UnsafeBuffer(directTarget);
        crcView = directSource.duplicate();
    }

    /** byte[] into a direct buffer, the JDK's absolute bulk put: what a heap payload costs to hand to a socket or ring. */
    @Benchmark
    public void copyHeapToDirect()
    {
        directTarget.put(0, heap, 0, size);
    }

    /**
     * Direct memory to direct memory with Agrona's {@code UnsafeBuffer.putBytes} (Unsafe.copyMemory):
     * the copy a ring transport makes into and out of its mapping, and the nearest Java equivalent
     * of the kernel's copy_from_user/copy_to_user.
     */
    @Benchmark
    public void copyDirectToDirect()
    {
        unsafeTarget.putBytes(0, unsafeSource, 0, size);
    }

    /** CRC32C of {@code size} bytes of direct memory, as the consumer verifies a payload. */
    @Benchmark
    public long crc32c()
    {
        crc.reset();
        crcView.limit(size).position(0);
        crc.update(crcView);
        return crc.getValue();
    }
}
