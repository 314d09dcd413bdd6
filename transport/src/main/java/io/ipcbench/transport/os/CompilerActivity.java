package io.ipcbench.transport.os;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CPU time used so far by this JVM's JIT compiler threads, from
 * {@code /proc/self/task/<tid>/schedstat} (first field, nanoseconds) of every task named
 * "C1 CompilerThre..." or "C2 CompilerThre...". On two CPUs with both measuring threads busy, a
 * compiler thread that still works steals a CPU from one of them; the warm-up waits until this
 * stops growing.
 *
 * <p>The compiler threads are found once (children run with a fixed number of them); each sample
 * re-reads the open files into one byte array and parses the digits by hand, so that watching the
 * compiler does not itself give the compiler work.
 */
public final class CompilerActivity implements AutoCloseable
{
    private final List<RandomAccessFile> files = new ArrayList<>();
    private final byte[] bytes = new byte[128];

    public CompilerActivity()
    {
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task")))
        {
            for (final Path task : tasks)
            {
                try
                {
                    if (Files.readString(task.resolve("comm"), StandardCharsets.US_ASCII).contains("CompilerThre"))
                    {
                        files.add(new RandomAccessFile(task.resolve("schedstat").toFile(), "r"));
                    }
                }
                catch (final IOException ex)
                {
                    // the task ended meanwhile
                }
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            close();
        }
    }

    /** False when /proc could not show any compiler thread: callers then cannot wait for quiet. */
    public boolean available()
    {
        return !files.isEmpty();
    }

    /** Total CPU ns the compiler threads have used, or -1 when unavailable. */
    public long cpuNs()
    {
        if (files.isEmpty())
        {
            return -1;
        }
        long total = 0;
        for (int i = 0; i < files.size(); i++)
        {
            final RandomAccessFile file = files.get(i);
            try
            {
                file.seek(0);
                final int length = file.read(bytes);
                long value = 0;
                for (int j = 0; j < length && bytes[j] >= '0' && bytes[j] <= '9'; j++)
                {
                    value = value * 10 + (bytes[j] - '0');
                }
                total += value;
            }
            catch (final IOException ex)
            {
                // a compiler thread that went away contributes nothing more
            }
        }
        return total;
    }

    @Override
    public void close()
    {
        for (final RandomAccessFile file : files)
        {
            try
            {
                file.close();
            }
            catch (final IOException ex)
            {
                // nothing to do
            }
        }
        files.clear();
    }
}
