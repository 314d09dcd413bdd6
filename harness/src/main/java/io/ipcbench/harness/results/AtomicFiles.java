package io.ipcbench.harness.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Whole-file writes that a crash cannot leave half done: write a sibling, then rename over. */
public final class AtomicFiles
{
    private AtomicFiles()
    {
    }

    public static void write(final Path path, final String content) throws IOException
    {
        write(path, content.getBytes(StandardCharsets.UTF_8));
    }

    public static void write(final Path path, final byte[] content) throws IOException
    {
        final Path temporary = path.resolveSibling("." + path.getFileName() + ".tmp");
        Files.write(temporary, content);
        Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Points {@code link} at {@code target} (relative), replacing what was there in one rename. */
    public static void symlink(final Path link, final Path target) throws IOException
    {
        final Path temporary = link.resolveSibling("." + link.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        Files.createSymbolicLink(temporary, target);
        Files.move(temporary, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
