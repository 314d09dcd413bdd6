package io.ipcbench.harness.contract;

import com.sun.jna.LastErrorException;
import io.ipcbench.harness.launch.PairOutcome;
import io.ipcbench.transport.TransportKind;
import io.ipcbench.transport.control.PointSpec;
import io.ipcbench.transport.os.LibC;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class PipeContractTest extends TransportContractTest
{
    @TempDir
    Path scratch;

    @Override
    protected TransportKind transport()
    {
        return TransportKind.PIPE;
    }

    /**
     * The sweep refuses a --pipe-capacity above pipe-max-size, but should the kernel still refuse
     * F_SETPIPE_SZ in the child, the point fails, saying so, instead of measuring the default pipe.
     */
    @Test
    void shouldFailThePointWhenTheKernelRefusesThePipeCapacity() throws Exception
    {
        final int twiceTheLimit = 2 * pipeMaxSize();
        assumeTrue(kernelRefuses(twiceTheLimit), "this process may set pipes above pipe-max-size (CAP_SYS_RESOURCE)");
        final PointSpec spec = streamSpec();
        spec.pipeCapacity = twiceTheLimit;

        final PairOutcome outcome = runFailing(spec);

        final String all = outcome.failure() + "\n" + outcome.detail();
        assertTrue(all.contains("F_SETPIPE_SZ of " + twiceTheLimit + " bytes on " + spec.directory.resolve("fwd.fifo") +
            " failed: errno=1 (EPERM: above /proc/sys/fs/pipe-max-size without CAP_SYS_RESOURCE, or this user's pipe buffers " +
            "are over /proc/sys/fs/pipe-user-pages-soft); --pipe-capacity 0 keeps the system default"), all);
    }

    private static int pipeMaxSize() throws Exception
    {
        try (InputStream in = Files.newInputStream(Path.of("/proc/sys/fs/pipe-max-size")))
        {
            return Integer.parseInt(new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim());
        }
    }

    private boolean kernelRefuses(final int capacity)
    {
        final Path fifo = scratch.resolve("probe.fifo");
        LibC.mkfifo(fifo.toString(), 0600);
        final int fd = LibC.open(fifo.toString(), LibC.O_RDWR | LibC.O_NONBLOCK | LibC.O_CLOEXEC);
        try
        {
            LibC.fcntl(fd, LibC.F_SETPIPE_SZ, capacity);
            return false;
        }
        catch (final LastErrorException ex)
        {
            return true;
        }
        finally
        {
            LibC.close(fd);
        }
    }
}
