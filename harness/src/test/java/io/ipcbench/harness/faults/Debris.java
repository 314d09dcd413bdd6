package io.ipcbench.harness.faults;

import io.ipcbench.harness.launch.RunDirectory;
import io.ipcbench.transport.control.ChildRuntime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What a fault test checks was left behind. Every test gets a private run root
 * ({@code /dev/shm/ipcbt-<pid>-<n>}, not named {@code ipcbench-*}, so that no other run's stale
 * sweep takes it for debris), so that its own files and processes can be told from those of the
 * other sweeps and test runs that share this machine: after a test the root must be empty, no
 * process may name it on its command line (child JVMs, perf), and /dev/shm and the temp directory
 * must hold no new entry of ours: {@code ipcbench-<pid>-*} of one of our processes, or a
 * Chronicle queue file, which only ever belongs inside a run directory.
 */
final class Debris
{
    private static int roots;

    private final Path root;
    private final Set<String> shmBefore;
    private final Set<String> tmpBefore;

    private Debris(final Path root)
    {
        this.root = root;
        this.shmBefore = names(Path.of("/dev/shm"));
        this.tmpBefore = names(Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** A fresh private run root, and the state of /dev/shm and the temp directory before the test. */
    static synchronized Debris track() throws IOException
    {
        final Path base = RunDirectory.defaultRoot();
        final Path root = base.resolve("ipcbt-" + ProcessHandle.current().pid() + "-" + (++roots));
        if (Files.exists(root))
        {
            ChildRuntime.deleteTree(root);
        }
        Files.createDirectory(root);
        return new Debris(root);
    }

    Path root()
    {
        return root;
    }

    /**
     * Asserts nothing is left: waits up to {@code graceMillis} for processes and files to go
     * (a child that exits by itself on end-of-file takes a moment), then names what stayed.
     * Removes the root when it is clean.
     */
    void assertNothingLeft(final long graceMillis, final long... ourPids) throws IOException
    {
        final long deadline = System.nanoTime() + graceMillis * 1_000_000L;
        List<String> left = leftovers(ourPids);
        while (!left.isEmpty() && System.nanoTime() < deadline)
        {
            LockSupport.parkNanos(50_000_000L);
            left = leftovers(ourPids);
        }
        assertEquals(List.of(), left, "nothing may be left behind");
        Files.delete(root);
    }

    /** Everything of ours still there: files under the root, processes naming it, new entries in /dev/shm and tmp. */
    List<String> leftovers(final long... ourPids) throws IOException
    {
        final List<String> left = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root))
        {
            files.filter(path -> !path.equals(root)).forEach(path -> left.add("file " + path));
        }
        for (final ProcessHandle process : processesNaming(root.toString()))
        {
            left.add("process " + process.pid() + " " + process.info().commandLine().orElse("?"));
        }
        final Set<String> pids = new TreeSet<>();
        pids.add(Long.toString(ProcessHandle.current().pid()));
        for (final long pid : ourPids)
        {
            pids.add(Long.toString(pid));
        }
        for (final String name : newNames(Path.of("/dev/shm"), shmBefore))
        {
            if (ours(name, pids))
            {
                left.add("/dev/shm/" + name);
            }
        }
        final Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        for (final String name : newNames(tmp, tmpBefore))
        {
            if (ours(name, pids))
            {
                left.add(tmp.resolve(name).toString());
            }
        }
        return left;
    }

    private static boolean ours(final String name, final Set<String> pids)
    {
        if (name.endsWith(".cq4") || name.endsWith(".cq4t") || name.startsWith("chronicle-") || name.endsWith(".ring"))
        {
            return true;
        }
        if (!name.startsWith(RunDirectory.PREFIX))
        {
            return false;
        }
        final String rest = name.substring(RunDirectory.PREFIX.length());
        final int dash = rest.indexOf('-');
        return pids.contains(dash < 0 ? rest : rest.substring(0, dash));
    }

    /** Live processes whose command line contains {@code text}, other than this JVM. */
    static List<ProcessHandle> processesNaming(final String text)
    {
        final List<ProcessHandle> found = new ArrayList<>();
        try (DirectoryStream<Path> proc = Files.newDirectoryStream(Path.of("/proc"), entry -> entry.getFileName().toString().matches("[0-9]+")))
        {
            for (final Path entry : proc)
            {
                final long pid = Long.parseLong(entry.getFileName().toString());
                if (pid == ProcessHandle.current().pid())
                {
                    continue;
                }
                if (commandLine(pid).contains(text))
                {
                    ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(found::add);
                }
            }
        }
        catch (final IOException ex)
        {
            throw new AssertionError("cannot list /proc", ex);
        }
        return found;
    }

    /** A process's command line with its NULs as spaces, or "" when it is gone. */
    static String commandLine(final long pid)
    {
        try
        {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
        }
        catch (final IOException ex)
        {
            return "";
        }
    }

    /** Waits up to {@code millis} for a process naming both texts; null when none came. */
    static ProcessHandle awaitProcess(final String text, final String alsoText, final long millis)
    {
        final long deadline = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() < deadline)
        {
            for (final ProcessHandle process : processesNaming(text))
            {
                if (commandLine(process.pid()).contains(alsoText))
                {
                    return process;
                }
            }
            LockSupport.parkNanos(20_000_000L);
        }
        return null;
    }

    private static Set<String> names(final Path directory)
    {
        if (!Files.isDirectory(directory))
        {
            return Set.of();
        }
        try (Stream<Path> entries = Files.list(directory))
        {
            return entries.map(path -> path.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        catch (final IOException ex)
        {
            return Set.of();
        }
    }

    private static Set<String> newNames(final Path directory, final Set<String> before)
    {
        final Set<String> now = new TreeSet<>(names(directory));
        now.removeAll(before);
        return now;
    }
}
