package io.ipcbench.harness.report;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.ipcbench.harness.model.CostModel;
import io.ipcbench.harness.model.RunPoints;
import io.ipcbench.harness.model.SeriesFit;
import io.ipcbench.harness.report.html.ChartSpecs;
import io.ipcbench.harness.report.html.Html;
import io.ipcbench.harness.report.html.SeriesColours;
import io.ipcbench.harness.report.html.UPlotAssets;
import io.ipcbench.harness.results.AtomicFiles;
import io.ipcbench.harness.results.RunReader;
import io.ipcbench.harness.results.RunRecorder;
import io.ipcbench.harness.stats.Metric;
import io.ipcbench.harness.sweep.PointRecord;
import io.ipcbench.harness.sweep.Sizes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The self-contained HTML report of a run, {@code report.html} beside its run.json. It is built
 * from run.json alone, so it can be written again for any run, finished, interrupted or old.
 * The page needs no network: uPlot's script and style, the report's own script and style, and
 * the chart data are all inside the file.
 */
public final class HtmlReport
{
    /** The report's file name inside a run directory. */
    public static final String FILE_NAME = "report.html";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final List<String> KIND_ORDER = List.of("crossover", "within_noise", "unassessed", "no_crossover");
    private static final String RESOURCES = "/io/ipcbench/harness/report/html/";

    private HtmlReport()
    {
    }

    /**
     * Writes {@code report.html} for a run, replacing any earlier one in a single rename, so a
     * reader never sees half a report. Safe to call at the end of every sweep, and again later
     * on the same run: it reads nothing but run.json and writes nothing but report.html.
     *
     * @param runDirectory a run's directory, the one holding its run.json.
     * @return the file written.
     * @throws IllegalArgumentException when the directory is not a readable ipcbench run.
     * @throws IllegalStateException when the report cannot be made (uPlot missing from the classpath, a fault here).
     * @throws IOException when the report cannot be written.
     */
    public static Path write(final Path runDirectory) throws IOException
    {
        final JsonNode run = read(runDirectory);
        final Path report = runDirectory.resolve(FILE_NAME);
        final String html;
        try
        {
            html = render(run);
        }
        catch (final IllegalStateException ex)
        {
            throw ex;
        }
        catch (final RuntimeException ex)
        {
            // a run.json of a shape this code did not foresee must name the run, not just a stack frame
            throw new IllegalStateException("report.html cannot be made for " + runDirectory + ": " + ex, ex);
        }
        AtomicFiles.write(report, html);
        return report;
    }

    /**
     * Reads and checks a run's run.json.
     *
     * @param runDirectory a run's directory.
     * @return the parsed document.
     * @throws IllegalArgumentException naming the path and what is wrong with it.
     */
    public static JsonNode read(final Path runDirectory)
    {
        if (runDirectory == null)
        {
            throw new IllegalArgumentException("run directory must be given");
        }
        if (!Files.isDirectory(runDirectory))
        {
            throw new IllegalArgumentException(Files.exists(runDirectory) ?
                "not a run directory: " + runDirectory + " is a file" :
                "no such run directory: " + runDirectory);
        }
        final Path file = runDirectory.resolve("run.json");
        if (!Files.isRegularFile(file))
        {
            throw new IllegalArgumentException("not a run directory: " + runDirectory + " has no run.json");
        }
        final JsonNode run;
        try
        {
            run = new ObjectMapper().readTree(file.toFile());
        }
        catch (final JacksonException ex)
        {
            throw new IllegalArgumentException("run.json is not valid JSON: " + file + ": " + ex.getOriginalMessage());
        }
        catch (final IOException ex)
        {
            throw new IllegalArgumentException("run.json cannot be read: " + file + ": " + ex.getMessage());
        }
        if (run == null || !run.isObject())
        {
            throw new IllegalArgumentException("run.json is not a JSON object: " + file);
        }
        final String schema = run.path("schema").asText("");
        if (!RunRecorder.SCHEMA.equals(schema))
        {
            throw new IllegalArgumentException("run.json has schema '" + schema + "', this ipcbench reads " + RunRecorder.SCHEMA + ": " + file);
        }
        return run;
    }

