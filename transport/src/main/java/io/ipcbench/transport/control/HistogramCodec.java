package io.ipcbench.transport.control;

import org.HdrHistogram.Histogram;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.DataFormatException;

/** Latency histograms in nanoseconds, and how a child hands one to the harness on a result line. */
public final class HistogramCodec
{
    /** One hour in ns: anything slower is a hang, not a latency. */
    public static final long HIGHEST_TRACKABLE_NS = 3_600_000_000_000L;
    /** Three significant digits: values are exact to 0.1%. */
    public static final int SIGNIFICANT_DIGITS = 3;

    private HistogramCodec()
    {
    }

    public static Histogram newHistogram()
    {
        return new Histogram(1, HIGHEST_TRACKABLE_NS, SIGNIFICANT_DIGITS);
    }

    /** Compressed HdrHistogram encoding in base64, the same encoding as a line of an .hlog file. */
    public static String encode(final Histogram histogram)
    {
        final ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        final int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        final byte[] bytes = new byte[length];
        buffer.flip();
        buffer.get(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    public static Histogram decode(final String base64)
    {
        try
        {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(base64)), 0);
        }
        catch (final DataFormatException ex)
        {
            throw new IllegalArgumentException("not an encoded histogram: " + ex.getMessage(), ex);
        }
    }
}
