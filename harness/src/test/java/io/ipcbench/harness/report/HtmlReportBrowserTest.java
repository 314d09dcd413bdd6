package io.ipcbench.harness.report;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.ipcbench.harness.report.ReportFixtures.ONE_REPETITION_NO_PERF;
import static io.ipcbench.harness.report.ReportFixtures.TWO_REPETITIONS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Opens report.html in headless Chromium, lets its scripts run, and reads back the attributes
 * the page sets on {@code <body>}: every chart drawn once, no error caught, nothing on the
 * console. Skipped where /usr/bin/chromium is missing, unless IPCBENCH_REQUIRE_BROWSER is set
 * (as CI sets it), in which case a missing browser fails.
 */
@Timeout(120)
class HtmlReportBrowserTest
{
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final long BROWSER_TIMEOUT_S = 60;
    private static final Pattern BODY = Pattern.compile("<body\\b([^>]*)>");
    private static final Pattern CONSOLE = Pattern.compile(":CONSOLE[(:]");

    /** Shared by all tests: the pages load in parallel, as each browser mostly waits. */
    @TempDir
    static Path temp;

    private static Started twoRepetitions;
    private static Started oneRepetition;
    private static Started broken;

    /** A browser started on a page, with the files it writes the DOM and its log to. */
    private record Started(Path report, Process browser, Path dom, Path log)
    {
    }

    /** A page's {@code <body>} attributes after its scripts ran, and what the browser logged to its console. */
    private record Loaded(String body, List<String> console)
    {
        String attribute(final String name)
        {
            final Matcher matcher = Pattern.compile("\\b" + name + "=\"([^\"]*)\"").matcher(body);
            return matcher.find() ? matcher.group(1) : null;
        }
    }

    @BeforeAll
    static void startBrowsers() throws IOException
    {
        final String require = System.getenv("IPCBENCH_REQUIRE_BROWSER");
        final boolean required = require != null && !require.isBlank() && !"0".equals(require.trim());
        if (!Files.isExecutable(CHROMIUM))
        {
            if (required)
            {
                fail("IPCBENCH_REQUIRE_BROWSER is set but " + CHROMIUM + " is missing: install it with apt-get install -y chromium");
            }
            assumeTrue(false, CHROMIUM + " is missing, so report.html is not checked in a browser " +
                "(apt-get install -y chromium; IPCBENCH_REQUIRE_BROWSER=1 makes this a failure)");
        }
        twoRepetitions = start(HtmlReport.write(ReportFixtures.runDirectory(temp.resolve("a"), TWO_REPETITIONS)));
        oneRepetition = start(HtmlReport.write(ReportFixtures.runDirectory(temp.resolve("b"), ONE_REPETITION_NO_PERF)));
        final Path report = HtmlReport.write(ReportFixtures.runDirectory(temp.resolve("c"), ONE_REPETITION_NO_PERF));
        final String html = Files.readString(report, StandardCharsets.UTF_8);
        // the check itself is under test: a chart spec without lines must show up as an error and a missing chart
        Files.writeString(report, html.replaceFirst("\"lines\":", "\"no_lines\":"), StandardCharsets.UTF_8);
        broken = start(report);
    }

    @AfterAll
    static void stopBrowsers()
    {
        for (final Started started : new Started[] {twoRepetitions, oneRepetition, broken})
        {
            if (started != null && started.browser().isAlive())
            {
                started.browser().descendants().forEach(ProcessHandle::destroyForcibly);
                started.browser().destroyForcibly();
            }
        }
    }

    @Test
    void shouldRenderEveryChartOfARunWithRepetitionsWithoutAnError() throws Exception
    {
        assertRenderedCleanly(loaded(twoRepetitions), "8");
    }

    @Test
    void shouldRenderEveryChartOfARunWithOneRepetitionAndNoSyscallsWithoutAnError() throws Exception
    {
        assertRenderedCleanly(loaded(oneRepetition), "6");
    }

    @Test
    void shouldNoticeAChartThatFailsToDraw() throws Exception
    {
        final Loaded page = loaded(broken);

        assertEquals("6", page.attribute("data-charts-expected"));
        assertEquals("5", page.attribute("data-charts-rendered"));
        assertTrue(page.attribute("data-errors").startsWith("chart chart-pingpong-latency: "), page.attribute("data-errors"));
    }

    private static void assertRenderedCleanly(final Loaded page, final String charts)
    {
        assertEquals(List.of(), page.console(), "browser console");
        assertEquals("", page.attribute("data-errors"), "errors caught by the page");
        assertEquals(charts, page.attribute("data-charts-expected"));
        assertEquals(charts, page.attribute("data-charts-rendered"), "charts drawn: " + page.body());
    }

    private static Started start(final Path report) throws IOException
    {
        final Path directory = report.getParent();
        final Path profile = Files.createDirectories(directory.resolve("chromium-profile"));
        final Path dom = directory.resolve("dom.html");
        final Path log = directory.resolve("chromium.log");
        final Process browser = new ProcessBuilder(
            CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--user-data-dir=" + profile, "--virtual-time-budget=10000", "--enable-logging=stderr", "--v=0",
            "--dump-dom", report.toUri().toString())
            .redirectOutput(dom.toFile())
            .redirectError(log.toFile())
            .start();
        return new Started(report, browser, dom, log);
    }

    private static Loaded loaded(final Started started) throws IOException, InterruptedException
    {
        final Process browser = started.browser();
        final Path report = started.report();
        if (!browser.waitFor(BROWSER_TIMEOUT_S, TimeUnit.SECONDS))
        {
            browser.descendants().forEach(ProcessHandle::destroyForcibly);
            browser.destroyForcibly();
            fail("chromium did not finish loading " + report + " within " + BROWSER_TIMEOUT_S + " s");
        }
        final String stderr = Files.readString(started.log(), StandardCharsets.UTF_8);
        assertEquals(0, browser.exitValue(), "chromium exit code; its log:\n" + stderr);
        final List<String> console = new ArrayList<>();
        for (final String line : stderr.split("\n"))
        {
            if (CONSOLE.matcher(line).find())
            {
                console.add(line);
            }
        }
        final Matcher body = BODY.matcher(Files.readString(started.dom(), StandardCharsets.UTF_8));
        assertTrue(body.find(), "chromium printed no <body>; its log:\n" + stderr);
        return new Loaded(body.group(1), console);
    }
}