    /**
     * The whole page for a run. It depends on run.json alone, not on when it is written: the same
     * run.json gives the same bytes, so rewriting the report of an unchanged run changes nothing.
     */
    static String render(final JsonNode run)
    {
        final SeriesColours colours = new SeriesColours(ChartSpecs.series(run));
        final List<ChartSpecs.ModeSection> sections = ChartSpecs.build(run, colours);
        final ArrayNode specs = JsonNodeFactory.instance.arrayNode();
        sections.forEach(section -> section.charts().forEach(chart -> specs.add(chart.spec())));

        final StringBuilder out = new StringBuilder(256 * 1024);
        final String runId = run.path("run_id").asText("?");
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .append("<meta name=\"generator\" content=\"ipcbench report\">\n")
            .append("<title>ipcbench run ").append(Html.escape(runId)).append("</title>\n")
            .append("<style>\n").append(UPlotAssets.css()).append("\n</style>\n")
            .append("<style>\n").append(resource("report.css")).append("</style>\n")
            .append("</head>\n")
            .append("<body data-charts-expected=\"").append(specs.size()).append("\" data-charts-rendered=\"0\" data-errors=\"\">\n");
        // first in the body, so an error anywhere after it, uPlot's own included, is recorded
        out.append("<script>\nwindow.ipcbenchErrors = [];\nwindow.onerror = function (message, source, line)\n{\n")
            .append("    window.ipcbenchErrors.push(String(message) + (line ? \" (line \" + line + \")\" : \"\"));\n")
            .append("    document.body.setAttribute(\"data-errors\", window.ipcbenchErrors.join(\" | \"));\n")
            .append("    return false;\n};\n</script>\n");
        header(out, run, sections);
        out.append("<main>\n");
        banner(out, run);
        howToRead(out, run, sections);
        for (final ChartSpecs.ModeSection section : sections)
        {
            modeSection(out, run, section, colours);
        }
        if (sections.isEmpty())
        {
            out.append("<section class=\"panel\"><h2>No points yet</h2><p class=\"lede\">run.json holds no finished point, ")
                .append("so there is nothing to chart.</p></section>\n");
        }
        costModel(out, run);
        failures(out, run);
        environment(out, run.path("environment"));
        configuration(out, run.path("configuration"));
        out.append("<footer>Written by <code>ipcbench report</code> from the run.json of ").append(Html.escape(measured(run)))
            .append(". Charts: uPlot ").append(Html.escape(UPlotAssets.version()))
            .append(" (MIT licence), inlined with everything else: this file needs no network.</footer>\n");
        out.append("</main>\n");
        out.append("<script type=\"application/json\" id=\"ipcbench-charts\">").append(Html.scriptJson(specs)).append("</script>\n");
        out.append("<script>\n/*\n").append(UPlotAssets.license().replace("*/", "* /")).append("*/\n")
            .append(UPlotAssets.script()).append("\n</script>\n");
        out.append("<script>\n").append(resource("report.js")).append("</script>\n");
        out.append("</body>\n</html>\n");
        return out.toString();
    }

    private static void header(final StringBuilder out, final JsonNode run, final List<ChartSpecs.ModeSection> sections)
    {
        final JsonNode env = run.path("environment");
        final JsonNode config = run.path("configuration");
        final String status = RunReader.status(run);
        out.append("<header class=\"run\"><div class=\"inner\">\n<div class=\"kicker\">ipcbench report</div>\n")
            .append("<h1>Run ").append(Html.escape(run.path("run_id").asText("?")))
            .append("<span class=\"status ").append(statusClass(status)).append("\">").append(Html.escape(statusLabel(status))).append("</span></h1>\n")
            .append("<div class=\"facts\">");
        final Instant started = instant(run.path("started"));
        final Instant finished = instant(run.path("finished"));
        if (started != null)
        {
            fact(out, "Started", WHEN.format(started));
        }
        if (started != null && finished != null)
        {
            fact(out, "Took", Format.duration(Duration.between(started, finished).toNanos()));
        }
        final List<String> host = new ArrayList<>();
        addText(host, env.path("cpu_model"), "");
        if (env.path("cpus_available_to_jvm").isNumber())
        {
            host.add(env.path("cpus_available_to_jvm").asInt() + " CPUs");
        }
        addText(host, env.path("kernel"), "Linux ");
        if (!host.isEmpty())
        {
            fact(out, "Host", String.join(", ", host));
        }
        fact(out, "Points", pointsRan(run));
        out.append("</div>\n");
        final String command = config.path("command").asText("");
        if (!command.isEmpty())
        {
            out.append("<p class=\"command\"><code>").append(Html.escape(command)).append("</code></p>\n");
        }
        out.append("<nav>");
        for (final ChartSpecs.ModeSection section : sections)
        {
            out.append("<a href=\"#").append(section.mode()).append("\">").append(Html.escape(modeTitle(section.mode()))).append("</a>");
        }
        if (run.path("points").size() > 0)
        {
            out.append("<a href=\"#why\">Why: the cost model</a>");
        }
        if (run.path("failures").size() > 0)
        {
            out.append("<a href=\"#failures\">Failures (").append(run.path("failures").size()).append(")</a>");
        }
        out.append("<a href=\"#environment\">Environment</a><a href=\"#configuration\">Configuration</a></nav>\n");
        out.append("</div></header>\n");
    }

