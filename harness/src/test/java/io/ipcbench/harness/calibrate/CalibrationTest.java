package io.ipcbench.harness.calibrate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CalibrationTest
{
    /**
     * JMH's JSON from a real {@code ipcbench calibrate --quick} on a loaded 2-CPU machine (hence
     * the wide errors), with each entry's jvmArgs list shortened.
     */
    private static final String FIXTURE = "jmh-quick.json";

    @TempDir
    Path directory;

    @Test
    void shouldReadARecordedJmhResultFile() throws Exception
    {
        final JmhResults results = JmhResults.read(fixture());

        assertEquals(11, results.entries().size());
        final List<JmhResults.Entry> copies = results.method("copyDirectToDirect");
        assertEquals(List.of(64L, 4096L, 262144L), copies.stream().map(JmhResults.Entry::sizeBytes).toList());
        assertEquals(283.15282491116415, copies.get(1).score());
        assertEquals(333.01693716276367, copies.get(1).error());
        assertEquals("ns/op", copies.get(1).unit());
        assertEquals(3, copies.get(1).samples());
        final JmhResults.Entry syscall = results.method("syscallGetpid").get(0);
        assertNull(syscall.sizeBytes());
        assertEquals(1971.4589600617035, syscall.score());
    }

    @Test
    void shouldBuildTheCalibrationFromJmhResults() throws Exception
    {
        final Calibration calibration = calibration();

        assertEquals(1971.4589600617035, calibration.syscall().ns());
        assertEquals(4167.987286624246, calibration.syscall().errorNs());
        assertEquals(53.534731130846616, calibration.nanoTime().ns());
        assertEquals(3, calibration.directToDirect().bySize().size());
        assertEquals(262144, calibration.crc32c().bySize().get(2).sizeBytes());
        assertEquals(262144 / 62137.727296418045, calibration.crc32c().bySize().get(2).bytesPerNs(), 1e-12);
        // three points: Theil-Sen's slope is the median of the three pairwise slopes
        final double[] ns = {36.44712968503513, 283.15282491116415, 12743.775301488267};
        final double[] slopes = {(ns[1] - ns[0]) / (4096 - 64), (ns[2] - ns[0]) / (262144 - 64), (ns[2] - ns[1]) / (262144 - 4096)};
        java.util.Arrays.sort(slopes);
        assertEquals(slopes[1], calibration.directToDirect().fit().perByteNs(), 1e-15);
        assertEquals(1 / slopes[1], calibration.directToDirect().fit().bytesPerNs(), 1e-9);
    }

    @Test
    void shouldWriteAndReadBackTheSameFigures() throws Exception
    {
        final Calibration written = calibration();
        final Path file = directory.resolve(Calibration.FILE);
        Files.writeString(file, written.toJsonText());

        final Calibration read = Calibration.read(file);

        assertEquals("20261203-174623", read.id());
        assertEquals(written.syscall(), read.syscall());
        assertEquals(written.nanoTime(), read.nanoTime());
        assertEquals(written.directToDirect().bySize(), read.directToDirect().bySize());
        assertEquals(written.directToDirect().fit().perByteNs(), read.directToDirect().fit().perByteNs());
        assertEquals(written.heapToDirect().fit().fixedNs(), read.heapToDirect().fit().fixedNs());
        assertEquals(written.crc32c().fit().perByteInterval()[1], read.crc32c().fit().perByteInterval()[1]);
        assertEquals("AMD EPYC", read.environment().get("cpu_model"));
        assertEquals(1, read.settings().get("forks"));
        assertEquals(written.summary(), read.summary());
        assertTrue(Double.isNaN(read.jnaCall().ns()), "the recorded run predates the JNA benchmark");
    }

    @Test
    void shouldWriteAnUnknownErrorAsNull() throws Exception
    {
        final String json = "[{\"benchmark\":\"x.FixedCostBenchmarks.syscallGetpid\",\"primaryMetric\":{\"score\":250.0," +
            "\"scoreError\":\"NaN\",\"scoreUnit\":\"ns/op\",\"rawData\":[[250.0]]}}," +
            "{\"benchmark\":\"x.FixedCostBenchmarks.nanoTime\",\"primaryMetric\":{\"score\":20.0,\"scoreError\":\"NaN\",\"scoreUnit\":\"ns/op\"}}," +
            "{\"benchmark\":\"x.FixedCostBenchmarks.jnaGetcpu\",\"primaryMetric\":{\"score\":60.0,\"scoreError\":1.5,\"scoreUnit\":\"ns/op\"}}," +
            "{\"benchmark\":\"x.SizedBenchmarks.copyHeapToDirect\",\"params\":{\"size\":\"8\"},\"primaryMetric\":{\"score\":5.0,\"scoreError\":0.5,\"scoreUnit\":\"ns/op\"}}," +
            "{\"benchmark\":\"x.SizedBenchmarks.copyDirectToDirect\",\"params\":{\"size\":\"8\"},\"primaryMetric\":{\"score\":5.0,\"scoreError\":0.5,\"scoreUnit\":\"ns/op\"}}," +
            "{\"benchmark\":\"x.SizedBenchmarks.crc32c\",\"params\":{\"size\":\"8\"},\"primaryMetric\":{\"score\":5.0,\"scoreError\":0.5,\"scoreUnit\":\"ns/op\"}}]";

        final Calibration calibration = Calibration.fromJmh(JmhResults.parse(json, "test"), "one", "now", Map.of(), Map.of());

        assertTrue(Double.isNaN(calibration.syscall().errorNs()));
        assertTrue(calibration.toJsonText().contains("\"ns\" : 250.0,\n    \"error_ns\" : null"), calibration.toJsonText());
        assertNull(calibration.directToDirect().fit(), "one size: no line");
        assertTrue(calibration.summary().contains("  system call (getpid via syscall(2), JNA)       250 ns\n"), calibration.summary());
        assertTrue(calibration.summary().contains("no fit: fewer than two sizes"), calibration.summary());
        assertTrue(calibration.summary().contains("  of which JNA's own (sched_getcpu, no kernel)   60 ± 1.50 ns\n"), calibration.summary());
        assertEquals(60.0, Calibration.read(write(calibration)).jnaCall().ns());
    }

    @Test
    void shouldSummariseEveryFigure() throws Exception
    {
        final String summary = calibration().summary();

        assertTrue(summary.startsWith("Calibration 20261203-174623: AMD EPYC, CPUs 0-1, Linux 6.18.44, Java 17.0.15\n"), summary);
        assertTrue(summary.contains("  system call (getpid via syscall(2), JNA)       1971 ± 4168 ns\n"), summary);
        assertTrue(summary.contains("  System.nanoTime                                53.5 ± 493 ns\n"), summary);
        assertTrue(summary.contains("  4 KiB         216 ± 1464 ns (18.9)       283 ± 333 ns (14.5)       315 ± 1117 ns (13.0)\n"), summary);
        assertTrue(summary.contains("    direct to direct (Agrona UnsafeBuffer.putBytes)    "), summary);
    }

    @Test
    void shouldWarnThatABusyMachineInflatesTheFigures()
    {
        assertEquals("the load average was 12.3 at the start, on 2 CPUs: other work shared them, so these figures are likely " +
            "inflated; calibrate on a quiet machine",
            Calibration.busy(Map.of("load_average_at_start", "12.34 10.82 9.67 9/294 5180", "cpus_available_to_jvm", 2)));
        assertNull(Calibration.busy(Map.of("load_average_at_start", "0.31 0.82 0.67 1/294 5180", "cpus_available_to_jvm", 2)));
        assertNull(Calibration.busy(Map.of()));
    }

    @Test
    void shouldFindTheNewestCalibrationWithoutALink() throws Exception
    {
        write("20261201-100000", 111);
        write("20261202-100000", 222);

        final Calibration latest = Calibration.latest(directory);

        assertNotNull(latest);
        assertEquals("20261202-100000", latest.id());
    }

    @Test
    void shouldFollowTheLatestLink() throws Exception
    {
        write("20261201-100000", 111);
        write("20261202-100000", 222);
        Files.createSymbolicLink(directory.resolve(Calibration.DIRECTORY).resolve(Calibration.LATEST), Path.of("20261201-100000"));

        assertEquals("20261201-100000", Calibration.latest(directory).id());
    }

    @Test
    void shouldFindNoCalibrationWhereNoneWasMade() throws Exception
    {
        Files.createDirectories(directory.resolve(Calibration.DIRECTORY).resolve("20261201-100000"));

        assertNull(Calibration.latest(directory), "a directory without calibration.json is not a calibration");
        assertNull(Calibration.latest(directory.resolve("nothing-here")));
    }

    @Test
    void shouldRejectAFileOfAnotherSchema() throws Exception
    {
        final Path file = directory.resolve(Calibration.FILE);
        Files.writeString(file, "{\"schema\":\"ipcbench-run/1\"}");

        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> Calibration.read(file));

        assertEquals("calibration " + file + " must have schema ipcbench-calibration/1: schema=ipcbench-run/1", ex.getMessage());
    }

    @Test
    void shouldRejectResultsWithoutTheSystemCall()
    {
        final JmhResults results = JmhResults.parse("[]", "empty");

        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> Calibration.fromJmh(results, "x", "now", Map.of(), Map.of()));

        assertEquals("JMH results have no syscallGetpid benchmark", ex.getMessage());
    }

    @Test
    void shouldRejectSomethingThatIsNotJmhJson()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> JmhResults.parse("{}", "x.json"));

        assertEquals("JMH results x.json must be a JSON array of benchmarks", ex.getMessage());
    }

    private Path write(final Calibration calibration) throws IOException
    {
        final Path file = directory.resolve("written-" + calibration.id() + ".json");
        Files.writeString(file, calibration.toJsonText());
        return file;
    }

    private void write(final String id, final double syscallNs) throws Exception
    {
        final Path dir = Files.createDirectories(directory.resolve(Calibration.DIRECTORY).resolve(id));
        final Calibration calibration = calibration();
        final String json = calibration.toJsonText().replace("\"id\" : \"20261203-174623\"", "\"id\" : \"" + id + "\"");
        Files.writeString(dir.resolve(Calibration.FILE), json);
    }

    static Calibration calibration() throws IOException, URISyntaxException
    {
        return Calibration.fromJmh(JmhResults.read(fixture()), "20261203-174623", "2026-12-03T17:46:23Z",
            Map.of("cpu_model", "AMD EPYC", "cpus_online", "0-1", "kernel", "6.18.44", "java_version", "17.0.15"),
            Map.of("version", "1.37", "forks", 1, "warmup_iterations", 1, "warmup_ms", 100, "measurement_iterations", 3, "measurement_ms", 100));
    }

    private static Path fixture() throws URISyntaxException
    {
        return Path.of(CalibrationTest.class.getResource(FIXTURE).toURI());
    }
}
