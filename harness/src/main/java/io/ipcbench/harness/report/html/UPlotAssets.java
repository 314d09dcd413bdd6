package io.ipcbench.harness.report.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

/**
 * uPlot's script, style and licence, read from its WebJar (org.webjars.npm:uplot) on the
 * classpath so that the report can inline them. The version is the WebJar's own, so bumping
 * the dependency in the pom is all an upgrade takes.
 */
public final class UPlotAssets
{
    private static final String POM_PROPERTIES = "/META-INF/maven/org.webjars.npm/uplot/pom.properties";

    private static final class Loaded
    {
        static final String VERSION = version(POM_PROPERTIES);
        static final String ROOT = "/META-INF/resources/webjars/uplot/" + VERSION + "/";
        static final String SCRIPT = scriptSafe(read(ROOT + "dist/uPlot.iife.min.js"));
        static final String CSS = read(ROOT + "dist/uPlot.min.css");
        static final String LICENSE = read(ROOT + "LICENSE");
    }

    private UPlotAssets()
    {
    }

    /** The uPlot version inlined, e.g. {@code 1.6.30}. */
    public static String version()
    {
        return Loaded.VERSION;
    }

    /** uPlot's minified script, which defines the global {@code uPlot}. */
    public static String script()
    {
        return Loaded.SCRIPT;
    }

    /** uPlot's stylesheet. */
    public static String css()
    {
        return Loaded.CSS;
    }

    /** uPlot's MIT licence text, which must travel with every copy of it. */
    public static String license()
    {
        return Loaded.LICENSE;
    }

    private static String version(final String path)
    {
        try (InputStream in = UPlotAssets.class.getResourceAsStream(path))
        {
            if (in == null)
            {
                throw missing(path);
            }
            final Properties properties = new Properties();
            properties.load(in);
            final String version = properties.getProperty("version");
            if (version == null || version.isBlank())
            {
                throw new IllegalStateException("uPlot WebJar has no version in " + path);
            }
            return version.trim();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("uPlot WebJar cannot be read: " + path, ex);
        }
    }

    private static String read(final String path)
    {
        try (InputStream in = UPlotAssets.class.getResourceAsStream(path))
        {
            if (in == null)
            {
                throw missing(path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("uPlot WebJar cannot be read: " + path, ex);
        }
    }

    private static IllegalStateException missing(final String path)
    {
        return new IllegalStateException("uPlot is not on the classpath (" + path + " missing): " +
            "the harness needs the org.webjars.npm:uplot jar, which the build copies to harness/target/lib");
    }

    /** Inlined, the script must not contain the one sequence that would end its element early. */
    private static String scriptSafe(final String script)
    {
        if (script.toLowerCase(Locale.ROOT).contains("</script"))
        {
            throw new IllegalStateException("uPlot's script contains '</script' and cannot be inlined");
        }
        return script;
    }
}
