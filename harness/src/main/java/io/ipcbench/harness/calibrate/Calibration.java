package io.ipcbench.harness.calibrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.ipcbench.harness.model.LineFit;
import io.ipcbench.harness.report.Format;
import io.ipcbench.harness.sweep.Sizes;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * What the basic operations IPC is made of cost on this machine, as {@code ipcbench calibrate}
 * measured them with JMH: one raw system call, one clock reading, copying and checksumming a
 * payload of each size. Stored as {@code results/calibration/<id>/calibration.json} (with JMH's
 * own {@code jmh.json} beside it), and read back to explain a sweep's break-evens.
 *
 * <p>Every figure is JMH's average time per operation in ns, quoted with JMH's error: the
 * half-width of its 99.9% confidence interval over the measured iterations (NaN, stored as null,
 * when there was a single iteration). The per-size costs are also fitted to {@code fixed +
 * perByte * size} with the same Theil–Sen line and bootstrap interval the cost model uses for the
 * transports, so that a transport's per-byte cost can be read as a number of copies.
 */
public final class Calibration
{
    public static final String SCHEMA = "ipcbench-calibration/1";
    /** Under the results directory: {@code calibration/<id>/} and {@code calibration/latest}. */
    public static final String DIRECTORY = "calibration";
    public static final String FILE = "calibration.json";
    public static final String JMH_FILE = "jmh.json";
    public static final String LATEST = "latest";

    /** JMH benchmark method names, as in {@code bench.FixedCostBenchmarks} and {@code bench.SizedBenchmarks}. */
    static final String SYSCALL = "syscallGetpid";
    static final String NANO_TIME = "nanoTime";
    static final String JNA_CALL = "jnaGetcpu";
    static final String HEAP_TO_DIRECT = "copyHeapToDirect";
    static final String DIRECT_TO_DIRECT = "copyDirectToDirect";
    static final String CRC32C = "crc32c";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** A cost that does not depend on size: ns per operation and JMH's error (NaN if unknown). */
    public record Cost(double ns, double errorNs)
    {
    }

    /** The cost at one size. */
    public record SizedCost(long sizeBytes, double ns, double errorNs)
    {
        /** Bytes handled per ns at this size (GB/s). */
        public double bytesPerNs()
        {
            return sizeBytes / ns;
        }
    }

    /** {@code fixedNs + perByteNs * size}, with 95% bootstrap intervals {@code {low, high}}. */
    public record CostLine(double fixedNs, double perByteNs, double[] fixedInterval, double[] perByteInterval)
    {
        /** The bytes per ns the per-byte cost amounts to (GB/s). */
        public double bytesPerNs()
        {
            return 1.0 / perByteNs;
        }
    }

    /** An operation measured at several sizes, and its line (null with fewer than two sizes). */
    public record SizedCosts(String what, List<SizedCost> bySize, CostLine fit)
    {
    }

    private final String id;
    private final String created;
    private final Map<String, Object> environment;
    private final Map<String, Object> settings;
    private final Cost syscall;
    private final Cost nanoTime;
    private final Cost jnaCall;
    private final SizedCosts heapToDirect;
    private final SizedCosts directToDirect;
    private final SizedCosts crc32c;

    Calibration(
        final String id, final String created, final Map<String, Object> environment, final Map<String, Object> settings,
        final Cost syscall, final Cost nanoTime, final Cost jnaCall, final SizedCosts heapToDirect, final SizedCosts directToDirect,
        final SizedCosts crc32c)
    {
        this.id = id;
        this.created = created;
        this.environment = environment;
        this.settings = settings;
        this.syscall = syscall;
        this.nanoTime = nanoTime;
        this.jnaCall = jnaCall;
        this.heapToDirect = heapToDirect;
        this.directToDirect = directToDirect;
        this.crc32c = crc32c;
    }

