package io.ipcbench.harness.faults;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The fault tests' check that nothing is left behind, as an extension: before each test a fresh
 * run-directory root is tracked ({@link Debris#track}), after it nothing of ours may remain there,
 * in /dev/shm or in the temp dir (5 s of grace for children on their way out).
 * {@code @RegisterExtension final DebrisCheck debris = new DebrisCheck();}
 */
final class DebrisCheck implements BeforeEachCallback, AfterEachCallback
{
    private Debris debris;

    @Override
    public void beforeEach(final ExtensionContext context) throws Exception
    {
        debris = Debris.track();
    }

    @Override
    public void afterEach(final ExtensionContext context) throws Exception
    {
        debris.assertNothingLeft(5_000);
    }

    /** The run-directory root the sweeps of this test use (--run-dir). */
    Path root()
    {
        return debris.root();
    }

    /** What of ours is there now, without waiting ({@link Debris#leftovers}). */
    List<String> leftovers() throws IOException
    {
        return debris.leftovers();
    }
}
