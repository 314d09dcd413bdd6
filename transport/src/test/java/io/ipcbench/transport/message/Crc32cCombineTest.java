package io.ipcbench.transport.message;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;
import java.util.zip.CRC32C;

import static org.junit.jupiter.api.Assertions.assertEquals;

class Crc32cCombineTest
{
    private static int crc(final byte[] bytes, final int offset, final int length)
    {
        final CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return (int)crc.getValue();
    }

    @Test
    void shouldCombineCrcsOfTwoPartsIntoTheCrcOfTheirConcatenation()
    {
        final Random random = new Random(42);
        for (int trial = 0; trial < 200; trial++)
        {
            final byte[] bytes = new byte[random.nextInt(70_000) + 1];
            random.nextBytes(bytes);
            final int split = random.nextInt(bytes.length + 1);
            final int b = bytes.length - split;
            final int[] shift = Crc32cCombine.shift(b);
            final int expected = crc(bytes, 0, bytes.length);
            assertEquals(expected, Crc32cCombine.combine(crc(bytes, 0, split), crc(bytes, split, b), shift), "split " + split);
            assertEquals(expected, Crc32cCombine.combineTables(crc(bytes, 0, split), crc(bytes, split, b), Crc32cCombine.tables(shift)));
        }
    }

    @Test
    void shouldLeaveCrcUnchangedForZeroLengthShift()
    {
        assertEquals(0x12345678, Crc32cCombine.apply(Crc32cCombine.shift(0), 0x12345678));
    }

    @Test
    void shouldComputeCrcOfLongAsItsLittleEndianBytes()
    {
        final Random random = new Random(7);
        for (int i = 0; i < 1000; i++)
        {
            final long value = i == 0 ? 0 : i == 1 ? -1 : random.nextLong();
            final byte[] bytes = new byte[8];
            for (int k = 0; k < 8; k++)
            {
                bytes[k] = (byte)(value >>> (8 * k));
            }
            assertEquals(crc(bytes, 0, 8), MessageWriter.crcOfLong(value));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 17, 64, 4096, 65_536, 1 << 20})
    void shouldDeriveTheSameChecksumFromStampsAsFromReadingEveryByte(final int size)
    {
        final int batch = 3;
        final MessageBuffer memory = new MessageBuffer(batch * MessageHeader.wireLength(size));
        final MessageWriter writer = new MessageWriter(memory, VerifyMode.CRC);
        writer.prepareSlots(batch, size);
        final MessageVerifier verifier = new MessageVerifier(memory, VerifyMode.CRC);
        final Payload payload = new Payload(memory);
        for (long sequence = 0; sequence < 20; sequence++)
        {
            final int offset = (int)(sequence % batch) * MessageHeader.wireLength(size);
            writer.write(offset, sequence, size, 0);
            assertEquals(payload.checksum(offset + MessageHeader.LENGTH, size),
                memory.buffer().getInt(offset + MessageHeader.CHECKSUM_OFFSET), "sequence " + sequence);
            assertEquals(MessageVerifier.OK, verifier.verify(offset, sequence, size));
        }
    }
}
