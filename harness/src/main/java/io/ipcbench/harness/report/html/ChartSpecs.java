package io.ipcbench.harness.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ipcbench.harness.stats.Spread;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The charts of a report, worked out from a run.json: per mode, the headline chart (round trip,
 * throughput or one-way latency against size, with the crossovers marked) and the cost charts
 * (CPU per message, cores busy, system calls per message). Each chart is a plain JSON spec that
 * report.js hands to uPlot, so what is drawn can be checked here without a browser.
 */
public final class ChartSpecs
{
    /** Modes in the order a report shows them, with the labels run.json uses. */
    public static final List<String> MODES = List.of("pingpong", "stream", "rate");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] SIDES = {"producer", "consumer"};
    private static final int MAX_MARKER_ROWS = 6;

    /** One chart: the element id it draws into, its heading and caption, and the spec for report.js. */
    public record Chart(String id, String title, String caption, ObjectNode spec)
    {
    }

    /**
     * What a report shows for one mode: the series measured, the headline chart (null when no
     * point of the mode succeeded), the cost charts, and notes on what could not be drawn.
     */
    public record ModeSection(String mode, List<String> series, Chart headline, List<Chart> costs, List<String> notes, boolean bands)
    {
        /** Charts in page order. */
        public List<Chart> charts()
        {
            final List<Chart> all = new ArrayList<>();
            if (headline != null)
            {
                all.add(headline);
            }
            all.addAll(costs);
            return all;
        }
    }

    /** A figure of one point: the median with the min and max over {@code n} repetitions. */
    record Figure(double median, double min, double max, int n)
    {
        static Figure of(final Spread spread)
        {
            return new Figure(spread.median(), spread.min(), spread.max(), spread.count());
        }
    }

    /** One line to draw: a name for legend and tooltip, its series' colour, a dash, and a figure per point. */
    private record LineDef(String name, String series, String dash, Function<JsonNode, Figure> figure)
    {
    }

    private ChartSpecs()
    {
    }

    /** Every series of the run in order of first appearance, which is the sweep's own order. */
    public static List<String> series(final JsonNode run)
    {
        final Set<String> names = new LinkedHashSet<>();
        for (final JsonNode point : run.path("points"))
        {
            names.add(point.path("series").asText());
        }
        return new ArrayList<>(names);
    }

    /** One section per mode that has points, in {@link #MODES} order. */
    public static List<ModeSection> build(final JsonNode run, final SeriesColours colours)
    {
        final List<ModeSection> sections = new ArrayList<>();
        for (final String mode : MODES)
        {
            final Map<String, Map<Long, JsonNode>> grid = grid(run, mode);
            if (!grid.isEmpty())
            {
                sections.add(section(run, mode, grid, colours));
            }
        }
        return sections;
    }

    /** series -> payload size -> point, for the points of one mode. */
    public static Map<String, Map<Long, JsonNode>> grid(final JsonNode run, final String mode)
    {
        final Map<String, Map<Long, JsonNode>> grid = new LinkedHashMap<>();
        for (final JsonNode point : run.path("points"))
        {
            if (mode.equals(point.path("mode").asText()))
            {
                grid.computeIfAbsent(point.path("series").asText(), s -> new LinkedHashMap<>())
                    .put(point.path("payload_bytes").asLong(), point);
            }
        }
        return grid;
    }

    private static ModeSection section(
        final JsonNode run, final String mode, final Map<String, Map<Long, JsonNode>> grid, final SeriesColours colours)
    {
        final List<String> series = new ArrayList<>(grid.keySet());
        final TreeSet<Long> allSizes = new TreeSet<>();
        grid.values().forEach(points -> allSizes.addAll(points.keySet()));
        final List<Long> sizes = new ArrayList<>(allSizes.tailSet(1L));
        final List<String> notes = new ArrayList<>();
        if (allSizes.contains(0L))
        {
            notes.add("0 B points are not drawn: the size axis is logarithmic. The table below and points.csv hold them.");
        }
        final boolean bands = maxRepetitions(grid) > 1;

        final Chart headline = headline(run, mode, grid, series, sizes, colours);
        if (headline == null)
        {
            notes.add("No " + mode + " point has a successful repetition, so there is no " + mode + " chart; see Failures.");
        }

        final List<Chart> costs = new ArrayList<>();
        final List<LineDef> cpuLines = new ArrayList<>();
        for (final String name : series)
        {
            cpuLines.add(new LineDef(name, name, null, ChartSpecs::cpuPerMessage));
        }
        final Chart cpu = chart(mode + "-cpu", "CPU time per message",
            "User + system time of both measuring threads per message" +
                ("pingpong".equals(mode) ? " (a round trip)" : "") + "; log scale.",
            "µs per message", "us", true, 260, false, grid, sizes, cpuLines, colours, NODES.arrayNode());
        add(costs, cpu);
        if (cpu == null)
        {
            notes.add("No CPU time was recorded for the " + mode + " points.");
        }

        final Chart cores = chart(mode + "-cores", "Cores busy",
            "Busy time / window of each measuring thread; 1.0 = a whole CPU. Solid: producer, dashed: consumer.",
            "cores", "cores", false, 260, false, grid, sizes, sideLines(series, "_cpu_util"), colours, NODES.arrayNode());
        add(costs, cores);
        if (cores == null)
        {
            notes.add("No CPU use (cores busy) was recorded for the " + mode + " points.");
        }

        final Chart syscalls = chart(mode + "-syscalls", "System calls per message",
            "Counted by perf on each side over the window. Solid: producer, dashed: consumer.",
            "system calls per message", "count", false, 260, false, grid, sizes, sideLines(series, "_syscalls_per_msg"), colours, NODES.arrayNode());
        add(costs, syscalls);
        if (syscalls == null)
        {
            final String counting = run.path("configuration").path("syscall_counting").asText("");
            notes.add(counting.startsWith("unavailable") ?
                "System calls per message were not counted in this run: perf was " + counting + "." :
                "System calls per message were not counted for the " + mode + " points" +
                    (counting.isEmpty() ? "." : " (" + counting + ")."));
        }
        return new ModeSection(mode, series, headline, costs, notes, bands);
    }

    private static void add(final List<Chart> charts, final Chart chart)
    {
        if (chart != null)
        {
            charts.add(chart);
        }
    }

    private static Chart headline(
        final JsonNode run, final String mode, final Map<String, Map<Long, JsonNode>> grid, final List<String> series,
        final List<Long> sizes, final SeriesColours colours)
    {
        final List<LineDef> lines = new ArrayList<>();
        switch (mode)
        {
            case "pingpong":
                for (final String name : series)
                {
                    lines.add(new LineDef(name + " p50", name, null, metric("rtt_p50", 1e-3)));
                    lines.add(new LineDef(name + " p99", name, "dash", metric("rtt_p99", 1e-3)));
                }
                return chart(mode + "-latency", "Round-trip latency",
                    "Producer sends the payload, consumer echoes all of it back; p50 solid, p99 dashed; both axes logarithmic.",
                    "round trip (µs)", "us", true, 400, true, grid, sizes, lines, colours, crossovers(run, mode, series, colours));
            case "stream":
                for (final String name : series)
                {
                    lines.add(new LineDef(name, name, null, metric("mb_per_s", 1)));
                }
                return chart(mode + "-throughput", "Stream throughput",
                    "Payload megabytes (10^6 B) per second, from the first measured send to the consumer reading the last byte; " +
                        "both axes logarithmic.",
                    "payload MB/s", "MB/s", true, 400, true, grid, sizes, lines, colours, crossovers(run, mode, series, colours));
            default:
                for (final String name : series)
                {
                    lines.add(new LineDef(name + " p50", name, null, metric("owl_p50", 1e-3)));
                    lines.add(new LineDef(name + " p99", name, "dash", metric("owl_p99", 1e-3)));
                    lines.add(new LineDef(name + " p99.99", name, "dot", metric("owl_p99.99", 1e-3)));
                }
                final JsonNode rate = run.path("configuration").path("rate");
                return chart(mode + "-latency", "One-way latency at a fixed rate",
                    (rate.isNumber() ? String.format(Locale.ROOT, "%,d", rate.asLong()) + " messages/s; " : "") +
                        "latency from each message's scheduled send time (no coordinated omission); p50 solid, p99 dashed, " +
                        "p99.99 dotted; both axes logarithmic.",
                    "one-way latency (µs)", "us", true, 400, true, grid, sizes, lines, colours, crossovers(run, mode, series, colours));
        }
    }

    private static List<LineDef> sideLines(final List<String> series, final String suffix)
    {
        final List<LineDef> lines = new ArrayList<>();
        for (final String name : series)
        {
            for (final String side : SIDES)
            {
                lines.add(new LineDef(name + " " + side, name, "producer".equals(side) ? null : "dash", metric(side + suffix, 1)));
            }
        }
        return lines;
    }

    /** The crossovers of a mode as markers; other kinds of break-even are not places on the chart. */
    private static ArrayNode crossovers(final JsonNode run, final String mode, final List<String> series, final SeriesColours colours)
    {
        final ArrayNode markers = NODES.arrayNode();
        for (final JsonNode entry : run.path("break_even"))
        {
            final JsonNode size = entry.path("size_bytes");
            final String a = entry.path("a").asText();
            final String b = entry.path("b").asText();
            if ("crossover".equals(entry.path("kind").asText()) && mode.equals(entry.path("mode").asText()) &&
                size.isNumber() && size.asDouble() > 0 && series.contains(a) && series.contains(b))
            {
                markers.addObject()
                    .put("size", size.asDouble())
                    .put("a", a)
                    .put("b", b)
                    .put("color_a", colours.of(a))
                    .put("color_b", colours.of(b));
            }
        }
        return markers;
    }

    private static Function<JsonNode, Figure> metric(final String key, final double scale)
    {
        return point ->
        {
            final JsonNode figure = point.path("metrics").path(key);
            if (!figure.path("median").isNumber())
            {
                return null;
            }
            return new Figure(figure.path("median").asDouble() * scale, figure.path("min").asDouble() * scale,
                figure.path("max").asDouble() * scale, figure.path("n").asInt(1));
        };
    }

    /**
     * User + system time of both measuring threads per message, in microseconds. Summed within
     * each repetition before taking the spread: the sum of four medians is no repetition's figure.
     */
    static Figure cpuPerMessage(final JsonNode point)
    {
        final String[] keys = {"producer_user_ns_per_msg", "producer_sys_ns_per_msg", "consumer_user_ns_per_msg", "consumer_sys_ns_per_msg"};
        final List<Double> totals = new ArrayList<>();
        for (final JsonNode rep : point.path("repetitions"))
        {
            final JsonNode metrics = rep.path("metrics");
            if (!rep.path("ok").asBoolean(false))
            {
                continue;
            }
            double total = 0;
            boolean complete = true;
            for (final String key : keys)
            {
                complete &= metrics.path(key).isNumber();
                total += metrics.path(key).asDouble();
            }
            if (complete)
            {
                totals.add(total / 1000.0);
            }
        }
        if (totals.isEmpty())
        {
            return null;
        }
        return Figure.of(new Spread(totals.stream().mapToDouble(Double::doubleValue).toArray()));
    }

    private static int maxRepetitions(final Map<String, Map<Long, JsonNode>> grid)
    {
        int most = 0;
        for (final Map<Long, JsonNode> points : grid.values())
        {
            for (final JsonNode point : points.values())
            {
                int ok = 0;
                for (final JsonNode rep : point.path("repetitions"))
                {
                    ok += rep.path("ok").asBoolean(false) ? 1 : 0;
                }
                most = Math.max(most, ok);
            }
        }
        return most;
    }

    /** A chart spec, or null when none of its lines has a value to draw. */
    private static Chart chart(
        final String id, final String title, final String caption, final String yLabel, final String unit, final boolean logY,
        final int height, final boolean legend, final Map<String, Map<Long, JsonNode>> grid, final List<Long> sizes,
        final List<LineDef> lines, final SeriesColours colours, final ArrayNode markers)
    {
        final ObjectNode spec = NODES.objectNode();
        spec.put("id", "chart-" + id);
        spec.put("height", height);
        spec.put("legend", legend);
        spec.putObject("y").put("label", yLabel).put("unit", unit).put("log", logY);
        final ArrayNode x = spec.putArray("x");
        sizes.forEach(x::add);
        final ArrayNode drawn = spec.putArray("lines");
        for (final LineDef def : lines)
        {
            final ObjectNode line = line(def, grid.getOrDefault(def.series(), Map.of()), sizes, logY, colours);
            if (line != null)
            {
                drawn.add(line);
            }
        }
        if (drawn.isEmpty() || sizes.isEmpty())
        {
            return null;
        }
        spec.set("markers", markers);
        spec.put("marker_rows", Math.min(MAX_MARKER_ROWS, markers.size()));
        return new Chart(spec.path("id").asText(), title, caption, spec);
    }

    private static ObjectNode line(
        final LineDef def, final Map<Long, JsonNode> points, final List<Long> sizes, final boolean logY, final SeriesColours colours)
    {
        final ObjectNode line = NODES.objectNode();
        line.put("name", def.name());
        line.put("series", def.series());
        line.put("color", colours.of(def.series()));
        if ("dash".equals(def.dash()))
        {
            line.putArray("dash").add(7).add(4);
            line.put("width", 1.6);
        }
        else if ("dot".equals(def.dash()))
        {
            line.putArray("dash").add(2).add(3);
            line.put("width", 1.6);
        }
        final ArrayNode values = line.putArray("values");
        final ArrayNode min = NODES.arrayNode();
        final ArrayNode max = NODES.arrayNode();
        boolean any = false;
        boolean spread = false;
        for (final long size : sizes)
        {
            final JsonNode point = points.get(size);
            final Figure figure = point == null ? null : def.figure().apply(point);
            // a log axis has no place for zero: such a value is left out rather than drawn wrong
            if (figure == null || logY && figure.median() <= 0)
            {
                values.addNull();
                min.addNull();
                max.addNull();
                continue;
            }
            any = true;
            spread |= figure.n() > 1;
            values.add(figure.median());
            if (logY && figure.min() <= 0)
            {
                min.add(figure.median());
            }
            else
            {
                min.add(figure.min());
            }
            max.add(figure.max());
        }
        if (!any)
        {
            return null;
        }
        if (spread)
        {
            line.set("min", min);
            line.set("max", max);
        }
        return line;
    }
}
