package io.ipcbench.harness.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Checks every command makes of the paths it is given, before anything is read or measured: a
 * path must name something (an empty {@code --results ''} would otherwise mean the working
 * directory), and an output must be writable. Every problem is an IllegalArgumentException
 * naming the option, the value and why.
 */
final class PathOptions
{
    private PathOptions()
    {
    }

    /**
     * {@code path}, or null when not given; refused when given empty or blank.
     *
     * @param what    what the option names, e.g. "directory".
     * @param example the option as it might be given, e.g. "--results results".
     */
    static Path named(final Path path, final String option, final String what, final String example)
    {
        if (path != null)
        {
            named(path.toString(), option, what, example);
        }
        return path;
    }

    /** {@code text}, or null when not given; refused when given empty or blank. */
    static String named(final String text, final String option, final String what, final String example)
    {
        if (text != null && text.isBlank())
        {
            throw new IllegalArgumentException(option + " '" + text + "' names no " + what + ": give one, e.g. " + example);
        }
        return text;
    }

    /** Refuses a directory that neither exists as a writable directory nor can be made under its nearest existing parent. */
    static void checkWritableDirectory(final Path directory, final String option)
    {
        Path existing = directory.toAbsolutePath();
        while (existing != null && !Files.exists(existing))
        {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing))
        {
            throw new IllegalArgumentException(option + " " + directory + " cannot be written (" +
                (existing == null ? "no existing parent" : existing + " is not a directory") + ")");
        }
        final String unwritable = unwritable(existing);
        if (unwritable != null)
        {
            throw new IllegalArgumentException(option + " " + directory + " cannot be written (" + existing + ": " + unwritable + ")");
        }
    }

    /** Refuses an output file whose directory is missing or cannot take a new file, or that is a directory. */
    static void checkWritableFile(final Path file, final String option)
    {
        final Path absolute = file.toAbsolutePath();
        final Path parent = absolute.getParent();
        final String problem;
        if (Files.isDirectory(absolute))
        {
            problem = "it is a directory";
        }
        else if (parent == null || !Files.exists(parent))
        {
            problem = "no such directory " + parent;
        }
        else if (!Files.isDirectory(parent))
        {
            problem = parent + " is not a directory";
        }
        else
        {
            final String unwritable = unwritable(parent);
            problem = unwritable == null ? null : parent + ": " + unwritable;
        }
        if (problem != null)
        {
            throw new IllegalArgumentException("cannot write " + option + " " + file + ": " + problem);
        }
    }

    /**
     * Why nothing can be made in {@code directory}, or null when a probe file can: permission
     * bits say nothing to root, and nothing about a read-only mount, so try it.
     */
    static String unwritable(final Path directory)
    {
        try
        {
            final Path probe = Files.createTempFile(directory, ".ipcbench-probe-", ".tmp");
            Files.delete(probe);
            return null;
        }
        catch (final IOException | SecurityException ex)
        {
            return "cannot create a file there (" + reason(ex) + ")";
        }
    }

    /** What went wrong, in words rather than an exception's class name: "no such file or directory", "permission denied". */
    static String reason(final Exception ex)
    {
        if (ex instanceof NoSuchFileException)
        {
            return "no such file or directory";
        }
        if (ex instanceof AccessDeniedException)
        {
            return "permission denied";
        }
        if (ex instanceof FileSystemException)
        {
            final String reason = ((FileSystemException)ex).getReason();
            return reason != null ? reason : ex.getClass().getSimpleName();
        }
        return ex.getMessage() != null ? ex.getMessage() : ex.getClass().getSimpleName();
    }
}
