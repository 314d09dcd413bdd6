package io.ipcbench.harness.results;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** A results file is either the old one or the new one, whole: never what a crashed writer got to. */
class AtomicFilesTest
{
    @TempDir
    Path directory;

    @Test
    void shouldKeepTheOldFileWholeWhenAWriterDiedMidWrite() throws Exception
    {
        final Path file = directory.resolve("run.json");
        AtomicFiles.write(file, "{\"status\": \"running\", \"points\": []}\n");
        // what a writer killed half-way leaves: a truncated sibling, never renamed
        Files.writeString(directory.resolve(".run.json.tmp"), "{\"status\": \"comp");

        assertEquals("{\"status\": \"running\", \"points\": []}\n", Files.readString(file));

        AtomicFiles.write(file, "{\"status\": \"complete\"}\n");

        assertEquals("{\"status\": \"complete\"}\n", Files.readString(file));
        assertFalse(Files.exists(directory.resolve(".run.json.tmp")), "the next write takes the stale sibling's place");
    }
}