    /**
     * How many points ran and how many times each, failed repetitions included, from the points
     * themselves rather than from {@code --repeat}, which an interrupted run did not reach:
     * {@code 40 × 2 repetitions}, {@code 41 × 1 repetition (3 repetitions asked)},
     * {@code 41, 1 to 3 repetitions each (3 repetitions asked)}.
     */
    static String pointsRan(final JsonNode run)
    {
        final int[] ran = repetitionsRan(run);
        final int points = run.path("points").size();
        final int asked = run.path("configuration").path("repeat").asInt(0);
        final String text;
        if (points == 0)
        {
            text = "none yet";
        }
        else if (ran[0] == ran[1])
        {
            text = points + " × " + ran[1] + (ran[1] == 1 ? " repetition" : " repetitions");
        }
        else
        {
            text = points + ", " + ran[0] + " to " + ran[1] + " repetitions each";
        }
        return asked > 0 && (points == 0 || ran[0] != asked || ran[1] != asked) ?
            text + " (" + asked + (asked == 1 ? " repetition" : " repetitions") + " asked)" : text;
    }

    /** The fewest and the most repetitions any point ran, failed ones included; {0, 0} when there is no point. */
    private static int[] repetitionsRan(final JsonNode run)
    {
        int fewest = Integer.MAX_VALUE;
        int most = 0;
        for (final JsonNode point : run.path("points"))
        {
            final int repetitions = point.path("repetitions").size();
            fewest = Math.min(fewest, repetitions);
            most = Math.max(most, repetitions);
        }
        return new int[] {fewest == Integer.MAX_VALUE ? 0 : fewest, most};
    }

    /** When the run was measured, for the footer: from run.json, so the page does not change when it is written again. */
    private static String measured(final JsonNode run)
    {
        final String id = "run " + run.path("run_id").asText("?");
        final Instant started = instant(run.path("started"));
        final Instant finished = instant(run.path("finished"));
        if (started == null)
        {
            return id;
        }
        if (finished == null)
        {
            return id + ", started " + WHEN.format(started) + " and not finished when run.json was last written";
        }
        return id + ", measured " + WHEN.format(started) + " to " + WHEN.format(finished);
    }

    private static void fact(final StringBuilder out, final String name, final String value)
    {
        out.append("<span>").append(Html.escape(name)).append(" <b>").append(Html.escape(value)).append("</b></span>");
    }

    private static void addText(final List<String> parts, final JsonNode node, final String prefix)
    {
        if (node.isValueNode() && !node.asText().isBlank())
        {
            parts.add(prefix + node.asText());
        }
    }

    private static void banner(final StringBuilder out, final JsonNode run)
    {
        final String status = RunReader.status(run);
        final String text;
        switch (status)
        {
            case "complete":
                return;
            case "running":
                text = "This run had not finished when the report was written: it shows the points finished so far. " +
                    "Write it again with <code>ipcbench report</code> once the sweep ends.";
                break;
            case "interrupted":
                text = "This run was interrupted: the report shows the points that finished before it stopped.";
                break;
            case "complete-with-failures":
                text = "Every point ran, but some repetitions failed: they are left out of the figures and listed under " +
                    "<a href=\"#failures\">Failures</a>.";
                break;
            case "failed":
                text = "This run failed: the report shows what finished before it stopped; see <a href=\"#failures\">Failures</a>.";
                break;
            case RunReader.ABANDONED:
                text = "This run was left unfinished: its harness was killed outright (SIGKILL, the OOM killer) and could not " +
                    "mark it; the report shows the points that finished before.";
                break;
            default:
                text = "This run's status is '" + Html.escape(status) + "'.";
        }
        out.append("<div class=\"banner ").append("failed".equals(status) ? "bad" : "warn").append("\">").append(text).append("</div>\n");
    }

    private static void howToRead(final StringBuilder out, final JsonNode run, final List<ChartSpecs.ModeSection> sections)
    {
        final int[] ran = repetitionsRan(run);
        final int asked = run.path("configuration").path("repeat").asInt(0);
        out.append("<section class=\"panel\" id=\"how-to-read\">\n<h2>How to read this</h2>\n<p class=\"lede\">")
            .append("Every point (transport, mode, size) ran in a fresh pair of producer and consumer processes");
        if (ran[1] > 1)
        {
            out.append(", ").append(ran[0] == ran[1] ? String.valueOf(ran[1]) : ran[0] + " to " + ran[1])
                .append(" times with the transports interleaved");
            if (asked > ran[0])
            {
                out.append(" (").append(asked).append(" asked: the run stopped before every point had them all)");
            }
            out.append(". A line joins the medians of the repetitions and the shaded band around it spans the lowest and ")
                .append("highest repetition: where the bands of two series overlap, their order is within the noise.");
        }
        else
        {
            out.append(", once");
            if (asked > 1)
            {
                out.append(" (").append(asked).append(" asked: the run stopped before any point's second)");
            }
            out.append(". With a single repetition there is no spread to show, so the charts have no bands and no ")
                .append(asked > 1 ? "crossover is claimed." : "crossover is claimed; run with <code>--repeat 3</code> to judge the noise.");
        }
        out.append(" Latency and throughput charts are log-log: equal distances are equal ratios, on the size axis as on the ")
            .append("figures. A dashed vertical line marks a <em>crossover</em>, the size at which two series change places ")
            .append("by more than the noise (the break-even list under each chart says how it was judged). Hover over a chart ")
            .append("for the figures at that size; click a legend entry to hide a series.</p>\n<p class=\"lede\">")
            .append("The cost charts count what the figures above do not: CPU time of the two measuring threads per message, ")
            .append("how many cores they kept busy (a spinning reader takes a whole one whenever the scheduler lets it, even when idle: less means other work shared its CPU), and system calls ")
            .append("per message. Latencies are in microseconds; MB is 10<sup>6</sup> bytes; sizes are payload bytes, ")
            .append("without the 24-byte header each message also carries.</p>\n</section>\n");
    }

