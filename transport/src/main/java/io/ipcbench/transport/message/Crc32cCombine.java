package io.ipcbench.transport.message;

/**
 * CRC32C of a concatenation from the CRCs of its parts, without reading the parts again
 * (the method of zlib's crc32_combine, for the Castagnoli polynomial).
 *
 * <p>Appending n zero bytes to a message is a linear map on its CRC, a 32x32 matrix over GF(2);
 * so {@code crc(A || B) = shift_|B|(crc(A)) ^ crc(B)}. A sender whose payload is a fixed pattern
 * with a few stamped bytes can then checksum each message from the stamped bytes alone, leaving
 * the reading of every byte to the receiver, whose job it is.
 */
public final class Crc32cCombine
{
    /** CRC32C (Castagnoli), reflected. */
    private static final int POLYNOMIAL = 0x82F63B78;

    private Crc32cCombine()
    {
    }

    /** The operator that appends {@code length} zero bytes to a CRC: apply it with {@link #apply}. */
    public static int[] shift(final long length)
    {
        int[] result = identity();
        if (length <= 0)
        {
            return result;
        }
        // one zero bit, then squared: two bits, four bits, one byte
        int[] power = new int[32];
        power[0] = POLYNOMIAL;
        for (int n = 1; n < 32; n++)
        {
            power[n] = 1 << (n - 1);
        }
        power = square(square(square(power)));
        long remaining = length;
        while (true)
        {
            if ((remaining & 1) != 0)
            {
                result = multiply(power, result);
            }
            remaining >>>= 1;
            if (remaining == 0)
            {
                return result;
            }
            power = square(power);
        }
    }

    /** {@code operator * crc}: the CRC after the zero bytes the operator stands for. */
    public static int apply(final int[] operator, final int crc)
    {
        int sum = 0;
        int vector = crc;
        int row = 0;
        while (vector != 0)
        {
            if ((vector & 1) != 0)
            {
                sum ^= operator[row];
            }
            vector >>>= 1;
            row++;
        }
        return sum;
    }

    /** CRC32C of A || B given crc(A), crc(B) and the operator {@link #shift}(|B|). */
    public static int combine(final int crcA, final int crcB, final int[] shiftB)
    {
        return apply(shiftB, crcA) ^ crcB;
    }

    /**
     * The same operator as byte tables: {@code table[k * 256 + b]} is the operator applied to byte b
     * in position k, so applying it costs four lookups instead of up to 32 conditional xors.
     */
    public static int[] tables(final int[] operator)
    {
        final int[] tables = new int[4 * 256];
        for (int k = 0; k < 4; k++)
        {
            for (int b = 0; b < 256; b++)
            {
                tables[k * 256 + b] = apply(operator, b << (8 * k));
            }
        }
        return tables;
    }

    /** {@link #combine} with the operator in {@link #tables} form: the per-message fast path. */
    public static int combineTables(final int crcA, final int crcB, final int[] tables)
    {
        return tables[crcA & 0xFF] ^ tables[256 + ((crcA >>> 8) & 0xFF)] ^
            tables[512 + ((crcA >>> 16) & 0xFF)] ^ tables[768 + (crcA >>> 24)] ^ crcB;
    }

    private static int[] identity()
    {
        final int[] identity = new int[32];
        for (int n = 0; n < 32; n++)
        {
            identity[n] = 1 << n;
        }
        return identity;
    }

    private static int[] square(final int[] matrix)
    {
        return multiply(matrix, matrix);
    }

    /** {@code a * b}: apply b, then a. */
    private static int[] multiply(final int[] a, final int[] b)
    {
        final int[] product = new int[32];
        for (int n = 0; n < 32; n++)
        {
            product[n] = apply(a, b[n]);
        }
        return product;
    }
}
