package io.ipcbench.harness.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ipcbench.harness.model.RunPoints;
import io.ipcbench.harness.report.html.Html;
import io.ipcbench.harness.report.html.UPlotAssets;
import io.ipcbench.harness.sweep.PointRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.ipcbench.harness.report.ReportFixtures.ONE_REPETITION_NO_PERF;
import static io.ipcbench.harness.report.ReportFixtures.TWO_REPETITIONS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlReportTest
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CHARTS = Pattern.compile("<script type=\"application/json\" id=\"ipcbench-charts\">(.*?)</script>", Pattern.DOTALL);

    @TempDir
    Path temp;

    @Test
    void shouldWriteReportHtmlBesideRunJson() throws IOException
    {
        final Path run = ReportFixtures.runDirectory(temp, TWO_REPETITIONS);

        final Path written = HtmlReport.write(run);

        assertEquals(run.resolve("report.html"), written);
        assertTrue(Files.size(written) > 50_000);
        assertFalse(Files.exists(run.resolve(".report.html.tmp")));
    }

    @Test
    void shouldInlineUPlotAndLoadNothingFromTheNetwork() throws IOException
    {
        final String html = report(TWO_REPETITIONS);

        assertTrue(html.contains(UPlotAssets.script()), "uPlot's script is inlined");
        assertTrue(html.contains(UPlotAssets.css()), "uPlot's style is inlined");
        assertEquals("1.6.30", UPlotAssets.version());
        assertFalse(Pattern.compile("(?i)\\b(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//").matcher(html).find(), "a remote src or href");
        assertFalse(Pattern.compile("(?i)<script[^>]*\\bsrc\\s*=").matcher(html).find(), "a script loaded from a file");
        assertFalse(Pattern.compile("(?i)<link\\b").matcher(html).find(), "a linked stylesheet");
        assertFalse(Pattern.compile("(?i)@import|url\\(\\s*[\"']?(https?:)?//").matcher(html).find(), "a remote style resource");
    }

    @Test
    void shouldDrawEverySeriesOfTheRunOnEveryHeadlineChart() throws IOException
    {
        final JsonNode run = runJson(TWO_REPETITIONS);
        final JsonNode charts = charts(report(TWO_REPETITIONS));

        final Set<String> series = new HashSet<>();
        run.path("points").forEach(point -> series.add(point.path("series").asText()));
        assertEquals(Set.of("uds", "pipe", "tcp", "agrona/spin"), series);
        for (final String id : List.of("chart-pingpong-latency", "chart-stream-throughput"))
        {
            final Set<String> drawn = new HashSet<>();
            chart(charts, id).path("lines").forEach(line -> drawn.add(line.path("series").asText()));
            assertEquals(series, drawn, id);
        }
    }

    @Test
    void shouldMarkEveryCrossoverOnItsModesHeadlineChart() throws IOException
    {
        final JsonNode run = runJson(TWO_REPETITIONS);
        final JsonNode charts = charts(report(TWO_REPETITIONS));

        int crossovers = 0;
        for (final JsonNode entry : run.path("break_even"))
        {
            if (!"crossover".equals(entry.path("kind").asText()))
            {
                continue;
            }
            crossovers++;
            final String id = "pingpong".equals(entry.path("mode").asText()) ? "chart-pingpong-latency" : "chart-stream-throughput";
            boolean found = false;
            for (final JsonNode marker : chart(charts, id).path("markers"))
            {
                found |= marker.path("size").asDouble() == entry.path("size_bytes").asDouble() &&
                    marker.path("a").asText().equals(entry.path("a").asText()) &&
                    marker.path("b").asText().equals(entry.path("b").asText());
            }
            assertTrue(found, "crossover " + entry.path("text").asText() + " marked on " + id);
        }
        assertEquals(4, crossovers);
        assertEquals(0, chart(charts, "chart-pingpong-cpu").path("markers").size());
    }

    @Test
    void shouldListBreakEvenSentencesByModeWithCrossoversFirst() throws IOException
    {
        final JsonNode run = runJson(TWO_REPETITIONS);
        final String html = report(TWO_REPETITIONS);

        for (final String mode : List.of("pingpong", "stream"))
        {
            int lastCrossover = -1;
            int firstOther = Integer.MAX_VALUE;
            for (final JsonNode entry : run.path("break_even"))
            {
                if (!mode.equals(entry.path("mode").asText()))
                {
                    continue;
                }
                final String text = entry.path("text").asText();
                final boolean flip = !"no_crossover".equals(entry.path("kind").asText());
                assertEquals(flip, text.endsWith("]"), text);
                // the list's heading names the metric, so a sentence is shown without the [metric] a flip's ends with
                final String shown = "<span>" + Html.escape(flip ? text.substring(0, text.lastIndexOf(" [")) : text) + "</span></li>";
                final int at = html.indexOf(shown);
                assertTrue(at > html.indexOf("id=\"" + mode + "\""), "break-even sentence in its mode's section: " + entry.path("text"));
                if ("crossover".equals(entry.path("kind").asText()))
                {
                    lastCrossover = Math.max(lastCrossover, at);
                }
                else
                {
                    firstOther = Math.min(firstOther, at);
                }
            }
            assertTrue(lastCrossover >= 0 && lastCrossover < firstOther, mode);
        }
        assertTrue(html.contains("<h3>Break-even: round trip p50</h3>"));
        assertTrue(html.contains("<li><span class=\"tag crossover\">crossover</span><span>uds overtakes pipe at ~324 KiB: below, pipe " +
            "is better (by 34% at 1 KiB); above, uds is better (by 3.7x at 1 MiB)</span></li>"));
        assertFalse(html.contains("[round trip p50]</span></li>"));
    }

    @Test
    void shouldDrawMinMaxBandsWhenPointsHaveSeveralRepetitions() throws IOException
    {
        final JsonNode latency = chart(charts(report(TWO_REPETITIONS)), "chart-pingpong-latency");

        final JsonNode udsMedian = line(latency, "uds p50");
        assertEquals(udsMedian.path("values").size(), udsMedian.path("min").size());
        assertEquals(udsMedian.path("values").size(), udsMedian.path("max").size());
        for (int i = 0; i < udsMedian.path("values").size(); i++)
        {
            assertTrue(udsMedian.path("min").get(i).asDouble() <= udsMedian.path("values").get(i).asDouble());
            assertTrue(udsMedian.path("values").get(i).asDouble() <= udsMedian.path("max").get(i).asDouble());
        }
    }

    @Test
    void shouldShowLatencyInMicrosecondsAgainstPayloadSize() throws IOException
    {
        final JsonNode run = runJson(TWO_REPETITIONS);
        final JsonNode latency = chart(charts(report(TWO_REPETITIONS)), "chart-pingpong-latency");

        assertEquals("[64,1024,16384,262144,1048576]", latency.path("x").toString());
        assertEquals("us", latency.path("y").path("unit").asText());
        assertTrue(latency.path("y").path("log").asBoolean());
        double recorded = Double.NaN;
        for (final JsonNode point : run.path("points"))
        {
            if ("uds".equals(point.path("series").asText()) && "pingpong".equals(point.path("mode").asText()) &&
                point.path("payload_bytes").asInt() == 64)
            {
                recorded = point.path("metrics").path("rtt_p50").path("median").asDouble();
            }
        }
        assertEquals(recorded / 1000.0, line(latency, "uds p50").path("values").get(0).asDouble(), 1e-9);
    }

    @Test
    void shouldDrawNoBandsWithOneRepetition() throws IOException
    {
        final JsonNode charts = charts(report(ONE_REPETITION_NO_PERF));

        for (final JsonNode chart : charts)
        {
            for (final JsonNode line : chart.path("lines"))
            {
                assertTrue(line.path("min").isMissingNode(), chart.path("id") + " " + line.path("name"));
            }
        }
    }

    @Test
    void shouldSayWhySystemCallsWereNotCounted() throws IOException
    {
        final String html = report(ONE_REPETITION_NO_PERF);

        assertTrue(html.contains("System calls per message were not counted in this run: perf was unavailable: perf not found on PATH."));
        assertFalse(html.contains("chart-rate-syscalls"));
        assertFalse(html.contains("chart-pingpong-syscalls"));
    }

    @Test
    void shouldExpectOneRenderingPerChart() throws IOException
    {
        assertEquals(List.of("chart-pingpong-latency", "chart-pingpong-cpu", "chart-pingpong-cores", "chart-pingpong-syscalls",
            "chart-stream-throughput", "chart-stream-cpu", "chart-stream-cores", "chart-stream-syscalls"), ids(report(TWO_REPETITIONS)));
        assertTrue(report(TWO_REPETITIONS).contains("<body data-charts-expected=\"8\" data-charts-rendered=\"0\" data-errors=\"\">"));

        assertEquals(List.of("chart-pingpong-latency", "chart-pingpong-cpu", "chart-pingpong-cores",
            "chart-rate-latency", "chart-rate-cpu", "chart-rate-cores"), ids(report(ONE_REPETITION_NO_PERF)));
        assertTrue(report(ONE_REPETITION_NO_PERF).contains("<body data-charts-expected=\"6\""));
    }

    @Test
    void shouldLeaveZeroSizesOffTheLogarithmicSizeAxis() throws IOException
    {
        final String html = report(ONE_REPETITION_NO_PERF);

        for (final JsonNode chart : charts(html))
        {
            assertEquals("[64,4096]", chart.path("x").toString(), chart.path("id").asText());
        }
        assertTrue(html.contains("0 B points are not drawn: the size axis is logarithmic. The table below and points.csv hold them."));
        assertTrue(html.contains("<tr><td>0 B</td>"));
    }

    @Test
    void shouldEscapeTextTakenFromTheRun() throws IOException
    {
        final String html = report(ONE_REPETITION_NO_PERF);

        assertFalse(html.contains("<script>window.injected"));
        assertFalse(html.contains("<b>bold</b>"));
        assertTrue(html.contains("consumer exited with 1: &lt;/script&gt;&lt;script&gt;window.injected = true;&lt;/script&gt; &lt;b&gt;bold&lt;/b&gt;"));
        assertTrue(html.contains("got 19 &lt;/pre&gt;&lt;script&gt;"));
    }

    @Test
    void shouldStateAnInterruptedRunAndItsFailures() throws IOException
    {
        final String html = report(ONE_REPETITION_NO_PERF);

        assertTrue(html.contains("<h1>Run 20261203-174255<span class=\"status warn\">interrupted: partial results</span></h1>"));
        assertTrue(html.contains("This run was interrupted: the report shows the points that finished before it stopped."));
        assertTrue(html.contains("<h2>Failures (1)</h2>"));
        assertTrue(html.contains("<span class=\"failed\">FAILED</span>"));
    }

    @Test
    void shouldShowEnvironmentMitigationsAndConfiguration() throws IOException
    {
        final String html = report(TWO_REPETITIONS);

        assertTrue(html.contains("<tr><th class=\"mono\">spectre_v2</th><td>Mitigation: Retpolines;"));
        assertTrue(html.contains("<tr><th>kernel</th><td>6.18.44-fc-v1147</td></tr>"));
        assertTrue(html.contains("<tr><th>sizes</th><td>64 B, 1 KiB, 16 KiB, 256 KiB, 1 MiB</td></tr>"));
        assertTrue(html.contains("<tr><th>duration</th><td>500 ms</td></tr>"));
        assertTrue(html.contains("<tr><th>warmup min</th><td>300 ms</td></tr>"));
        assertTrue(html.contains("<tr><th>peer timeouts</th><td>startup: 30 s, silence: 2 s, stall: 4 s</td></tr>"));
        assertFalse(html.contains(" ns</th>"), "a label naming ns beside a value shown in its own unit");
        assertFalse(html.contains("startup ns:"));
        assertTrue(html.contains("<code>ipcbench sweep --transports uds,pipe,tcp,agrona --sizes 64,1k,16k,256k,1m --repeat 2 --results results</code>"));
    }

    @Test
    void shouldStateTheRepetitionsAPartialRunRanNotThoseAsked() throws IOException
    {
        final ObjectNode run = (ObjectNode)runJson(ONE_REPETITION_NO_PERF);
        ((ObjectNode)run.path("configuration")).put("repeat", 3);

        final String html = report(run);

        assertTrue(html.contains("<h1>Run 20261203-174255<span class=\"status warn\">interrupted: partial results</span></h1>"));
        assertTrue(html.contains("<span>Points <b>12 × 1 repetition (3 repetitions asked)</b></span>"), html);
        assertTrue(html.contains("<p class=\"lede\">Every point (transport, mode, size) ran in a fresh pair of producer and consumer " +
            "processes, once (3 asked: the run stopped before any point's second). With a single repetition there is no spread to show, " +
            "so the charts have no bands and no crossover is claimed. Latency"));
        assertFalse(html.contains("3 times"));
        assertFalse(html.contains("× 3"));
    }

    @Test
    void shouldStateTheRangeOfRepetitionsWhenPointsRanDifferentCounts() throws IOException
    {
        final ObjectNode run = (ObjectNode)runJson(TWO_REPETITIONS);
        ((ObjectNode)run.path("configuration")).put("repeat", 3);
        run.put("status", "interrupted");
        ((ArrayNode)run.path("points").path(0).path("repetitions")).remove(1);

        final String html = report(run);

        assertTrue(html.contains("<span class=\"status warn\">interrupted: partial results</span>"));
        assertTrue(html.contains("<span>Points <b>40, 1 to 2 repetitions each (3 repetitions asked)</b></span>"));
        assertTrue(html.contains("producer and consumer processes, 1 to 2 times with the transports interleaved (3 asked: the run " +
            "stopped before every point had them all). A line joins the medians"));
    }

    @Test
    void shouldStateTheRepetitionsOfACompleteRunOnce() throws IOException
    {
        final String html = report(TWO_REPETITIONS);

        assertTrue(html.contains("<span>Points <b>40 × 2 repetitions</b></span>"));
        assertTrue(html.contains("producer and consumer processes, 2 times with the transports interleaved. A line joins the medians"));
    }

    @Test
    void shouldExplainTheBreakEvensWithTheCostModel() throws IOException
    {
        final JsonNode model = runJson(TWO_REPETITIONS).path("cost_model");
        final String html = report(TWO_REPETITIONS);

        assertTrue(html.contains("<a href=\"#why\">Why: the cost model</a>"));
        assertTrue(html.contains("<section class=\"panel\" id=\"why\">\n<h2>Why: the cost model</h2>"));
        assertTrue(html.contains("<h3 class=\"model-title\">Ping-pong: round trip p50</h3>\n<table class=\"figures model\"><thead><tr>" +
            "<th>series</th><th class=\"num\">fixed [95%]</th><th class=\"num\">per byte [95%]</th><th class=\"num\">syscalls/round trip" +
            "</th><th class=\"num\">fitted over</th><th>note</th></tr></thead><tbody>\n<tr><td>uds</td><td class=\"num\">39.8 us [14.0 us - 52.0 us]" +
            "</td><td class=\"num\">1.59 ns/B [0.819 - 2.01]</td><td class=\"num\">4.02</td><td class=\"num\">64 B – 1 MiB, 10 points" +
            "</td><td></td></tr>"));
        assertTrue(html.contains("<h3 class=\"model-title\">Stream: time per message</h3>"));
        assertTrue(html.contains("<tr><td>agrona/spin</td><td class=\"num\">2.86 us [370 ns - 149 us]</td><td class=\"num\">" +
            "2.54 ns/B [1.55 - 9.45]</td><td class=\"num\">&lt;0.01</td>"));
        assertTrue(html.contains("<p class=\"note\">Calibration missing (none under results/calibration; run &#39;ipcbench calibrate&#39;): " +
            "the break-evens below are explained from the fitted fixed and per-byte costs alone, not in system calls and copies.</p>"));
        assertTrue(html.contains("<li>stream: tcp overtakes pipe at ~388 B measured; the fitted lines cross at ~3.67 KiB (crossing in " +
            "only 69% of bootstrap resamples). Fixed cost: tcp&#39;s is 12.0 us (1.24 system calls per message, producer 1.00 + consumer " +
            "0.241; 0.0386 voluntary context switches), against pipe&#39;s 5.97 us (1.21 system calls per message, producer 1.00 + " +
            "consumer 0.204; &lt;0.01 voluntary context switches); per-byte cost: tcp&#39;s is 1.89 ns/B, against pipe&#39;s 3.49 ns/B. " +
            "So pipe&#39;s 6.01 us lower fixed cost is used up by tcp&#39;s 1.60 ns/B lower per-byte cost after 6.01 us / 1.60 ns/B = " +
            "3.67 KiB.</li>"));
        // every sentence of run.json, the pairs whose order flips before the others, which are folded away
        final int fold = html.indexOf("<summary>Pairs in the same order at every size (4)</summary>");
        assertTrue(fold > html.indexOf("id=\"why\""));
        assertEquals(13, model.path("explanations").size());
        int steady = 0;
        for (int i = 1; i < model.path("explanations").size(); i++)
        {
            final String sentence = model.path("explanations").path(i).asText();
            final int at = html.indexOf("<li>" + Html.escape(sentence) + "</li>");
            assertTrue(at > html.indexOf("id=\"why\""), sentence);
            steady += at > fold ? 1 : 0;
            assertEquals(sentence.contains(" beats ") && sentence.contains(" at every size measured"), at > fold, sentence);
        }
        assertEquals(4, steady);
    }

    @Test
    void shouldSayWhenARunHoldsNoCostModel() throws IOException
    {
        final String html = report(ONE_REPETITION_NO_PERF);

        assertTrue(html.contains("<p class=\"note\">run.json holds no cost model: a sweep writes it when it ends, so a run that did not " +
            "finish has none. <code>ipcbench calibrate --explain RUN</code> fits one to the points recorded.</p>"));
    }

    @Test
    void shouldAnswerSharedMemoryAgainstASocketAsTheSummaryDoes() throws IOException
    {
        final ObjectNode run = (ObjectNode)runJson(TWO_REPETITIONS);
        // the fixture's agrona/spin points, relabelled as futex waits: a blocking shared-memory series beside uds
        final ArrayNode points = (ArrayNode)run.path("points");
        for (int i = 0, n = points.size(); i < n; i++)
        {
            if ("spin".equals(points.path(i).path("wait").asText()))
            {
                final ObjectNode futex = points.path(i).deepCopy();
                futex.put("wait", "futex").put("series", "agrona/futex");
                points.add(futex);
            }
        }
        final List<PointRecord> records = RunPoints.read(run, "run.json");
        final StringBuilder summary = new StringBuilder();
        CostReport.sharedMemoryAnswer(summary, records);

        final String html = report(run);

        final List<String> blocking = CostReport.blockingAnswers(records);
        final List<String> spinning = CostReport.spinAnswers(records);
        assertFalse(blocking.isEmpty());
        assertEquals(2, spinning.size());
        assertTrue(spinning.get(0).startsWith("pingpong: at 64 B, agrona/spin gives "), spinning.get(0));
        final StringBuilder expected = new StringBuilder("\nShared memory against a socket:\n");
        blocking.forEach(line -> expected.append("  ").append(line).append('\n'));
        spinning.forEach(line -> expected.append("  ").append(line).append('\n'));
        assertEquals(expected.toString(), summary.toString(), "the summary prints the same sentences");
        final int socket = html.indexOf("<h3 class=\"model-title\">Shared memory against a socket</h3>");
        final int spin = html.indexOf("<h3 class=\"model-title\">What spinning buys</h3>");
        assertTrue(socket > 0 && spin > socket);
        blocking.forEach(line -> assertTrue(html.indexOf("<li>" + Html.escape(line) + "</li>") > socket, line));
        spinning.forEach(line -> assertTrue(html.indexOf("<li>" + Html.escape(line) + "</li>") > spin, line));
    }

    @Test
    void shouldWriteTheSameBytesEachTimeForTheSameRun() throws IOException, InterruptedException
    {
        final Path run = ReportFixtures.runDirectory(temp, TWO_REPETITIONS);
        final byte[] first = Files.readAllBytes(HtmlReport.write(run));
        // past the next second: a page stamped with the time it was written would differ now
        Thread.sleep(1_100);

        final byte[] second = Files.readAllBytes(HtmlReport.write(run));

        assertArrayEquals(first, second);
        assertTrue(new String(second, StandardCharsets.UTF_8).contains("<footer>Written by <code>ipcbench report</code> from the run.json " +
            "of run 20261203-173311, measured 2026-12-03 17:33:11 UTC to 2026-12-03 17:39:56 UTC. Charts: uPlot 1.6.30"));
    }

    @Test
    void shouldSayInTheFooterThatAnUnfinishedRunHadNotFinished() throws IOException
    {
        final String html = report(ONE_REPETITION_NO_PERF);

        assertTrue(html.contains("<footer>Written by <code>ipcbench report</code> from the run.json of run 20261203-174255, started " +
            "2026-12-03 17:42:55 UTC and not finished when run.json was last written. Charts:"));
    }

    @Test
    void shouldRejectAMissingRunDirectory()
    {
        final Path missing = temp.resolve("20261203-000000");

        assertRejected("no such run directory: " + missing, missing);
    }

    @Test
    void shouldRejectAFileGivenAsRunDirectory() throws IOException
    {
        final Path file = Files.writeString(temp.resolve("run.json"), "{}");

        assertRejected("not a run directory: " + file + " is a file", file);
    }

    @Test
    void shouldRejectADirectoryWithoutRunJson()
    {
        assertRejected("not a run directory: " + temp + " has no run.json", temp);
    }

    @Test
    void shouldRejectARunJsonThatIsNotJson() throws IOException
    {
        Files.writeString(temp.resolve("run.json"), "{\"schema\": ", StandardCharsets.UTF_8);

        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> HtmlReport.write(temp));

        assertTrue(ex.getMessage().startsWith("run.json is not valid JSON: " + temp.resolve("run.json") + ": "), ex.getMessage());
    }

    @Test
    void shouldRejectARunJsonOfAnotherSchema() throws IOException
    {
        Files.writeString(temp.resolve("run.json"), "{\"schema\": \"ipcbench-run/9\"}", StandardCharsets.UTF_8);

        assertRejected("run.json has schema 'ipcbench-run/9', this ipcbench reads ipcbench-run/1: " + temp.resolve("run.json"), temp);
    }

    @Test
    void shouldReportARunWithNoFinishedPointYet() throws IOException
    {
        Files.writeString(temp.resolve("run.json"), "{\"schema\": \"ipcbench-run/1\", \"run_id\": \"20261203-000000\", " +
            "\"status\": \"running\", \"points\": [], \"break_even\": [], \"failures\": []}", StandardCharsets.UTF_8);

        final String html = Files.readString(HtmlReport.write(temp), StandardCharsets.UTF_8);

        assertTrue(html.contains("<body data-charts-expected=\"0\""));
        assertTrue(html.contains("<h2>No points yet</h2>"));
        assertTrue(html.contains("This run had not finished when the report was written"));
    }

    private void assertRejected(final String message, final Path runDirectory)
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> HtmlReport.write(runDirectory));
        assertEquals(message, ex.getMessage());
    }

    private String report(final String fixture) throws IOException
    {
        final Path run = ReportFixtures.runDirectory(Files.createTempDirectory(temp, "run"), fixture);
        return Files.readString(HtmlReport.write(run), StandardCharsets.UTF_8);
    }

    private String report(final JsonNode run) throws IOException
    {
        final Path directory = Files.createTempDirectory(temp, "run");
        Files.writeString(directory.resolve("run.json"), JSON.writeValueAsString(run), StandardCharsets.UTF_8);
        return Files.readString(HtmlReport.write(directory), StandardCharsets.UTF_8);
    }

    private static JsonNode runJson(final String fixture) throws IOException
    {
        return JSON.readTree(ReportFixtures.class.getResource(fixture + "/run.json"));
    }

    private static JsonNode charts(final String html) throws IOException
    {
        final Matcher matcher = CHARTS.matcher(html);
        assertTrue(matcher.find(), "chart data block");
        return JSON.readTree(matcher.group(1));
    }

    private static List<String> ids(final String html) throws IOException
    {
        final List<String> ids = new ArrayList<>();
        charts(html).forEach(chart ->
        {
            ids.add(chart.path("id").asText());
            assertTrue(html.contains("<div class=\"chart\" id=\"" + chart.path("id").asText() + "\"></div>"));
        });
        return ids;
    }

    private static JsonNode chart(final JsonNode charts, final String id)
    {
        for (final JsonNode chart : charts)
        {
            if (id.equals(chart.path("id").asText()))
            {
                return chart;
            }
        }
        throw new AssertionError("no chart " + id + " in " + charts);
    }

    private static JsonNode line(final JsonNode chart, final String name)
    {
        for (final JsonNode line : chart.path("lines"))
        {
            if (name.equals(line.path("name").asText()))
            {
                return line;
            }
        }
        throw new AssertionError("no line " + name + " in " + chart.path("id"));
    }
}
