package io.ipcbench.harness.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ipcbench.harness.cli.IpcBench;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code ipcbench} command run in this JVM, and what it wrote: exit status, output, results. */
final class Cli
{
    /** The settings that make a pair short: no warm-up to speak of, nothing pinned or counted. */
    /** Settings that keep a fault test's sweep short: no warm-up, no accounting, one wait strategy per transport. */
    static final List<String> SHORT = List.of("--warmup", "0ms", "--warmup-max", "0ms", "--no-syscalls", "--no-pin", "--wait", "spin");

    final int exit;
    final String out;
    final String err;

    private Cli(final int exit, final String out, final String err)
    {
        this.exit = exit;
        this.out = out;
        this.err = err;
    }

    static Cli run(final List<String> args)
    {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final CommandLine line = IpcBench.commandLine();
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        final int exit = line.execute(args.toArray(new String[0]));
        return new Cli(exit, out.toString(), err.toString());
    }

    /** {@code ipcbench sweep} with the short settings, the run root and results directory given, and {@code more}. */
    static Cli sweep(final Path root, final Path results, final String... more)
    {
        final List<String> args = new ArrayList<>(List.of("sweep", "--run-dir", root.toString(), "--results", results.toString()));
        args.addAll(SHORT);
        args.addAll(List.of(more));
        return run(args);
    }

    String all()
    {
        return out + err;
    }

    /** The one run directory under {@code results}. */
    static Path onlyRun(final Path results) throws IOException
    {
        try (Stream<Path> runs = Files.list(results))
        {
            final List<Path> dirs = runs.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().equals("latest"))
                .collect(Collectors.toList());
            assertEquals(1, dirs.size(), "one run in " + results + ": " + dirs);
            return dirs.get(0);
        }
    }

    static JsonNode runJson(final Path run) throws IOException
    {
        return new ObjectMapper().readTree(run.resolve("run.json").toFile());
    }

    /**
     * The rows of a results CSV, each checked to have as many fields as the header (a truncated
     * file would not): fields split on commas outside double quotes.
     */
    static List<List<String>> csv(final Path file) throws IOException
    {
        final List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertTrue(!lines.isEmpty(), file + " has a header");
        final List<List<String>> rows = new ArrayList<>();
        final int columns = fields(lines.get(0)).size();
        for (final String line : lines)
        {
            final List<String> fields = fields(line);
            assertEquals(columns, fields.size(), "whole row in " + file + ": " + line);
            rows.add(fields);
        }
        return rows;
    }

    private static List<String> fields(final String line)
    {
        final List<String> fields = new ArrayList<>();
        final StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++)
        {
            final char c = line.charAt(i);
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.add(field.toString());
                field.setLength(0);
            }
            else
            {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
