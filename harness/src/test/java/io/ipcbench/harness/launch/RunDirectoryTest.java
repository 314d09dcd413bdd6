package io.ipcbench.harness.launch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunDirectoryTest
{
    /** Above any pid Linux hands out (pid_max is at most 2^22). */
    private static final long DEAD_PID = Integer.MAX_VALUE;
    private static final long OWN_PID = ProcessHandle.current().pid();

    @TempDir
    Path root;

    @Test
    void shouldCreatePrivateDirectoryWithOwnerFile() throws IOException
    {
        try (RunDirectory run = RunDirectory.create(root))
        {
            final Path path = run.path();

            assertTrue(Files.isDirectory(path));
            assertEquals(root.toAbsolutePath(), path.getParent());
            assertTrue(path.getFileName().toString().matches("ipcbench-" + OWN_PID + "-[0-9a-f]{1,8}"), path.toString());
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(path)));
            final String owner = Files.readString(path.resolve("owner"), StandardCharsets.UTF_8);
            assertTrue(owner.startsWith(OWN_PID + " "), owner);
            assertTrue(owner.endsWith("\n"), owner);
            assertTrue(RunDirectory.ownerAlive(path));
        }
    }

    @Test
    void shouldGiveFreshEmptyPointDirectories() throws IOException
    {
        try (RunDirectory run = RunDirectory.create(root))
        {
            // debris where the first point will go
            Files.createDirectories(run.path().resolve("p1").resolve("old"));
            Files.writeString(run.path().resolve("p1").resolve("uds.sock"), "stale");

            final Path first = run.newPoint();
            final Path second = run.newPoint();

            assertEquals(run.path().resolve("p1"), first);
            assertEquals(run.path().resolve("p2"), second);
            assertTrue(isEmptyDirectory(first));
            assertTrue(isEmptyDirectory(second));
        }
    }

    @Test
    void shouldDeletePoint() throws IOException
    {
        try (RunDirectory run = RunDirectory.create(root))
        {
            final Path point = run.newPoint();
            Files.createDirectories(point.resolve("queue").resolve("fwd"));
            Files.writeString(point.resolve("queue").resolve("fwd").resolve("data.cq4"), "x");

            assertTrue(RunDirectory.deletePoint(point));
            assertFalse(Files.exists(point));
            assertTrue(RunDirectory.deletePoint(point), "nothing left to delete");
        }
    }

    @Test
    void shouldRemoveEverythingOnCloseAndCloseTwice() throws IOException
    {
        final RunDirectory run = RunDirectory.create(root);
        final Path point = run.newPoint();
        Files.writeString(point.resolve("fwd.ring"), "ring");

        run.close();
        assertFalse(Files.exists(run.path()));

        run.close();
        assertFalse(Files.exists(run.path()));
        assertTrue(isEmptyDirectory(root));
    }

    @Test
    void shouldRemoveDirectoryOfDeadProcessWithoutOwnerFile() throws IOException
    {
        final Path stale = Files.createDirectory(root.resolve("ipcbench-" + DEAD_PID + "-abcd"));
        Files.createDirectory(stale.resolve("p1"));
        Files.writeString(stale.resolve("p1").resolve("uds.sock"), "");

        try (RunDirectory live = RunDirectory.create(root))
        {
            final List<Path> removed = RunDirectory.removeStale(root);

            assertEquals(List.of(stale.toAbsolutePath()), removed);
            assertFalse(Files.exists(stale));
            assertTrue(Files.isDirectory(live.path()), "a live owner's directory is kept");
        }
    }

    @Test
    void shouldKeepDirectoryWithoutOwnerFileNamingLiveProcess() throws IOException
    {
        final Path beingCreated = Files.createDirectory(root.resolve("ipcbench-" + OWN_PID + "-1234"));

        assertTrue(RunDirectory.removeStale(root).isEmpty());
        assertTrue(Files.isDirectory(beingCreated));
    }

    @Test
    void shouldRemoveDirectoryWhoseOwnerFileNamesDeadProcess() throws IOException
    {
        final Path stale = Files.createDirectory(root.resolve("ipcbench-" + OWN_PID + "-beef"));
        Files.writeString(stale.resolve("owner"), DEAD_PID + " 2020-01-01T00:00:00Z\n");

        assertEquals(List.of(stale.toAbsolutePath()), RunDirectory.removeStale(root));
        assertFalse(Files.exists(stale));
    }

    @Test
    void shouldRemoveDirectoryWhoseOwnerPidWasReused() throws IOException
    {
        // our pid, but a start time that is not ours: the pid belonged to an earlier process
        final Path stale = Files.createDirectory(root.resolve("ipcbench-" + OWN_PID + "-cafe"));
        Files.writeString(stale.resolve("owner"), OWN_PID + " 1970-01-01T00:00:00Z\n");

        assertEquals(List.of(stale.toAbsolutePath()), RunDirectory.removeStale(root));
    }

    @Test
    void shouldRemoveDirectoryWithUnreadableOwner() throws IOException
    {
        final Path stale = Files.createDirectory(root.resolve("ipcbench-" + OWN_PID + "-f00d"));
        Files.writeString(stale.resolve("owner"), "garbage\n");

        assertEquals(List.of(stale.toAbsolutePath()), RunDirectory.removeStale(root));
    }

    @Test
    void shouldLeaveOtherEntriesAlone() throws IOException
    {
        final Path other = Files.createDirectory(root.resolve("something-" + DEAD_PID));
        final Path file = Files.writeString(root.resolve("ipcbench-" + DEAD_PID + "-file"), "not a directory");

        assertTrue(RunDirectory.removeStale(root).isEmpty());
        assertTrue(Files.isDirectory(other));
        assertTrue(Files.isRegularFile(file));
    }

    @Test
    void shouldFindNothingStaleUnderMissingRoot()
    {
        assertTrue(RunDirectory.removeStale(root.resolve("missing")).isEmpty());
    }

    @Test
    void shouldBoundSocketPathsOfCreatedDirectory() throws IOException
    {
        try (RunDirectory run = RunDirectory.create(root))
        {
            final int actual = run.path().resolve("p99999").resolve("uds.sock").toString().length();

            assertTrue(actual <= RunDirectory.longestSocketPath(root), actual + " vs " + RunDirectory.longestSocketPath(root));
        }
        assertEquals(
            ("/dev/shm/ipcbench-" + OWN_PID + "-ffffffff/p99999/uds.sock").length(), RunDirectory.longestSocketPath(Path.of("/dev/shm")));
        assertTrue(RunDirectory.longestSocketPath(Path.of("/dev/shm")) <= RunDirectory.MAX_SOCKET_PATH);
    }

    @Test
    void shouldExceedSocketPathLimitForVeryLongRoot()
    {
        final Path longRoot = root.resolve("a".repeat(60)).resolve("b".repeat(60));

        assertTrue(RunDirectory.longestSocketPath(longRoot) > RunDirectory.MAX_SOCKET_PATH);
        assertEquals(107, RunDirectory.MAX_SOCKET_PATH);
    }

    private static boolean isEmptyDirectory(final Path directory) throws IOException
    {
        try (Stream<Path> entries = Files.list(directory))
        {
            return entries.findAny().isEmpty();
        }
    }
}
