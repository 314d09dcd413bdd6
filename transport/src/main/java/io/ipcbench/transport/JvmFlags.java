package io.ipcbench.transport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The JVM flags every JVM that loads Agrona or Chronicle needs, as defined once in the parent
 * pom ({@code ipcbench.jvm.flags}) and filtered into this module's resources at build time.
 */
public final class JvmFlags
{
    private static final String RESOURCE = "jvm-flags.txt";

    private JvmFlags()
    {
    }

    public static List<String> required()
    {
        try (InputStream in = JvmFlags.class.getResourceAsStream(RESOURCE))
        {
            if (in == null)
            {
                throw new IllegalStateException("missing resource " + RESOURCE + ": rebuild ipcbench-transport");
            }
            final String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            if (text.contains("${"))
            {
                throw new IllegalStateException("resource " + RESOURCE + " was not filtered by Maven: " + text);
            }
            return Arrays.stream(text.split("\\s+")).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableList());
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("cannot read " + RESOURCE, ex);
        }
    }
}
