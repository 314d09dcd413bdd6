package io.ipcbench.harness.results;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The synthetic runs under src/test/resources/runs/ (each run.json says what it is in its fixture_note). */
public final class Fixtures
{
    private Fixtures()
    {
    }

    /** The directory of the fixture run {@code name}, e.g. {@code base}. */
    public static Path run(final String name)
    {
        final URL url = Fixtures.class.getResource("/runs/" + name + "/run.json");
        if (url == null)
        {
            throw new IllegalArgumentException("no fixture run: " + name);
        }
        try
        {
            return Path.of(url.toURI()).getParent();
        }
        catch (final URISyntaxException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    /** The directory holding every fixture run, a results directory of its own. */
    public static Path root()
    {
        return run("base").getParent();
    }
}
