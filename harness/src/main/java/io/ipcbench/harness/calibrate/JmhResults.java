package io.ipcbench.harness.calibrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The parts of JMH's JSON result file ({@code ResultFormatType.JSON}) a calibration is built
 * from: each benchmark's method, its {@code size} parameter if any, the score and its error.
 */
public final class JmhResults
{
    /** One benchmark (and size) as JMH reported it. */
    public record Entry(String method, Long sizeBytes, double score, double error, String unit, int samples)
    {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Entry> entries;

    private JmhResults(final List<Entry> entries)
    {
        this.entries = entries;
    }

    /**
     * Reads a JMH JSON result file.
     *
     * @throws IllegalArgumentException naming the file when it cannot be read or is not JMH's JSON.
     */
    public static JmhResults read(final Path file)
    {
        try
        {
            return parse(JSON.readTree(file.toFile()), file.toString());
        }
        catch (final IOException ex)
        {
            throw new IllegalArgumentException("cannot read JMH results " + file + ": " + ex.getMessage());
        }
    }

    /**
     * Reads JMH's JSON from a string.
     *
     * @param source names the JSON in error messages.
     */
    public static JmhResults parse(final String json, final String source)
    {
        try
        {
            return parse(JSON.readTree(json), source);
        }
        catch (final IOException ex)
        {
            throw new IllegalArgumentException("cannot read JMH results " + source + ": " + ex.getMessage());
        }
    }

    private static JmhResults parse(final JsonNode root, final String source)
    {
        if (root == null || !root.isArray())
        {
            throw new IllegalArgumentException("JMH results " + source + " must be a JSON array of benchmarks");
        }
        final List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < root.size(); i++)
        {
            final JsonNode benchmark = root.get(i);
            final String name = benchmark.path("benchmark").asText("");
            final JsonNode primary = benchmark.path("primaryMetric");
            if (name.isEmpty() || !primary.has("score"))
            {
                throw new IllegalArgumentException("JMH results " + source + " entry " + i + " has no benchmark name or score");
            }
            final JsonNode size = benchmark.path("params").path("size");
            int samples = 0;
            for (final JsonNode fork : primary.path("rawData"))
            {
                samples += fork.size();
            }
            // JMH writes "NaN" (a string) for the error of a single measurement: asDouble reads it as NaN
            entries.add(new Entry(name.substring(name.lastIndexOf('.') + 1),
                size.isMissingNode() ? null : Long.parseLong(size.asText()),
                primary.path("score").asDouble(Double.NaN),
                primary.path("scoreError").asDouble(Double.NaN),
                primary.path("scoreUnit").asText(""),
                samples));
        }
        return new JmhResults(entries);
    }

    public List<Entry> entries()
    {
        return Collections.unmodifiableList(entries);
    }

    /** The entries of one benchmark method, ascending by size. */
    public List<Entry> method(final String method)
    {
        final List<Entry> found = new ArrayList<>();
        for (final Entry entry : entries)
        {
            if (entry.method().equals(method))
            {
                found.add(entry);
            }
        }
        found.sort((x, y) -> Long.compare(x.sizeBytes() == null ? -1 : x.sizeBytes(), y.sizeBytes() == null ? -1 : y.sizeBytes()));
        return found;
    }
}
