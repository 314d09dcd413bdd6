package io.ipcbench.harness.launch;

import io.ipcbench.transport.JvmFlags;
import io.ipcbench.transport.Side;
import io.ipcbench.transport.control.PointSpec;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How a producer or consumer JVM is started: the harness's own java binary and classpath, the
 * flags Agrona and Chronicle need (defined once in the parent pom), and the settings ipcbench
 * chooses for a measuring child.
 */
public final class ChildJvm
{
    /**
     * Serial GC: the hot loops allocate nothing, and one GC thread is less to share two CPUs with.
     * A fixed number of compiler threads lets the warm-up watch all of them from the start.
     * Agrona's buffer bounds checks are off in the measuring children, as in Agrona's and Aeron's
     * own benchmarks; the tests run with them on. Direct memory (the send and receive buffers) is
     * capped explicitly, so that the sweep can check a size against it before anything starts.
     */
    public static final List<String> TUNING = List.of(
        "-XX:+UseSerialGC",
        "-Xms64m",
        "-Xmx768m",
        "-XX:MaxDirectMemorySize=768m",
        "-XX:-UseDynamicNumberOfCompilerThreads",
        "-Dagrona.disable.bounds.checks=true");

    /** The children's -XX:MaxDirectMemorySize, in bytes. */
    public static final long MAX_DIRECT_MEMORY = 768L << 20;

    public static final String PRODUCER_MAIN = "io.ipcbench.producer.ProducerMain";
    public static final String CONSUMER_MAIN = "io.ipcbench.consumer.ConsumerMain";

    private final String javaBinary;
    private final String classpath;
    private final List<String> flags;

    public ChildJvm()
    {
        this.javaBinary = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        this.classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(entry -> !entry.isEmpty())
            .map(entry -> Path.of(entry).toAbsolutePath().toString())
            .collect(Collectors.joining(File.pathSeparator));
        final List<String> all = new ArrayList<>(JvmFlags.required());
        all.addAll(TUNING);
        this.flags = List.copyOf(all);
    }

    public List<String> command(final Side side, final PointSpec spec)
    {
        final List<String> command = new ArrayList<>();
        command.add(javaBinary);
        command.addAll(flags);
        // Chronicle looks for a build directory ("target") above the working directory and,
        // finding none, creates java.io.tmpdir/target: point it at the pair's own run directory,
        // which is removed with the pair.
        command.add("-Dproject.build.directory=" + spec.directory);
        command.add("-cp");
        command.add(classpath);
        command.add(side == Side.PRODUCER ? PRODUCER_MAIN : CONSUMER_MAIN);
        command.addAll(spec.toArgs());
        return command;
    }

    public String javaBinary()
    {
        return javaBinary;
    }

    /** Every flag a child gets, for the record. */
    public List<String> flags()
    {
        return flags;
    }
}