    private static void modeSection(final StringBuilder out, final JsonNode run, final ChartSpecs.ModeSection section, final SeriesColours colours)
    {
        final String mode = section.mode();
        out.append("<section class=\"panel\" id=\"").append(mode).append("\">\n<h2>").append(Html.escape(modeTitle(mode))).append("</h2>\n")
            .append("<p class=\"lede\">").append(modeLede(mode)).append("</p>\n");
        out.append("<div class=\"key\">");
        for (final String series : section.series())
        {
            out.append("<span class=\"item\"><span class=\"chip\" style=\"background:").append(colours.of(series)).append("\"></span>")
                .append(Html.escape(series)).append("</span>");
        }
        if (section.bands())
        {
            out.append("<span class=\"item\"><span class=\"style band\"></span>min–max of the repetitions</span>");
        }
        final boolean markers = section.headline() != null && section.headline().spec().path("markers").size() > 0;
        if (markers)
        {
            out.append("<span class=\"item\"><span class=\"style marker\"></span>crossover</span>");
        }
        out.append("</div>\n");
        if (section.headline() != null)
        {
            chartCard(out, section.headline());
        }
        if (!section.costs().isEmpty())
        {
            out.append("<div class=\"grid\">\n");
            section.costs().forEach(chart -> chartCard(out, chart));
            out.append("</div>\n");
        }
        for (final String note : section.notes())
        {
            out.append("<div class=\"note\">").append(Html.escape(note)).append("</div>\n");
        }
        breakEven(out, run, mode);
        figuresTable(out, run, mode, section.series());
        out.append("</section>\n");
    }

    private static void chartCard(final StringBuilder out, final ChartSpecs.Chart chart)
    {
        out.append("<div class=\"chart-card\"><h3>").append(Html.escape(chart.title())).append("</h3>")
            .append("<p class=\"caption\">").append(Html.escape(chart.caption())).append("</p>")
            .append("<div class=\"chart\" id=\"").append(Html.escape(chart.id())).append("\"></div></div>\n");
    }

    private static void breakEven(final StringBuilder out, final JsonNode run, final String mode)
    {
        final List<JsonNode> entries = new ArrayList<>();
        for (final JsonNode entry : run.path("break_even"))
        {
            if (mode.equals(entry.path("mode").asText()))
            {
                entries.add(entry);
            }
        }
        if (entries.isEmpty())
        {
            return;
        }
        entries.sort((a, b) -> Integer.compare(kindRank(a.path("kind").asText()), kindRank(b.path("kind").asText())));
        final String metric = entries.get(0).path("metric").asText();
        out.append("<div class=\"findings-block\"><h3>Break-even: ").append(Html.escape(metricName(metric)))
            .append("</h3>\n<ul class=\"findings\">\n");
        for (final JsonNode entry : entries)
        {
            final String kind = entry.path("kind").asText("unknown");
            out.append("<li><span class=\"tag ").append(Html.escape(kind)).append("\">").append(Html.escape(kind.replace('_', ' ')))
                .append("</span><span>").append(Html.escape(metric.equals(entry.path("metric").asText()) ?
                    Format.withoutMetric(entry.path("text").asText()) : entry.path("text").asText()))
                .append("</span></li>\n");
        }
        out.append("</ul></div>\n");
    }


    private static int kindRank(final String kind)
    {
        final int rank = KIND_ORDER.indexOf(kind);
        return rank < 0 ? KIND_ORDER.size() : rank;
    }

    private static String metricName(final String key)
    {
        try
        {
            return Metric.fromKey(key).description();
        }
        catch (final IllegalArgumentException ex)
        {
            return key;
        }
    }

