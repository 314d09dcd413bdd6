package io.ipcbench.harness.report;

import io.ipcbench.harness.stats.Metric;
import io.ipcbench.harness.sweep.PointKey;
import io.ipcbench.harness.sweep.PointRecord;
import io.ipcbench.harness.sweep.RepResult;
import io.ipcbench.transport.TransportKind;
import io.ipcbench.transport.control.Mode;
import io.ipcbench.transport.wait.WaitStrategy;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CostReportTest
{
    @Test
    void shouldStateWhatSpinningBuysWhenTheRepetitionsAreApart()
    {
        final String answer = answer(new double[] {330, 350, 280}, new double[] {18_200, 17_200, 18_800});

        assertTrue(answer.contains("pingpong: at 8 B, agrona/spin gives 0.33 us (round trip p50) against 18.2 us with futex waits " +
            "(55x better), and keeps 1.90 cores busy against 0.90"), answer);
    }

    @Test
    void shouldNotClaimADifferenceWhoseRepetitionsOverlap()
    {
        final String answer = answer(new double[] {330, 900, 280}, new double[] {800, 400, 700});

        assertTrue(answer.contains("against 0.70 us with futex waits (2.1x better by the medians, within noise: the repetitions " +
            "overlap)"), answer);
    }

    @Test
    void shouldSayATwoPointBatchingFitIsExactAndGiveRSquaredFromThreeValuesOfK()
    {
        final List<PointRecord> records = new java.util.ArrayList<>();
        // uds at 64 B: T(K) = 2000/K + 500 ns, swept at K = 1, 4; pipe at 64 B swept at K = 1, 4, 16 (not quite on the line)
        for (final int batch : new int[] {1, 4})
        {
            records.add(stream(TransportKind.UDS, batch, 2000.0 / batch + 500));
        }
        for (final int batch : new int[] {1, 4, 16})
        {
            records.add(stream(TransportKind.PIPE, batch, 1000.0 / batch + 300 + (batch == 4 ? 200 : 0)));
        }
        final StringBuilder out = new StringBuilder();

        CostReport.batching(out, records);

        final String text = out.toString();
        assertTrue(text.contains("R^2 needs 3 or more values of K\n(through two, the line is exact by construction"), text);
        assertTrue(text.contains("  uds      64 B      [1,4]          2.00 us         0.50 us   - (exact: 2 K)\n"), text);
        assertTrue(java.util.regex.Pattern.compile("  pipe     64 B   \\[1,4,16] +[0-9.]+ us +[0-9.]+ us +0\\.[0-9]{3}\n").matcher(text).find(), text);
        final io.ipcbench.harness.sweep.Batching.Fit pipeFit = io.ipcbench.harness.sweep.Batching.fits(records).stream()
            .filter(fit -> fit.series().equals("pipe")).findFirst().orElseThrow();
        assertFalse(pipeFit.exactByConstruction());
        assertTrue(pipeFit.rSquared() > 0.5 && pipeFit.rSquared() < 0.999, "R^2 " + pipeFit.rSquared());
        final io.ipcbench.harness.sweep.Batching.Fit udsFit = io.ipcbench.harness.sweep.Batching.fits(records).stream()
            .filter(fit -> fit.series().equals("uds")).findFirst().orElseThrow();
        assertTrue(udsFit.exactByConstruction());
        assertTrue(Double.isNaN(udsFit.rSquared()));
    }

    @Test
    void shouldNoteASpinningReaderThatDidNotHaveItsCpuToItself()
    {
        final List<PointRecord> records = new ArrayList<>();
        for (final double cores : new double[] {0.62, 0.97})
        {
            final PointRecord record = new PointRecord(new PointKey(
                cores < 0.9 ? TransportKind.AGRONA : TransportKind.CHRONICLE, WaitStrategy.SPIN, 1, Mode.PINGPONG, 64));
            final Map<Metric, Double> metrics = new EnumMap<>(Metric.class);
            metrics.put(Metric.RTT_P50, 300.0);
            metrics.put(Metric.PRODUCER_CPU, cores);
            metrics.put(Metric.CONSUMER_CPU, cores);
            record.add(RepResult.success(record.key(), 1, metrics, null, null, null, 0));
            records.add(record);
        }
        final StringBuilder out = new StringBuilder();

        CostReport.table(out, records, Mode.PINGPONG);

        final String text = out.toString();
        assertTrue(text.contains("  note: spinning readers that kept less than a whole core busy (their CPU was shared: the JVM's own " +
            "threads, the harness, the hypervisor): agrona/spin 0.62 at 64 B\n"), text);
        assertFalse(text.contains("chronicle/spin 0.97"), text);
    }

    @Test
    void shouldShowTheConsumersCostInRateModeAndTheProducersCoresAsPacing()
    {
        final PointRecord record = new PointRecord(new PointKey(TransportKind.UDS, WaitStrategy.KERNEL, 1, Mode.RATE, 64));
        final Map<Metric, Double> metrics = new EnumMap<>(Metric.class);
        metrics.put(Metric.OWL_P50, 20_000.0);
        metrics.put(Metric.PRODUCER_USER_NS, 49_000.0);
        metrics.put(Metric.PRODUCER_SYS_NS, 1_000.0);
        metrics.put(Metric.CONSUMER_USER_NS, 1_200.0);
        metrics.put(Metric.CONSUMER_SYS_NS, 2_130.0);
        metrics.put(Metric.PRODUCER_CPU, 1.0);
        metrics.put(Metric.CONSUMER_CPU, 0.07);
        metrics.put(Metric.CONSUMER_SYSCALLS, 2.0);
        record.add(RepResult.success(record.key(), 1, metrics, null, null, null, 0));
        final StringBuilder out = new StringBuilder();

        CostReport.table(out, List.of(record), Mode.RATE);

        final String text = out.toString();
        assertTrue(text.contains("The producer spins until each scheduled send, so its thread takes all the CPU it is given whatever\n" +
            "the transport: its CPU measures the pacing, not the transport"), text);
        assertTrue(text.contains("  series   consumer CPU/msg @64 B   syscalls/msg   consumer cores   producer cores (pacing)\n" +
            "  uds                     3.33 us            2.0             0.07                      1.00\n"), text);
        assertFalse(text.contains("53.3"), "the producer's pacing is not added to the transport's cost: " + text);
    }

    @Test
    void shouldSayWhichWindowsWereTooShortForCpuFigures()
    {
        final com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        final com.fasterxml.jackson.databind.node.ObjectNode producer = mapper.createObjectNode();
        producer.putObject("cpu").put("window_ns", 140_640L).putObject("thread").put("user_ns", 123_000).put("system_ns", 90_000);
        final com.fasterxml.jackson.databind.node.ObjectNode consumer = mapper.createObjectNode();
        consumer.putObject("cpu").put("window_ns", 500_000_000L).putObject("thread").put("user_ns", 1).put("system_ns", 1);
        final PointRecord record = new PointRecord(new PointKey(TransportKind.UDS, WaitStrategy.KERNEL, 1, Mode.PINGPONG, 64));
        final Map<Metric, Double> metrics = new EnumMap<>(Metric.class);
        metrics.put(Metric.RTT_P50, 60_000.0);
        record.add(RepResult.success(record.key(), 1, metrics, null, producer, consumer, 0));
        final StringBuilder out = new StringBuilder();

        CostReport.table(out, List.of(record), Mode.PINGPONG);

        final String text = out.toString();
        assertTrue(text.contains("  uds                  -            n/a     n/a\n"), text);
        assertTrue(text.contains("  CPU figures withheld (shown as - or n/a): a thread's CPU clock (getrusage) can lag by up to a " +
            "scheduler tick (1-10 ms), so a window under 100 ms cannot be measured:\n" +
            "    " + record.key() + " repetition 1: producer window too short for CPU accounting: 141 us\n"), text);
    }

    private static PointRecord stream(final TransportKind transport, final int batch, final double nsPerMessage)
    {
        final PointRecord record = new PointRecord(new PointKey(transport, WaitStrategy.KERNEL, batch, Mode.STREAM, 64));
        final Map<Metric, Double> metrics = new EnumMap<>(Metric.class);
        metrics.put(Metric.MSGS_PER_S, 1e9 / nsPerMessage);
        record.add(RepResult.success(record.key(), 1, metrics, null, null, null, 0));
        return record;
    }

    private static String answer(final double[] spinRtt, final double[] futexRtt)
    {
        final PointRecord spin = record(WaitStrategy.SPIN, spinRtt, 0.95);
        final PointRecord futex = record(WaitStrategy.FUTEX, futexRtt, 0.45);
        final StringBuilder out = new StringBuilder();
        CostReport.sharedMemoryAnswer(out, List.of(spin, futex));
        return out.toString();
    }

    private static PointRecord record(final WaitStrategy wait, final double[] rtt, final double cpu)
    {
        final PointRecord record = new PointRecord(new PointKey(TransportKind.AGRONA, wait, 1, Mode.PINGPONG, 8));
        for (int r = 0; r < rtt.length; r++)
        {
            final Map<Metric, Double> metrics = new EnumMap<>(Metric.class);
            metrics.put(Metric.RTT_P50, rtt[r]);
            metrics.put(Metric.PRODUCER_CPU, cpu);
            metrics.put(Metric.CONSUMER_CPU, cpu);
            record.add(RepResult.success(record.key(), r + 1, metrics, null, null, null, 0));
        }
        return record;
    }
}
