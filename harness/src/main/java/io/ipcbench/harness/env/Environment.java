package io.ipcbench.harness.env;

import io.ipcbench.transport.os.Affinity;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a run ran: CPU, kernel, JVM and flags, clock source, speculative-execution mitigations,
 * frequency governor, load, and the IPC limits in effect. Everything is read from the machine at
 * the start of the run; what cannot be read says so.
 */
public final class Environment
{
    public static final String UNAVAILABLE = "unavailable";

    private Environment()
    {
    }

    public static Map<String, Object> capture(final List<String> childFlags, final Path runRoot)
    {
        final Map<String, Object> env = new LinkedHashMap<>();
        env.put("hostname", hostname());
        env.put("cpu_model", cpuModel());
        env.put("cpus_online", read("/sys/devices/system/cpu/online"));
        env.put("cpus_available_to_jvm", Runtime.getRuntime().availableProcessors());
        env.put("harness_affinity", Affinity.currentThreadAffinity());
        env.put("hypervisor", cpuFlags().contains(" hypervisor") ? "yes" : "no");
        env.put("kernel", read("/proc/sys/kernel/osrelease"));
        env.put("os", osName());
        env.put("memory_total", meminfo("MemTotal"));
        env.put("clock_source", read("/sys/devices/system/clocksource/clocksource0/current_clocksource"));
        env.put("frequency_governor", read("/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor"));
        env.put("cpuidle_governor", read("/sys/devices/system/cpu/cpuidle/current_governor_ro"));
        env.put("load_average_at_start", read("/proc/loadavg"));
        env.put("mitigations", mitigations());
        env.put("pipe_max_size", read("/proc/sys/fs/pipe-max-size"));
        env.put("socket_wmem_default", read("/proc/sys/net/core/wmem_default"));
        env.put("socket_rmem_default", read("/proc/sys/net/core/rmem_default"));
        env.put("unix_max_dgram_qlen", read("/proc/sys/net/unix/max_dgram_qlen"));
        env.put("run_directory_root", runRoot.toString());
        env.put("run_directory_free_bytes", freeBytes(runRoot));
        env.put("java_version", System.getProperty("java.runtime.version"));
        env.put("java_vm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
        env.put("java_vendor", System.getProperty("java.vm.vendor"));
        env.put("java_home", System.getProperty("java.home"));
        env.put("harness_jvm_flags", ManagementFactory.getRuntimeMXBean().getInputArguments());
        env.put("child_jvm_flags", childFlags);
        return env;
    }

    /**
     * Reads a small file whole. Not Files.readString: for a zero-sized /proc/sys file it reads one
     * byte, then asks for the rest at offset 1, which sysctl files answer with end-of-file ("1"
     * instead of "1048576"). One large read gets all of it.
     */
    static String read(final String path)
    {
        try (java.io.InputStream in = Files.newInputStream(Path.of(path)))
        {
            return new String(in.readNBytes(1 << 20), StandardCharsets.UTF_8).trim();
        }
        catch (final IOException | RuntimeException ex)
        {
            return UNAVAILABLE;
        }
    }

    private static String cpuInfo()
    {
        return read("/proc/cpuinfo");
    }

    static String cpuModel()
    {
        for (final String line : cpuInfo().split("\n"))
        {
            if (line.startsWith("model name"))
            {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return UNAVAILABLE;
    }

    private static String cpuFlags()
    {
        for (final String line : cpuInfo().split("\n"))
        {
            if (line.startsWith("flags"))
            {
                return " " + line.substring(line.indexOf(':') + 1).trim() + " ";
            }
        }
        return "";
    }

    private static String osName()
    {
        for (final String line : read("/etc/os-release").split("\n"))
        {
            if (line.startsWith("PRETTY_NAME="))
            {
                return line.substring("PRETTY_NAME=".length()).replace("\"", "");
            }
        }
        return System.getProperty("os.name") + " " + System.getProperty("os.version");
    }

    private static String meminfo(final String key)
    {
        for (final String line : read("/proc/meminfo").split("\n"))
        {
            if (line.startsWith(key + ":"))
            {
                return line.substring(key.length() + 1).trim();
            }
        }
        return UNAVAILABLE;
    }

    static Map<String, String> mitigations()
    {
        final Map<String, String> found = new TreeMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(Path.of("/sys/devices/system/cpu/vulnerabilities")))
        {
            for (final Path entry : entries)
            {
                found.put(entry.getFileName().toString(), read(entry.toString()));
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            found.put("status", UNAVAILABLE);
        }
        return found;
    }

    private static Object freeBytes(final Path path)
    {
        try
        {
            final FileStore store = Files.getFileStore(path);
            return store.getUsableSpace();
        }
        catch (final IOException ex)
        {
            return UNAVAILABLE;
        }
    }

    /** This machine's host name, as the environment records it. */
    public static String hostname()
    {
        final String name = read("/proc/sys/kernel/hostname");
        if (!UNAVAILABLE.equals(name))
        {
            return name;
        }
        try
        {
            return InetAddress.getLocalHost().getHostName();
        }
        catch (final IOException ex)
        {
            return UNAVAILABLE;
        }
    }
}