    /** The headline figure of each point, as in summary.txt: median [min-max], with failed repetitions counted. */
    private static void figuresTable(final StringBuilder out, final JsonNode run, final String mode, final List<String> series)
    {
        final String key;
        final boolean micros;
        switch (mode)
        {
            case "pingpong":
                key = "rtt_p50";
                micros = true;
                break;
            case "stream":
                key = "mb_per_s";
                micros = false;
                break;
            default:
                key = "owl_p50";
                micros = true;
        }
        final Map<String, Map<Long, JsonNode>> grid = ChartSpecs.grid(run, mode);
        final TreeSet<Long> sizes = new TreeSet<>();
        grid.values().forEach(points -> sizes.addAll(points.keySet()));
        out.append("<details><summary>Figures as a table: ").append(Html.escape(metricName(key))).append(micros ? " (µs)" : " (MB/s)")
            .append(", median [min–max]</summary>\n<table class=\"figures\"><thead><tr><th>size</th>");
        series.forEach(name -> out.append("<th class=\"num\">").append(Html.escape(name)).append("</th>"));
        out.append("</tr></thead><tbody>\n");
        for (final long size : sizes)
        {
            out.append("<tr><td>").append(Html.escape(Sizes.format(size))).append("</td>");
            for (final String name : series)
            {
                out.append("<td class=\"num\">").append(cell(grid.getOrDefault(name, Map.of()).get(size), key, micros)).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody></table></details>\n");
    }

    private static String cell(final JsonNode point, final String key, final boolean micros)
    {
        if (point == null)
        {
            return "–";
        }
        int failed = 0;
        for (final JsonNode rep : point.path("repetitions"))
        {
            failed += rep.path("ok").asBoolean(false) ? 0 : 1;
        }
        final JsonNode figure = point.path("metrics").path(key);
        if (!figure.path("median").isNumber())
        {
            return failed > 0 ? "<span class=\"failed\">FAILED</span>" : "–";
        }
        final StringBuilder text = new StringBuilder(number(figure.path("median").asDouble(), micros));
        if (figure.path("n").asInt(1) > 1)
        {
            text.append(" <span class=\"range\">[").append(number(figure.path("min").asDouble(), micros)).append("–")
                .append(number(figure.path("max").asDouble(), micros)).append("]</span>");
        }
        if (failed > 0)
        {
            text.append(" <span class=\"range\">(").append(failed).append(" failed)</span>");
        }
        return text.toString();
    }

    private static String number(final double value, final boolean micros)
    {
        return micros ? Format.micros(value) : Format.significant(value);
    }

    /**
     * The explanations of summary.txt: each series' fixed and per-byte cost with their intervals
     * (run.json's {@code cost_model.series}), the sentences explaining each break-even
     * ({@code cost_model.explanations}, written by the same code as the summary's), and the answers
     * to "shared memory against a socket" and "what spinning buys", built from the points by the
     * code that builds the summary's.
     */
    private static void costModel(final StringBuilder out, final JsonNode run)
    {
        if (run.path("points").size() == 0)
        {
            return;
        }
        final JsonNode model = run.path("cost_model");
        out.append("<section class=\"panel\" id=\"why\">\n<h2>Why: the cost model</h2>\n<p class=\"lede\">")
            .append("For each series and mode the latency of a message of <i>S</i> payload bytes is fitted to ")
            .append("<i>fixed</i> + <i>per byte</i> × <i>S</i>: ping-pong's round trip p50, stream's time per message ")
            .append("(10<sup>9</sup> / messages per second, in ns). The fixed cost is what a message costs before its first byte ")
            .append("(boundary crossings, system calls, wake-ups), the per-byte cost what each byte adds (the copies, and the checksum). ")
            .append("The fit is Theil–Sen over every successful repetition at every size; brackets hold 95% bootstrap intervals. ")
            .append("Two lines cross at <i>S</i>* = (<i>fixed</i><sub>2</sub> − <i>fixed</i><sub>1</sub>) / ")
            .append("(<i>per byte</i><sub>1</sub> − <i>per byte</i><sub>2</sub>): below it the series with the lower fixed cost wins, ")
            .append("above it the one with the lower per-byte cost.</p>\n");
        if (model.path("series").size() > 0)
        {
            fitTables(out, model.path("series"));
        }
        else
        {
            out.append("<p class=\"note\">").append(model.isObject() ?
                "No series was measured at two or more sizes: there is no line to fit." :
                "run.json holds no cost model: a sweep writes it when it ends, so a run that did not finish has none. " +
                "<code>ipcbench calibrate --explain RUN</code> fits one to the points recorded.").append("</p>\n");
        }
        explanations(out, run, model.path("explanations"));
        final List<PointRecord> records = records(run);
        answers(out, "Shared memory against a socket", "Where shared memory with blocking (futex) waits overtakes a Unix domain socket.",
            CostReport.blockingAnswers(records));
        answers(out, "What spinning buys", "Busy-spinning against futex waits on the same ring, at the smallest size both ran, and the cores it keeps busy.",
            CostReport.spinAnswers(records));
        out.append("</section>\n");
    }

    private static void fitTables(final StringBuilder out, final JsonNode series)
    {
        for (final String mode : List.of("pingpong", "stream"))
        {
            final List<JsonNode> fits = new ArrayList<>();
            series.forEach(fit ->
            {
                if (mode.equals(fit.path("mode").asText()))
                {
                    fits.add(fit);
                }
            });
            if (fits.isEmpty())
            {
                continue;
            }
            final boolean pingpong = "pingpong".equals(mode);
            out.append("<h3 class=\"model-title\">").append(pingpong ? "Ping-pong: round trip p50" : "Stream: time per message").append("</h3>\n")
                .append("<table class=\"figures model\"><thead><tr><th>series</th><th class=\"num\">fixed [95%]</th>")
                .append("<th class=\"num\">per byte [95%]</th><th class=\"num\">").append(pingpong ? "syscalls/round trip" : "syscalls/msg")
                .append("</th><th class=\"num\">fitted over</th><th>note</th></tr></thead><tbody>\n");
            for (final JsonNode fit : fits)
            {
                final JsonNode smallest = fit.path("at_smallest_size");
                final JsonNode producer = smallest.path("producer_syscalls_per_msg");
                final JsonNode consumer = smallest.path("consumer_syscalls_per_msg");
                final List<String> cells = CostModel.fitCells(number(fit.path("fixed_ns")), pair(fit.path("fixed_ns_interval")),
                    number(fit.path("per_byte_ns")), pair(fit.path("per_byte_ns_interval")),
                    producer.isNumber() && consumer.isNumber() ? producer.asDouble() + consumer.asDouble() : null);
                final JsonNode range = fit.path("size_range_bytes");
                out.append("<tr><td>").append(Html.escape(fit.path("series").asText())).append("</td>");
                cells.forEach(cell -> out.append("<td class=\"num\">").append(Html.escape(cell)).append("</td>"));
                out.append("<td class=\"num\">").append(Html.escape(Sizes.format(range.path(0).asLong()) + " – " +
                    Sizes.format(range.path(1).asLong()) + ", " + fit.path("points").asInt() + " points")).append("</td><td>")
                    .append(Html.escape(fitNote(fit))).append("</td></tr>\n");
            }
            out.append("</tbody></table>\n");
        }
    }

    private static double number(final JsonNode node)
    {
        return node.isNumber() ? node.asDouble() : Double.NaN;
    }

    /** An interval from run.json, or null where the cost model did not assess one (too few points). */
    private static double[] pair(final JsonNode node)
    {
        return node.isArray() && node.size() == 2 ? new double[] {number(node.path(0)), number(node.path(1))} : null;
    }

    /** What run.json says of a fit beside its figures: that the line is not a cost, or why it has no interval. */
    private static String fitNote(final JsonNode fit)
    {
        final List<String> notes = new ArrayList<>();
        for (final String key : List.of("fit_note", "interval_note"))
        {
            if (fit.path(key).isTextual() && !fit.path(key).asText().isEmpty())
            {
                notes.add(fit.path(key).asText());
            }
        }
        if (fit.path("fixed_ns_interval_below_zero").asBoolean(false))
        {
            notes.add(SeriesFit.FIXED_INTERVAL_BELOW_ZERO);
        }
        return String.join("; ", notes);
    }

    /**
     * The break-even explanations, the first naming the calibration; the pairs whose order flips
     * first and the others folded away, as summary.txt prints only the first.
     */
    private static void explanations(final StringBuilder out, final JsonNode run, final JsonNode sentences)
    {
        if (sentences.size() == 0)
        {
            return;
        }
        out.append("<h3 class=\"model-title\">Why each break-even</h3>\n<p class=\"note\">")
            .append(Html.escape(sentences.path(0).asText())).append("</p>\n");
        final List<String> rest = new ArrayList<>();
        for (int i = 1; i < sentences.size(); i++)
        {
            rest.add(sentences.path(i).asText());
        }
        final List<Boolean> flips = flips(run, rest);
        final List<String> flipping = new ArrayList<>();
        final List<String> steady = new ArrayList<>();
        for (int i = 0; i < rest.size(); i++)
        {
            (flips == null || flips.get(i) ? flipping : steady).add(rest.get(i));
        }
        sentenceList(out, flipping);
        if (!steady.isEmpty())
        {
            out.append("<details><summary>Pairs in the same order at every size (").append(steady.size()).append(")</summary>\n");
            sentenceList(out, steady);
            out.append("</details>\n");
        }
    }

    /**
     * For each explanation after the first, whether its pair's order flips: the cost model writes
     * one sentence per pair of each fitted mode, in the order of run.json's break_even, and each
     * starts with the mode and names both series. Null when the sentences do not line up with the
     * pairs (a run.json edited by hand), so that nothing is put under the wrong heading.
     */
    private static List<Boolean> flips(final JsonNode run, final List<String> sentences)
    {
        final Map<String, Boolean> pairs = new LinkedHashMap<>();
        final Map<String, String[]> names = new HashMap<>();
        for (final JsonNode entry : run.path("break_even"))
        {
            final String mode = entry.path("mode").asText();
            if (!"pingpong".equals(mode) && !"stream".equals(mode))
            {
                continue;
            }
            final String key = mode + "\n" + entry.path("a").asText() + "\n" + entry.path("b").asText();
            names.putIfAbsent(key, new String[] {mode, entry.path("a").asText(), entry.path("b").asText()});
            pairs.merge(key, !"no_crossover".equals(entry.path("kind").asText()), Boolean::logicalOr);
        }
        if (pairs.size() != sentences.size())
        {
            return null;
        }
        final List<Boolean> flips = new ArrayList<>();
        int i = 0;
        for (final Map.Entry<String, Boolean> pair : pairs.entrySet())
        {
            final String[] name = names.get(pair.getKey());
            final String sentence = sentences.get(i++);
            if (!sentence.startsWith(name[0] + ": ") || !sentence.contains(name[1]) || !sentence.contains(name[2]))
            {
                return null;
            }
            flips.add(pair.getValue());
        }
        return flips;
    }

    private static void sentenceList(final StringBuilder out, final List<String> sentences)
    {
        if (sentences.isEmpty())
        {
            return;
        }
        out.append("<ul class=\"why\">\n");
        sentences.forEach(sentence -> out.append("<li>").append(Html.escape(sentence)).append("</li>\n"));
        out.append("</ul>\n");
    }

    private static void answers(final StringBuilder out, final String title, final String lede, final List<String> lines)
    {
        if (lines.isEmpty())
        {
            return;
        }
        out.append("<h3 class=\"model-title\">").append(Html.escape(title)).append("</h3>\n<p class=\"lede\">")
            .append(Html.escape(lede)).append("</p>\n");
        sentenceList(out, lines);
    }

    /** The points as the summary's code takes them; none when run.json's points cannot be read. */
    private static List<PointRecord> records(final JsonNode run)
    {
        try
        {
            return RunPoints.read(run, "run.json");
        }
        catch (final IllegalArgumentException ex)
        {
            return List.of();
        }
    }

    private static void failures(final StringBuilder out, final JsonNode run)
    {
        final JsonNode failures = run.path("failures");
        if (failures.size() == 0)
        {
            return;
        }
        out.append("<section class=\"panel\" id=\"failures\">\n<h2>Failures (").append(failures.size()).append(")</h2>\n")
            .append("<p class=\"lede\">These repetitions did not produce figures; the charts and tables leave them out.</p>\n")
            .append("<table class=\"failures\"><thead><tr><th>point</th><th>repetition</th><th>what happened</th></tr></thead><tbody>\n");
        for (final JsonNode failure : failures)
        {
            out.append("<tr><td>").append(Html.escape(failure.path("point").asText())).append("</td><td>")
                .append(Html.escape(failure.path("repetition").asText())).append("</td><td>")
                .append(Html.escape(failure.path("failure").asText()));
            final String detail = failure.path("detail").asText("");
            if (!detail.isBlank())
            {
                out.append("<details><summary>detail</summary><pre class=\"mono\">").append(Html.escape(detail)).append("</pre></details>");
            }
            out.append("</td></tr>\n");
        }
        out.append("</tbody></table>\n</section>\n");
    }

    private static void environment(final StringBuilder out, final JsonNode env)
    {
        out.append("<section class=\"panel\" id=\"environment\">\n<h2>Environment</h2>\n")
            .append("<p class=\"lede\">Where the run ran, as recorded when it started.</p>\n<div class=\"two-col\"><div>\n")
            .append("<table class=\"kv\"><tbody>\n");
        final Iterator<Map.Entry<String, JsonNode>> fields = env.fields();
        while (fields.hasNext())
        {
            final Map.Entry<String, JsonNode> field = fields.next();
            if (!"mitigations".equals(field.getKey()) && !isFlags(field.getKey(), field.getValue()))
            {
                row(out, field.getKey(), field.getValue());
            }
        }
        out.append("</tbody></table>\n</div><div>\n<h3>Speculative-execution mitigations</h3>\n");
        final JsonNode mitigations = env.path("mitigations");
        if (mitigations.isObject() && mitigations.size() > 0)
        {
            out.append("<table class=\"kv\"><tbody>\n");
            final Iterator<Map.Entry<String, JsonNode>> entries = mitigations.fields();
            while (entries.hasNext())
            {
                final Map.Entry<String, JsonNode> entry = entries.next();
                final String state = entry.getValue().asText();
                out.append("<tr><th class=\"mono\">").append(Html.escape(entry.getKey())).append("</th><td")
                    .append(state.startsWith("Vulnerable") ? " class=\"vulnerable\"" : state.startsWith("Not affected") ? " class=\"unaffected\"" : "")
                    .append(">").append(Html.escape(state)).append("</td></tr>\n");
            }
            out.append("</tbody></table>\n");
        }
        else
        {
            out.append("<p class=\"note\">").append(Html.escape(mitigations.isMissingNode() || mitigations.isNull() ?
                "Not recorded." : mitigations.isObject() ? "None listed by the kernel." : mitigations.asText())).append("</p>\n");
        }
        out.append("</div></div>\n");
        final Iterator<Map.Entry<String, JsonNode>> flags = env.fields();
        while (flags.hasNext())
        {
            final Map.Entry<String, JsonNode> field = flags.next();
            if (isFlags(field.getKey(), field.getValue()))
            {
                out.append("<h3 class=\"flags-title\">").append(Html.escape(field.getKey().replace('_', ' '))).append("</h3>\n<div class=\"flags\">");
                field.getValue().forEach(flag -> out.append("<code>").append(Html.escape(flag.asText())).append("</code>"));
                out.append("</div>\n");
            }
        }
        out.append("</section>\n");
    }

    private static boolean isFlags(final String key, final JsonNode value)
    {
        return key.endsWith("flags") && value.isArray();
    }

    private static void configuration(final StringBuilder out, final JsonNode config)
    {
        out.append("<section class=\"panel\" id=\"configuration\">\n<h2>Configuration</h2>\n<table class=\"kv\"><tbody>\n");
        final Iterator<Map.Entry<String, JsonNode>> fields = config.fields();
        while (fields.hasNext())
        {
            final Map.Entry<String, JsonNode> field = fields.next();
            if ("sizes".equals(field.getKey()) && field.getValue().isArray())
            {
                final List<String> sizes = new ArrayList<>();
                field.getValue().forEach(size -> sizes.add(Sizes.format(size.asLong())));
                out.append("<tr><th>sizes</th><td>").append(Html.escape(String.join(", ", sizes))).append("</td></tr>\n");
            }
            else
            {
                row(out, field.getKey(), field.getValue());
            }
        }
        out.append("</tbody></table>\n</section>\n");
    }

    private static void row(final StringBuilder out, final String key, final JsonNode value)
    {
        out.append("<tr><th>").append(Html.escape(label(key, value))).append("</th><td>")
            .append(Html.escape(text(key, value))).append("</td></tr>\n");
    }

    /** A value as a reader wants it: durations in ns shown in their unit, lists and objects on one line. */
    private static String text(final String key, final JsonNode value)
    {
        if (value == null || value.isNull() || value.isMissingNode())
        {
            return "–";
        }
        if (value.isNumber() && key.endsWith("_ns"))
        {
            return nanos(value.asLong());
        }
        if (value.isArray())
        {
            final List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(text(key, item)));
            return String.join(", ", items);
        }
        if (value.isObject())
        {
            final List<String> items = new ArrayList<>();
            value.fields().forEachRemaining(entry -> items.add(label(entry.getKey(), entry.getValue()) + ": " + text(entry.getKey(), entry.getValue())));
            return String.join(", ", items);
        }
        return value.asText();
    }

    /**
     * A key as a label: {@code warmup_min_ns} reads {@code warmup min} when its value is shown as a
     * duration ({@code 100 ms}), which names the unit; otherwise the key with spaces for underscores.
     */
    static String label(final String key, final JsonNode value)
    {
        final boolean formatted = key.endsWith("_ns") && (value.isNumber() || value.isArray() && value.size() > 0 && allNumbers(value));
        return (formatted ? key.substring(0, key.length() - "_ns".length()) : key).replace('_', ' ');
    }

    private static boolean allNumbers(final JsonNode array)
    {
        for (final JsonNode item : array)
        {
            if (!item.isNumber())
            {
                return false;
            }
        }
        return true;
    }

    static String nanos(final long ns)
    {
        if (ns < 1_000)
        {
            return ns + " ns";
        }
        if (ns < 1_000_000)
        {
            return Format.significant(ns / 1e3) + " µs";
        }
        if (ns < 1_000_000_000)
        {
            return Format.significant(ns / 1e6) + " ms";
        }
        return Format.significant(ns / 1e9) + " s";
    }

    private static Instant instant(final JsonNode node)
    {
        if (!node.isTextual())
        {
            return null;
        }
        try
        {
            return Instant.parse(node.asText());
        }
        catch (final DateTimeParseException ex)
        {
            return null;
        }
    }

    /** The status as the header shows it: a run that stopped before its end says its figures are partial. */
    static String statusLabel(final String status)
    {
        switch (status)
        {
            case "interrupted":
            case "failed":
            case "running":
            case RunReader.ABANDONED:
                return status + ": partial results";
            default:
                return status;
        }
    }

    private static String statusClass(final String status)
    {
        switch (status)
        {
            case "complete":
                return "complete";
            case "failed":
                return "bad";
            default:
                return "warn";
        }
    }

    private static String modeTitle(final String mode)
    {
        switch (mode)
        {
            case "pingpong":
                return "Ping-pong: round-trip latency";
            case "stream":
                return "Stream: throughput";
            default:
                return "Fixed rate: one-way latency";
        }
    }

    private static String modeLede(final String mode)
    {
        switch (mode)
        {
            case "pingpong":
                return "The producer sends a payload and waits until the consumer has echoed all of it back: one message each way " +
                    "per round trip, nothing overlapped. Lower is better.";
            case "stream":
                return "The producer sends as fast as the transport takes messages; the clock stops when the consumer has read " +
                    "the last byte. Higher is better.";
            default:
                return "The producer sends at a fixed rate and each message's latency counts from the time it was due to be sent, " +
                    "so a stall is charged to every message it delayed. Lower is better.";
        }
    }

    private static String resource(final String name)
    {
        try (InputStream in = HtmlReport.class.getResourceAsStream(RESOURCES + name))
        {
            if (in == null)
            {
                throw new IllegalStateException("report resource missing from the classpath: " + RESOURCES + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("report resource cannot be read: " + RESOURCES + name, ex);
        }
    }
}