    /**
     * Builds a calibration from JMH's results.
     *
     * @throws IllegalArgumentException when a benchmark is missing or not in ns/op.
     */
    public static Calibration fromJmh(
        final JmhResults results, final String id, final String created, final Map<String, Object> environment,
        final Map<String, Object> settings)
    {
        return new Calibration(id, created, environment, settings,
            fixed(results, SYSCALL),
            fixed(results, NANO_TIME),
            optional(results, JNA_CALL),
            sized(results, HEAP_TO_DIRECT, "byte[] to direct ByteBuffer (ByteBuffer.put)"),
            sized(results, DIRECT_TO_DIRECT, "direct to direct (Agrona UnsafeBuffer.putBytes)"),
            sized(results, CRC32C, "CRC32C of direct memory (java.util.zip.CRC32C)"));
    }

    private static Cost fixed(final JmhResults results, final String method)
    {
        final List<JmhResults.Entry> entries = results.method(method);
        if (entries.isEmpty())
        {
            throw new IllegalArgumentException("JMH results have no " + method + " benchmark");
        }
        final JmhResults.Entry entry = entries.get(0);
        checkUnit(entry);
        return new Cost(entry.score(), entry.error());
    }

    /** A figure calibrations before it was added lack: NaN when missing. */
    private static Cost optional(final JmhResults results, final String method)
    {
        return results.method(method).isEmpty() ? new Cost(Double.NaN, Double.NaN) : fixed(results, method);
    }

    private static SizedCosts sized(final JmhResults results, final String method, final String what)
    {
        final List<JmhResults.Entry> entries = results.method(method);
        if (entries.isEmpty())
        {
            throw new IllegalArgumentException("JMH results have no " + method + " benchmark");
        }
        final List<SizedCost> costs = new ArrayList<>();
        for (final JmhResults.Entry entry : entries)
        {
            checkUnit(entry);
            if (entry.sizeBytes() == null)
            {
                throw new IllegalArgumentException("JMH results: " + method + " has no size parameter");
            }
            costs.add(new SizedCost(entry.sizeBytes(), entry.score(), entry.error()));
        }
        return new SizedCosts(what, costs, line(costs));
    }

    private static void checkUnit(final JmhResults.Entry entry)
    {
        if (!"ns/op".equals(entry.unit()))
        {
            throw new IllegalArgumentException("JMH results: " + entry.method() + " must be in ns/op: unit=" + entry.unit());
        }
    }

    private static CostLine line(final List<SizedCost> costs)
    {
        final TreeSet<Long> sizes = new TreeSet<>();
        costs.forEach(cost -> sizes.add(cost.sizeBytes()));
        if (sizes.size() < 2)
        {
            return null;
        }
        final double[] x = new double[costs.size()];
        final double[] y = new double[costs.size()];
        for (int i = 0; i < x.length; i++)
        {
            x[i] = costs.get(i).sizeBytes();
            y[i] = costs.get(i).ns();
        }
        final LineFit fit = LineFit.fit(x, y);
        return new CostLine(fit.intercept(), fit.slope(), fit.interceptInterval(), fit.slopeInterval());
    }

