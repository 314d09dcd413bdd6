package io.ipcbench.harness.launch;

import io.ipcbench.transport.control.ChildRuntime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The private directory where a sweep's rendezvous files live (sockets, FIFOs, ring files, queue
 * directories), one subdirectory per point: {@code <root>/ipcbench-<pid>-<random>/p<n>}. The root
 * is /dev/shm when it is there, so that ring files and queues are in memory; the whole path must
 * fit a Unix socket address.
 *
 * <p>An {@code owner} file records the harness's pid and start time. Directories whose owner is
 * gone, left by a killed earlier run, are removed at start; a live owner's never are.
 */
public final class RunDirectory implements AutoCloseable
{
    public static final String PREFIX = "ipcbench-";
    /** sun_path holds 108 bytes including the terminating NUL. */
    public static final int MAX_SOCKET_PATH = 107;
    private static final String LONGEST_POINT_FILE = "/p99999/uds.sock";
    private static final String OWNER = "owner";

    private final Path path;
    private int points;
    private boolean closed;

    private RunDirectory(final Path path)
    {
        this.path = path;
    }

    public static Path defaultRoot()
    {
        final Path shm = Path.of("/dev/shm");
        if (Files.isDirectory(shm) && Files.isWritable(shm))
        {
            return shm;
        }
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    /** The longest socket path this root would lead to; checked against {@link #MAX_SOCKET_PATH} before a run. */
    public static int longestSocketPath(final Path root)
    {
        return root.toAbsolutePath().resolve(PREFIX + ProcessHandle.current().pid() + "-ffffffff").toString().length() +
            LONGEST_POINT_FILE.length();
    }

    public static RunDirectory create(final Path root) throws IOException
    {
        final String name = PREFIX + ProcessHandle.current().pid() + "-" + Integer.toHexString(new SecureRandom().nextInt());
        final Path path = root.toAbsolutePath().resolve(name);
        Files.createDirectories(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.writeString(path.resolve(OWNER), ownerLine(ProcessHandle.current()), StandardCharsets.UTF_8);
        return new RunDirectory(path);
    }

    public Path path()
    {
        return path;
    }

    /** A fresh, empty directory for the next point. */
    public Path newPoint() throws IOException
    {
        final Path point = path.resolve("p" + (++points));
        ChildRuntime.deleteTree(point);
        Files.createDirectory(point);
        return point;
    }

    /** Removes a point's files; true when nothing is left. */
    public static boolean deletePoint(final Path point)
    {
        ChildRuntime.deleteTree(point);
        return !Files.exists(point);
    }

    @Override
    public void close()
    {
        if (!closed)
        {
            closed = true;
            ChildRuntime.deleteTree(path);
        }
    }

    /**
     * Removes run directories under {@code root} whose owning harness is no longer running.
     *
     * @return the directories removed.
     */
    public static List<Path> removeStale(final Path root)
    {
        final List<Path> removed = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root.toAbsolutePath(), PREFIX + "*"))
        {
            for (final Path entry : entries)
            {
                if (Files.isDirectory(entry) && !ownerAlive(entry))
                {
                    ChildRuntime.deleteTree(entry);
                    removed.add(entry);
                }
            }
        }
        catch (final IOException ex)
        {
            // nothing we may clean
        }
        return removed;
    }

    static boolean ownerAlive(final Path directory)
    {
        final String owner;
        try
        {
            owner = Files.readString(directory.resolve(OWNER), StandardCharsets.UTF_8).trim();
        }
        catch (final IOException ex)
        {
            // no owner file: a directory being created this instant, or debris; judge by the pid in its name
            return pidFromName(directory).flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false);
        }
        final String[] parts = owner.split(" ");
        try
        {
            final Optional<ProcessHandle> handle = ProcessHandle.of(Long.parseLong(parts[0]));
            return handle.isPresent() && handle.get().isAlive() && ownerLine(handle.get()).trim().equals(owner);
        }
        catch (final NumberFormatException ex)
        {
            return false;
        }
    }

    private static Optional<Long> pidFromName(final Path directory)
    {
        final String name = directory.getFileName().toString().substring(PREFIX.length());
        final int dash = name.indexOf('-');
        try
        {
            return Optional.of(Long.parseLong(dash < 0 ? name : name.substring(0, dash)));
        }
        catch (final NumberFormatException ex)
        {
            return Optional.empty();
        }
    }

    private static String ownerLine(final ProcessHandle process)
    {
        return process.pid() + " " + process.info().startInstant().map(Instant::toString).orElse("?") + "\n";
    }
}
