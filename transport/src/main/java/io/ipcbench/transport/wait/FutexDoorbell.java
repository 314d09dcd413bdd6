package io.ipcbench.transport.wait;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import io.ipcbench.transport.os.LibC;
import org.agrona.concurrent.AtomicBuffer;

import java.lang.invoke.VarHandle;

/**
 * A blocking doorbell on a futex word inside memory shared by two processes: one side waits for
 * something (data to read, room to write), the other rings after providing it.
 *
 * <p>Two words, each on its own cache line: {@code epoch}, the futex word, bumped on every wake,
 * and {@code waiters}, the number of ends asleep or about to be. The waiter announces itself
 * ({@code waiters++}, a locked instruction and so a full fence) and then looks at the ring once
 * more; the ringer publishes, issues a full fence and only then reads {@code waiters}. Whatever the
 * interleaving, one of them sees the other's write (Dekker): either the waiter finds the data on
 * its second look, or the ringer sees a waiter, bumps {@code epoch} and calls FUTEX_WAKE, and the
 * waiter's FUTEX_WAIT either fails at once (epoch moved) or is woken. While the reader keeps up
 * nobody waits, and the ringer pays a fence and a load but no system call.
 *
 * <p>The futex is shared (no FUTEX_PRIVATE_FLAG): the word lives in a MAP_SHARED file mapping seen
 * by both processes. Waits time out after {@link #TIMEOUT_NS} so that a waiting end notices a
 * vanished peer; a timeout is normal when the other side is idle, but a timeout after which the
 * waited-for thing turns out to be there would mean a lost wake-up, and is counted apart.
 */
public final class FutexDoorbell
{
    /** Bytes a doorbell occupies in the shared mapping: epoch and waiters on separate cache lines. */
    public static final int LENGTH = 128;
    private static final int EPOCH_OFFSET = 0;
    private static final int WAITERS_OFFSET = 64;
    public static final long TIMEOUT_NS = 100_000_000L;

    private final AtomicBuffer buffer;
    private final int epochIndex;
    private final int waitersIndex;
    private final long epochAddress;
    private final long timeoutAddress;
    @SuppressWarnings("unused")
    private final Memory timeout;

    private long sleeps;
    private long wakes;
    private long timeouts;
    private long lostWakeups;

    /** @param offset where the doorbell's {@link #LENGTH} bytes start in {@code buffer}, 64-byte aligned. */
    public FutexDoorbell(final AtomicBuffer buffer, final int offset)
    {
        if ((buffer.addressOffset() + offset) % 64 != 0)
        {
            throw new IllegalArgumentException("doorbell must be 64-byte aligned: offset=" + offset);
        }
        this.buffer = buffer;
        this.epochIndex = offset + EPOCH_OFFSET;
        this.waitersIndex = offset + WAITERS_OFFSET;
        this.epochAddress = buffer.addressOffset() + epochIndex;
        this.timeout = new Memory(16);
        this.timeout.setLong(0, 0);
        this.timeout.setLong(8, TIMEOUT_NS);
        this.timeoutAddress = Pointer.nativeValue(timeout);
    }

    /** Announces a waiter; the caller must look for its condition once more before {@link #await}. */
    public int prepareToWait()
    {
        final int epoch = buffer.getIntVolatile(epochIndex);
        buffer.getAndAddInt(waitersIndex, 1);
        return epoch;
    }

    /** Withdraws the announcement when the second look found the condition met. */
    public void cancelWait()
    {
        buffer.getAndAddInt(waitersIndex, -1);
    }

    /**
     * Sleeps in the kernel unless the epoch has moved since {@link #prepareToWait}.
     *
     * @return false when the wait timed out.
     */
    public boolean await(final int epoch)
    {
        sleeps++;
        final long result = LibC.syscall(LibC.SYS_FUTEX, epochAddress, LibC.FUTEX_WAIT, epoch, timeoutAddress, 0, 0);
        buffer.getAndAddInt(waitersIndex, -1);
        if (result != 0 && buffer.getIntVolatile(epochIndex) == epoch)
        {
            timeouts++;
            return false;
        }
        return true;
    }

    /** Called after publishing: wakes the other side only if it is waiting. */
    public void signal()
    {
        VarHandle.fullFence();
        if (buffer.getIntVolatile(waitersIndex) != 0)
        {
            buffer.getAndAddInt(epochIndex, 1);
            wakes++;
            LibC.syscall(LibC.SYS_FUTEX, epochAddress, LibC.FUTEX_WAKE, Integer.MAX_VALUE, 0, 0, 0);
        }
    }

    /** FUTEX_WAIT calls made by this end. */
    public long sleeps()
    {
        return sleeps;
    }

    /** FUTEX_WAKE calls made by this end. */
    public long wakes()
    {
        return wakes;
    }

    /** Waits that ended by timeout rather than by a wake: the other side was idle that long. */
    public long timeouts()
    {
        return timeouts;
    }

    /** Called by the waiter when a timed-out wait finds its condition met after all. */
    void lostWakeup()
    {
        lostWakeups++;
    }

    /** Timed-out waits after which the condition was met: wake-ups that should have come and did not. */
    public long lostWakeups()
    {
        return lostWakeups;
    }
}
