package io.ipcbench.harness.report.html;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One colour per series for every chart of a report. A transport's first series takes that
 * transport's own colour, so uds is the same blue in every report; further series of the same
 * transport (another wait strategy or batch) take the next free colour of the palette.
 */
public final class SeriesColours
{
    private static final Map<String, String> TRANSPORT = Map.of(
        "uds", "#3f6fb0",
        "pipe", "#f08a24",
        "tcp", "#d64545",
        "agrona", "#3f9a4a",
        "chronicle", "#9c5fb5");

    /** After the transports' own colours: distinct on white, and apart from each other in hue or lightness. */
    private static final List<String> EXTRA = List.of(
        "#1fa3a3", "#8c6447", "#c9a227", "#e26fa4", "#5b5fc7", "#6b7280", "#2e7d5b", "#b5542c", "#7aa6d6", "#a3a332");

    private final Map<String, String> colours = new LinkedHashMap<>();

    /** Assigns colours to {@code series} in the order given: the report's order of first appearance. */
    public SeriesColours(final List<String> series)
    {
        final List<String> used = new ArrayList<>();
        final List<String> later = new ArrayList<>();
        for (final String name : series)
        {
            final String own = TRANSPORT.get(transport(name));
            if (own != null && !used.contains(own))
            {
                colours.put(name, own);
                used.add(own);
            }
            else
            {
                later.add(name);
            }
        }
        int next = 0;
        for (final String name : later)
        {
            String colour = null;
            while (colour == null || used.contains(colour) && next < EXTRA.size())
            {
                colour = EXTRA.get(next % EXTRA.size());
                next++;
            }
            colours.put(name, colour);
            used.add(colour);
        }
    }

    /** The colour of a series, {@code #rrggbb}; grey for a series the report did not list. */
    public String of(final String series)
    {
        return colours.getOrDefault(series, "#6b7280");
    }

    /** The series in report order. */
    public List<String> series()
    {
        return new ArrayList<>(colours.keySet());
    }

    /** {@code agrona/spin x16} is of transport {@code agrona}. */
    static String transport(final String series)
    {
        int end = 0;
        while (end < series.length() && series.charAt(end) != '/' && series.charAt(end) != ' ')
        {
            end++;
        }
        return series.substring(0, end);
    }
}
