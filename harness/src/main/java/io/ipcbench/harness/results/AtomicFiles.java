package io.ipcbench.harness.results;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Whole-file writes that a crash cannot leave half done: write a sibling, force it to the device,
 * then rename it over the old file. A crash before the rename leaves the old file (and a stale
 * {@code .name.tmp}, overwritten next time); after it, the whole new one. Without the force, a
 * machine that lost power could find the new name pointing at blocks never written.
 */
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
        try (FileChannel channel = FileChannel.open(temporary,
            StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING))
        {
            final ByteBuffer bytes = ByteBuffer.wrap(content);
            while (bytes.hasRemaining())
            {
                channel.write(bytes);
            }
            channel.force(true);
        }
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