    /**
     * The newest calibration under a results directory: the one {@code calibration/latest} points
     * at, or else the calibration directory whose id sorts last.
     *
     * @return null when there is none.
     * @throws IllegalArgumentException when the newest calibration cannot be read; the message names the file.
     */
    public static Calibration latest(final Path resultsRoot)
    {
        final Path root = resultsRoot.resolve(DIRECTORY);
        final Path latest = root.resolve(LATEST).resolve(FILE);
        if (Files.isRegularFile(latest))
        {
            return read(latest);
        }
        if (!Files.isDirectory(root))
        {
            return null;
        }
        String newest = null;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root))
        {
            for (final Path entry : entries)
            {
                final String name = entry.getFileName().toString();
                if (!name.startsWith(".") && Files.isRegularFile(entry.resolve(FILE)) && (newest == null || name.compareTo(newest) > 0))
                {
                    newest = name;
                }
            }
        }
        catch (final IOException ex)
        {
            throw new IllegalArgumentException("cannot list calibrations in " + root + ": " + ex.getMessage());
        }
        return newest == null ? null : read(root.resolve(newest).resolve(FILE));
    }

    /**
     * Reads a {@code calibration.json}.
     *
     * @throws IllegalArgumentException naming the file when it cannot be read or is not schema {@value #SCHEMA}.
     */
    public static Calibration read(final Path file)
    {
        final JsonNode root;
        try
        {
            root = JSON.readTree(file.toFile());
        }
        catch (final IOException ex)
        {
            throw new IllegalArgumentException("cannot read calibration " + file + ": " + ex.getMessage());
        }
        if (root == null || !SCHEMA.equals(root.path("schema").asText()))
        {
            throw new IllegalArgumentException("calibration " + file + " must have schema " + SCHEMA + ": schema=" +
                (root == null ? "none" : root.path("schema").asText("none")));
        }
        try
        {
            return new Calibration(
                root.path("id").asText(),
                root.path("created").asText(),
                map(root.path("environment")),
                map(root.path("jmh")),
                cost(root, "syscall"),
                cost(root, "nanotime"),
                root.path("jna_call").path("ns").isNumber() ? cost(root, "jna_call") : new Cost(Double.NaN, Double.NaN),
                sizedCosts(root.path("copy").path("heap_to_direct"), "copy.heap_to_direct"),
                sizedCosts(root.path("copy").path("direct_to_direct"), "copy.direct_to_direct"),
                sizedCosts(root.path("crc32c"), "crc32c"));
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException("calibration " + file + " " + ex.getMessage());
        }
    }

    private static Cost cost(final JsonNode root, final String name)
    {
        final JsonNode node = root.path(name);
        if (!node.path("ns").isNumber())
        {
            throw new IllegalArgumentException("has no " + name + ".ns");
        }
        return new Cost(node.path("ns").asDouble(), number(node.path("error_ns")));
    }

    private static SizedCosts sizedCosts(final JsonNode node, final String name)
    {
        if (!node.path("by_size").isArray())
        {
            throw new IllegalArgumentException("has no " + name + ".by_size");
        }
        final List<SizedCost> costs = new ArrayList<>();
        for (final JsonNode entry : node.path("by_size"))
        {
            costs.add(new SizedCost(entry.path("size_bytes").asLong(), entry.path("ns").asDouble(), number(entry.path("error_ns"))));
        }
        final JsonNode fit = node.path("fit");
        final CostLine line = fit.path("per_byte_ns").isNumber() ? new CostLine(fit.path("fixed_ns").asDouble(),
            fit.path("per_byte_ns").asDouble(), pair(fit.path("fixed_ns_interval")), pair(fit.path("per_byte_ns_interval"))) : null;
        return new SizedCosts(node.path("what").asText(), costs, line);
    }

    private static double number(final JsonNode node)
    {
        return node.isNumber() ? node.asDouble() : Double.NaN;
    }

    private static double[] pair(final JsonNode node)
    {
        return new double[] {number(node.path(0)), number(node.path(1))};
    }

    private static Map<String, Object> map(final JsonNode node)
    {
        final Map<String, Object> map = new LinkedHashMap<>();
        for (final Map.Entry<String, JsonNode> field : node.properties())
        {
            map.put(field.getKey(), JSON.convertValue(field.getValue(), Object.class));
        }
        return map;
    }

    /** The document written as calibration.json. */
    public Map<String, Object> toJson()
    {
        final Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("schema", SCHEMA);
        doc.put("id", id);
        doc.put("created", created);
        doc.put("environment", environment);
        doc.put("jmh", settings);
        doc.put("syscall", costJson(syscall, "getpid through syscall(2), JNA direct mapping: a kernel entry and exit"));
        doc.put("nanotime", costJson(nanoTime, "System.nanoTime (CLOCK_MONOTONIC)"));
        doc.put("jna_call", costJson(jnaCall, "sched_getcpu through JNA, answered in user space: JNA's own cost per native call"));
        final Map<String, Object> copy = new LinkedHashMap<>();
        copy.put("heap_to_direct", sizedJson(heapToDirect));
        copy.put("direct_to_direct", sizedJson(directToDirect));
        doc.put("copy", copy);
        doc.put("crc32c", sizedJson(crc32c));
        doc.put("notes", List.of(
            "ns: JMH average time per operation; error_ns: half-width of JMH's 99.9% confidence interval (null: one iteration)",
            "fit: ns = fixed_ns + per_byte_ns * size over the sizes measured, Theil-Sen (median of pairwise slopes), " +
                "95% intervals from " + LineFit.BOOTSTRAP_REPLICATES + " bootstrap resamples of the sizes",
            "bytes_per_ns = GB/s"));
        return doc;
    }

    /** calibration.json's text. */
    public String toJsonText()
    {
        try
        {
            return JSON.writeValueAsString(toJson());
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("cannot write calibration as JSON", ex);
        }
    }

    private static Map<String, Object> costJson(final Cost cost, final String what)
    {
        final Map<String, Object> node = new LinkedHashMap<>();
        node.put("what", what);
        node.put("ns", finite(cost.ns()));
        node.put("error_ns", finite(cost.errorNs()));
        return node;
    }

    private static Map<String, Object> sizedJson(final SizedCosts costs)
    {
        final Map<String, Object> node = new LinkedHashMap<>();
        node.put("what", costs.what());
        final List<Map<String, Object>> bySize = new ArrayList<>();
        for (final SizedCost cost : costs.bySize())
        {
            final Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("size_bytes", cost.sizeBytes());
            entry.put("ns", finite(cost.ns()));
            entry.put("error_ns", finite(cost.errorNs()));
            entry.put("bytes_per_ns", finite(cost.bytesPerNs()));
            bySize.add(entry);
        }
        node.put("by_size", bySize);
        final CostLine line = costs.fit();
        if (line != null)
        {
            final Map<String, Object> fit = new LinkedHashMap<>();
            fit.put("method", "theil-sen");
            fit.put("fixed_ns", finite(line.fixedNs()));
            fit.put("fixed_ns_interval", interval(line.fixedInterval()));
            fit.put("per_byte_ns", finite(line.perByteNs()));
            fit.put("per_byte_ns_interval", interval(line.perByteInterval()));
            fit.put("bytes_per_ns", finite(line.bytesPerNs()));
            node.put("fit", fit);
        }
        else
        {
            node.put("fit", null);
        }
        return node;
    }

    private static List<Object> interval(final double[] interval)
    {
        final List<Object> list = new ArrayList<>();
        list.add(finite(interval[0]));
        list.add(finite(interval[1]));
        return list;
    }

    /** JSON has no NaN or infinity: those are written as null. */
    private static Object finite(final double value)
    {
        return Double.isFinite(value) ? value : null;
    }

    /** The readable summary {@code ipcbench calibrate} prints. */
    public String summary()
    {
        final StringBuilder out = new StringBuilder();
        out.append("Calibration ").append(id).append(": ").append(environment.getOrDefault("cpu_model", "unknown CPU"))
            .append(", CPUs ").append(environment.getOrDefault("cpus_online", "?"))
            .append(", Linux ").append(environment.getOrDefault("kernel", "?"))
            .append(", Java ").append(environment.getOrDefault("java_version", "?")).append('\n');
        out.append(String.format(Locale.ROOT, "  JMH %s: %s fork per benchmark and size, %s x %s ms warm-up, %s x %s ms measured; " +
                "± is JMH's 99.9%% interval%n",
            settings.getOrDefault("version", "?"), settings.getOrDefault("forks", "?"),
            settings.getOrDefault("warmup_iterations", "?"), settings.getOrDefault("warmup_ms", "?"),
            settings.getOrDefault("measurement_iterations", "?"), settings.getOrDefault("measurement_ms", "?")));
        final String busy = busy(environment);
        if (busy != null)
        {
            out.append("  note: ").append(busy).append('\n');
        }
        out.append('\n');
        fixedLine(out, "system call (getpid via syscall(2), JNA)", syscall);
        if (Double.isFinite(jnaCall.ns()))
        {
            fixedLine(out, "of which JNA's own (sched_getcpu, no kernel)", jnaCall);
        }
        fixedLine(out, "System.nanoTime", nanoTime);
        out.append('\n');
        final List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("size", "heap->direct copy", "direct->direct copy", "CRC32C"));
        final TreeSet<Long> sizes = new TreeSet<>();
        for (final SizedCosts costs : List.of(heapToDirect, directToDirect, crc32c))
        {
            costs.bySize().forEach(cost -> sizes.add(cost.sizeBytes()));
        }
        for (final long size : sizes)
        {
            rows.add(List.of(Sizes.format(size), cell(heapToDirect, size), cell(directToDirect, size), cell(crc32c, size)));
        }
        align(out, rows);
        out.append("  ns at each size (B/ns = GB/s in brackets)\n\n");
        out.append("  fitted cost = fixed + per byte x size (Theil-Sen over the sizes; 95% bootstrap interval):\n");
        for (final SizedCosts costs : List.of(heapToDirect, directToDirect, crc32c))
        {
            out.append("    ").append(String.format(Locale.ROOT, "%-50s", costs.what())).append(' ').append(line(costs.fit())).append('\n');
        }
        return out.toString();
    }

    /**
     * Why the figures may be inflated, or null: a load average at the start of half the CPUs or
     * more means other work shared them, and JMH's average time per operation includes the time
     * a benchmark spent waiting for a CPU.
     */
    static String busy(final Map<String, Object> environment)
    {
        final Object load = environment.get("load_average_at_start");
        final Object cpus = environment.get("cpus_available_to_jvm");
        if (!(load instanceof String) || !(cpus instanceof Number))
        {
            return null;
        }
        final double oneMinute;
        try
        {
            oneMinute = Double.parseDouble(((String)load).trim().split("\\s+")[0]);
        }
        catch (final NumberFormatException ex)
        {
            return null;
        }
        final int count = ((Number)cpus).intValue();
        if (oneMinute < count / 2.0)
        {
            return null;
        }
        return String.format(Locale.ROOT, "the load average was %s at the start, on %d CPUs: other work shared them, " +
            "so these figures are likely inflated; calibrate on a quiet machine", Format.significant(oneMinute), count);
    }

    private static void fixedLine(final StringBuilder out, final String what, final Cost cost)
    {
        out.append(String.format(Locale.ROOT, "  %-46s %s ns%n", what, withError(cost.ns(), cost.errorNs())));
    }

    private static String cell(final SizedCosts costs, final long size)
    {
        for (final SizedCost cost : costs.bySize())
        {
            if (cost.sizeBytes() == size)
            {
                return withError(cost.ns(), cost.errorNs()) + " ns (" + Format.significant(cost.bytesPerNs()) + ")";
            }
        }
        return "-";
    }

    /** {@code 12.3 ns + 0.081 ns/B [0.070-0.090] = 12.3 B/ns}, or why there is no line. */
    static String line(final CostLine line)
    {
        if (line == null)
        {
            return "no fit: fewer than two sizes";
        }
        return Format.significant(line.fixedNs()) + " ns + " + Format.significant(line.perByteNs()) + " ns/B [" +
            Format.significant(line.perByteInterval()[0]) + "-" + Format.significant(line.perByteInterval()[1]) + "] = " +
            Format.significant(line.bytesPerNs()) + " B/ns";
    }

    private static String withError(final double value, final double error)
    {
        return Format.significant(value) + (Double.isFinite(error) ? " ± " + Format.significant(error) : "");
    }

    private static void align(final StringBuilder out, final List<List<String>> rows)
    {
        final int[] widths = new int[rows.get(0).size()];
        for (final List<String> row : rows)
        {
            for (int i = 0; i < row.size(); i++)
            {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (final List<String> row : rows)
        {
            final StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < row.size(); i++)
            {
                final String cell = row.get(i);
                line.append(i == 0 ? cell + " ".repeat(widths[i] - cell.length()) : "   " + " ".repeat(widths[i] - cell.length()) + cell);
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }

    public String id()
    {
        return id;
    }

    public String created()
    {
        return created;
    }

    public Map<String, Object> environment()
    {
        return environment;
    }

    /** JMH version and options the calibration ran with. */
    public Map<String, Object> settings()
    {
        return settings;
    }

    /** One raw system call (getpid through syscall(2) via JNA). */
    public Cost syscall()
    {
        return syscall;
    }

    public Cost nanoTime()
    {
        return nanoTime;
    }

    /** A native call through JNA that does not enter the kernel (sched_getcpu): NaN in calibrations made before it was measured. */
    public Cost jnaCall()
    {
        return jnaCall;
    }

    public SizedCosts heapToDirect()
    {
        return heapToDirect;
    }

    /** The copy a transport makes into or out of shared memory, and the stand-in for a kernel copy. */
    public SizedCosts directToDirect()
    {
        return directToDirect;
    }

    public SizedCosts crc32c()
    {
        return crc32c;
    }
}
