package io.ipcbench.harness.results;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table for the commands that read runs back (recommend, compare): the first row is
 * the header, the first {@code leftColumns} columns are left-aligned (names), the rest right-aligned
 * (figures), two spaces of indent, three between columns, no trailing blanks.
 */
public final class TextTable
{
    private final int leftColumns;
    private final List<List<String>> rows = new ArrayList<>();

    /**
     * @param leftColumns how many leading columns hold names rather than figures.
     * @param header      the column titles.
     */
    public TextTable(final int leftColumns, final List<String> header)
    {
        this.leftColumns = leftColumns;
        rows.add(List.copyOf(header));
    }

    /** Adds a row; it must have as many cells as the header. */
    public TextTable row(final List<String> cells)
    {
        if (cells.size() != rows.get(0).size())
        {
            throw new IllegalArgumentException("a row needs " + rows.get(0).size() + " cells: cells=" + cells.size());
        }
        rows.add(List.copyOf(cells));
        return this;
    }

    /** The rows added after the header. */
    public int size()
    {
        return rows.size() - 1;
    }

    /** Appends the aligned table, one line per row, to {@code out}. */
    public void appendTo(final StringBuilder out)
    {
        final int columns = rows.get(0).size();
        final int[] widths = new int[columns];
        for (final List<String> row : rows)
        {
            for (int i = 0; i < columns; i++)
            {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (final List<String> row : rows)
        {
            final StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < columns; i++)
            {
                final String cell = row.get(i);
                final String pad = " ".repeat(widths[i] - cell.length());
                if (i > 0)
                {
                    line.append("   ");
                }
                line.append(i < leftColumns ? cell + pad : pad + cell);
            }
            out.append(line.toString().replaceAll("\\s+$", "")).append('\n');
        }
    }

    @Override
    public String toString()
    {
        final StringBuilder out = new StringBuilder();
        appendTo(out);
        return out.toString();
    }
}
