package io.ipcbench.transport.wait;

import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.MappedByteBuffer;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The futex doorbell under a writer that publishes in bursts and pauses, so that the reader falls
 * asleep again and again: every value must be seen, and never by a timed-out wait (which is what
 * a lost wake-up would look like), within the test's timeout.
 */
class FutexDoorbellTest
{
    private static final int VALUE_OFFSET = 0;
    private static final int BELL_OFFSET = 128;
    private static final long VALUES = 20_000;

    @TempDir
    Path directory;

    @Test
    @Timeout(60)
    void shouldWakeTheReaderForEveryValueWithoutLosingAWakeUp() throws Exception
    {
        final MappedByteBuffer mapping = IoUtil.mapNewFile(directory.resolve("bell").toFile(), 4096, true);
        try
        {
            // Two views of the same shared mapping, one per side, as two processes would have.
            final UnsafeBuffer readerView = new UnsafeBuffer(mapping, 0, 4096);
            final UnsafeBuffer writerView = new UnsafeBuffer(mapping, 0, 4096);
            final FutexDoorbell readerBell = new FutexDoorbell(readerView, BELL_OFFSET);
            final FutexDoorbell writerBell = new FutexDoorbell(writerView, BELL_OFFSET);
            final SharedMemoryWait wait = SharedMemoryWait.of(WaitStrategy.FUTEX, readerBell);
            final AtomicReference<Throwable> failure = new AtomicReference<>();

            final Thread writer = new Thread(() ->
            {
                final Random random = new Random(11);
                try
                {
                    for (long value = 1; value <= VALUES; value++)
                    {
                        writerView.putLongVolatile(VALUE_OFFSET, value);
                        writerBell.signal();
                        if (random.nextInt(8) == 0)
                        {
                            LockSupport.parkNanos(random.nextInt(200_000));
                        }
                    }
                }
                catch (final Throwable ex)
                {
                    failure.set(ex);
                }
            }, "writer");

            final long[] expected = {1};
            final BooleanSupplier next = () -> readerView.getLongVolatile(VALUE_OFFSET) >= expected[0];
            writer.start();
            while (expected[0] <= VALUES)
            {
                wait.until(next);
                expected[0] = readerView.getLongVolatile(VALUE_OFFSET) + 1;
            }
            writer.join();

            assertNull(failure.get());
            assertEquals(VALUES + 1, expected[0]);
            assertEquals(0, readerBell.lostWakeups(), "a timed-out wait found the value there: a lost wake-up");
            assertEquals(0, readerBell.timeouts(), "the writer never pauses 100 ms, so no wait may time out");
            assertTrue(readerBell.sleeps() > 0, "the reader must have slept at least once for this test to mean anything");
            assertTrue(writerBell.wakes() <= VALUES, "a wake only when a reader is waiting");
        }
        finally
        {
            IoUtil.unmap(mapping);
        }
    }

    @Test
    @Timeout(10)
    void shouldNotCallWakeWhileNobodyWaits() throws Exception
    {
        final MappedByteBuffer mapping = IoUtil.mapNewFile(directory.resolve("quiet").toFile(), 4096, true);
        try
        {
            final FutexDoorbell bell = new FutexDoorbell(new UnsafeBuffer(mapping, 0, 4096), BELL_OFFSET);
            for (int i = 0; i < 1000; i++)
            {
                bell.signal();
            }
            assertEquals(0, bell.wakes());
        }
        finally
        {
            IoUtil.unmap(mapping);
        }
    }

    @Test
    @Timeout(10)
    void shouldTimeOutAndSaySoWhenNobodyRings() throws Exception
    {
        final MappedByteBuffer mapping = IoUtil.mapNewFile(directory.resolve("silent").toFile(), 4096, true);
        try
        {
            final FutexDoorbell bell = new FutexDoorbell(new UnsafeBuffer(mapping, 0, 4096), BELL_OFFSET);
            final int epoch = bell.prepareToWait();
            final long start = System.nanoTime();
            final boolean woken = bell.await(epoch);
            final long waited = System.nanoTime() - start;
            assertEquals(false, woken);
            assertEquals(1, bell.timeouts());
            assertTrue(waited >= FutexDoorbell.TIMEOUT_NS / 2, "slept in the kernel: " + waited + " ns");
        }
        finally
        {
            IoUtil.unmap(mapping);
        }
    }
}
