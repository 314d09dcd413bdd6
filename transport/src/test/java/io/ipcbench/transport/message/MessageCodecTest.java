package io.ipcbench.transport.message;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.zip.CRC32C;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MessageCodecTest
{
    private static final int CAPACITY = 8192;
    /** Messages are written away from offset 0 so that offset arithmetic is exercised. */
    private static final int OFFSET = 128;
    private static final long SEND_TIME_NS = 123_456_789L;

    private final MessageBuffer memory = new MessageBuffer(CAPACITY);
    private final UnsafeBuffer buffer = memory.buffer();

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 8, 15, 16, 17, 4096})
    void shouldVerifyWrittenMessageWithCrc(final int size)
    {
        final MessageWriter writer = new MessageWriter(memory, VerifyMode.CRC);
        writer.prepare(OFFSET, size);
        final int wireLength = writer.write(OFFSET, 42, size, SEND_TIME_NS);

        assertEquals(MessageHeader.LENGTH + size, wireLength);
        assertEquals(MessageHeader.wireLength(size), wireLength);
        assertEquals(42, buffer.getLong(OFFSET + MessageHeader.SEQUENCE_OFFSET));
        assertEquals(SEND_TIME_NS, buffer.getLong(OFFSET + MessageHeader.TIMESTAMP_OFFSET));
        assertEquals(size, buffer.getInt(OFFSET + MessageHeader.LENGTH_OFFSET));
        assertEquals(crc32c(payloadBytes(OFFSET, size)), buffer.getInt(OFFSET + MessageHeader.CHECKSUM_OFFSET));

        final MessageVerifier verifier = new MessageVerifier(memory, VerifyMode.CRC);
        assertEquals(MessageVerifier.OK, verifier.verify(OFFSET, 42, size));
        assertEquals("message ok: sequence=42", verifier.describe(MessageVerifier.OK, OFFSET, 42, size));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 8, 15, 16, 17, 4096})
    void shouldVerifyWrittenMessageWithHeaderOnly(final int size)
    {
        final MessageWriter writer = new MessageWriter(memory, VerifyMode.HEADER);
        writer.prepare(OFFSET, size);
        writer.write(OFFSET, 7, size, SEND_TIME_NS);

        assertEquals(0, buffer.getInt(OFFSET + MessageHeader.CHECKSUM_OFFSET), "no checksum when not verifying");
        assertEquals(MessageVerifier.OK, new MessageVerifier(memory, VerifyMode.HEADER).verify(OFFSET, 7, size));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 8, 15, 16, 17, 4096})
    void shouldDetectFlippedPayloadByteWithCrcOnly(final int size)
    {
        final MessageWriter writer = new MessageWriter(memory, VerifyMode.CRC);
        writer.prepare(OFFSET, size);
        writer.write(OFFSET, 99, size, SEND_TIME_NS);
        final int headerCrc = buffer.getInt(OFFSET + MessageHeader.CHECKSUM_OFFSET);

        final int index = OFFSET + MessageHeader.LENGTH + size / 2;
        buffer.putByte(index, (byte)(buffer.getByte(index) ^ 0x01));

        final MessageVerifier crcVerifier = new MessageVerifier(memory, VerifyMode.CRC);
        assertEquals(MessageVerifier.BAD_CHECKSUM, crcVerifier.verify(OFFSET, 99, size));
        assertEquals(
            "corrupted payload: sequence=99 length=" + size + " CRC32C in header=" + Integer.toHexString(headerCrc) +
            " computed=" + Integer.toHexString(crc32c(payloadBytes(OFFSET, size))),
            crcVerifier.describe(MessageVerifier.BAD_CHECKSUM, OFFSET, 99, size));

        assertEquals(MessageVerifier.OK, new MessageVerifier(memory, VerifyMode.HEADER).verify(OFFSET, 99, size));
    }

    @ParameterizedTest
    @EnumSource(VerifyMode.class)
    void shouldReportSkippedSequenceAsLost(final VerifyMode mode)
    {
        final MessageWriter writer = new MessageWriter(memory, mode);
        writer.prepare(OFFSET, 64);
        writer.write(OFFSET, 6, 64, SEND_TIME_NS);

        final MessageVerifier verifier = new MessageVerifier(memory, mode);
        assertEquals(MessageVerifier.BAD_SEQUENCE, verifier.verify(OFFSET, 5, 64));
        assertEquals(
            "lost or reordered message: expected sequence=5 but received sequence=6",
            verifier.describe(MessageVerifier.BAD_SEQUENCE, OFFSET, 5, 64));
    }

    @Test
    void shouldReportRepeatedSequenceAsDuplicated()
    {
        final MessageWriter writer = new MessageWriter(memory, VerifyMode.CRC);
        writer.write(OFFSET, 4, 64, SEND_TIME_NS);

        final MessageVerifier verifier = new MessageVerifier(memory, VerifyMode.CRC);
        assertEquals(MessageVerifier.BAD_SEQUENCE, verifier.verify(OFFSET, 5, 64));
        assertEquals(
            "duplicated or reordered message: expected sequence=5 but received sequence=4",
            verifier.describe(MessageVerifier.BAD_SEQUENCE, OFFSET, 5, 64));
    }

    @ParameterizedTest
    @EnumSource(VerifyMode.class)
    void shouldReportWrongLength(final VerifyMode mode)
    {
        final MessageWriter writer = new MessageWriter(memory, mode);
        writer.prepare(OFFSET, 64);
        writer.write(OFFSET, 5, 64, SEND_TIME_NS);

        final MessageVerifier verifier = new MessageVerifier(memory, mode);
        assertEquals(MessageVerifier.BAD_LENGTH, verifier.verify(OFFSET, 5, 65));
        assertEquals(
            "truncated or corrupted message: sequence=5 expected length=65 but header says length=64",
            verifier.describe(MessageVerifier.BAD_LENGTH, OFFSET, 5, 65));
    }

    @Test
    void shouldCheckSequenceBeforeLength()
    {
        final MessageWriter writer = new MessageWriter(memory, VerifyMode.CRC);
        writer.write(OFFSET, 6, 64, SEND_TIME_NS);

        assertEquals(MessageVerifier.BAD_SEQUENCE, new MessageVerifier(memory, VerifyMode.CRC).verify(OFFSET, 5, 32));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 8, 15, 16, 17, 4096})
    void shouldStampConsecutivePayloadsDifferently(final int size)
    {
        final MessageWriter writer = new MessageWriter(memory, VerifyMode.CRC);
        writer.prepare(OFFSET, size);

        writer.write(OFFSET, 1000, size, SEND_TIME_NS);
        final byte[] first = payloadBytes(OFFSET, size);
        writer.write(OFFSET, 1001, size, SEND_TIME_NS);
        final byte[] second = payloadBytes(OFFSET, size);

        assertFalse(Arrays.equals(first, second), "payloads of consecutive messages must differ");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 8, 15, 16, 17, 4096})
    void shouldFailCrcWhenFreshHeaderCarriesStalePayload(final int size)
    {
        final MessageWriter writer = new MessageWriter(memory, VerifyMode.CRC);
        writer.prepare(OFFSET, size);
        writer.write(OFFSET, 1000, size, SEND_TIME_NS);
        final byte[] stalePayload = payloadBytes(OFFSET, size);

        writer.write(OFFSET, 1001, size, SEND_TIME_NS);
        final MessageVerifier verifier = new MessageVerifier(memory, VerifyMode.CRC);
        assertEquals(MessageVerifier.OK, verifier.verify(OFFSET, 1001, size));

        // a transport that updated the header but delivered the previous message's payload bytes
        buffer.putBytes(OFFSET + MessageHeader.LENGTH, stalePayload);
        assertEquals(MessageVerifier.BAD_CHECKSUM, verifier.verify(OFFSET, 1001, size));
    }

    @Test
    void shouldKeepPatternBetweenStamps()
    {
        final int size = 4096;
        final MessageWriter writer = new MessageWriter(memory, VerifyMode.CRC);
        writer.prepare(OFFSET, size);
        writer.write(OFFSET, 3, size, SEND_TIME_NS);

        final byte[] payload = payloadBytes(OFFSET, size);
        for (int i = 8; i < size - 8; i++)
        {
            assertEquals(Payload.patternByte(i), payload[i], "pattern byte " + i);
        }
        assertEquals(3, buffer.getLong(OFFSET + MessageHeader.LENGTH));
        assertEquals(~3L, buffer.getLong(OFFSET + MessageHeader.LENGTH + size - 8));
    }

    @Test
    void shouldWriteMarkerWithEmptyPayload()
    {
        final MessageWriter writer = new MessageWriter(memory, VerifyMode.CRC);
        final int wireLength = writer.writeMarker(OFFSET, MessageHeader.END_OF_STREAM, SEND_TIME_NS);

        assertEquals(MessageHeader.LENGTH, wireLength);
        assertEquals(MessageHeader.END_OF_STREAM, buffer.getLong(OFFSET + MessageHeader.SEQUENCE_OFFSET));
        assertEquals(SEND_TIME_NS, buffer.getLong(OFFSET + MessageHeader.TIMESTAMP_OFFSET));
        assertEquals(0, buffer.getInt(OFFSET + MessageHeader.LENGTH_OFFSET));
        assertEquals(0, buffer.getInt(OFFSET + MessageHeader.CHECKSUM_OFFSET));
        assertEquals(MessageVerifier.OK, new MessageVerifier(memory, VerifyMode.CRC).verify(OFFSET, MessageHeader.END_OF_STREAM, 0));
    }

    @Test
    void shouldComputeChecksumOfGivenRangeOnly()
    {
        final byte[] bytes = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        buffer.putBytes(OFFSET, bytes);
        final Payload payload = new Payload(memory);

        assertEquals(crc32c(new byte[]{3, 4, 5, 6}), payload.checksum(OFFSET + 2, 4));
        assertEquals(crc32c(bytes), payload.checksum(OFFSET, bytes.length));
        assertEquals(crc32c(new byte[0]), payload.checksum(OFFSET, 0));
    }

    @Test
    void shouldHaveConsistentHeaderLayout()
    {
        assertEquals(0, MessageHeader.SEQUENCE_OFFSET);
        assertEquals(MessageHeader.SEQUENCE_OFFSET + Long.BYTES, MessageHeader.TIMESTAMP_OFFSET);
        assertEquals(MessageHeader.TIMESTAMP_OFFSET + Long.BYTES, MessageHeader.LENGTH_OFFSET);
        assertEquals(MessageHeader.LENGTH_OFFSET + Integer.BYTES, MessageHeader.CHECKSUM_OFFSET);
        assertEquals(MessageHeader.CHECKSUM_OFFSET + Integer.BYTES, MessageHeader.LENGTH);
        assertEquals(24, MessageHeader.LENGTH);
        assertEquals(24, MessageHeader.wireLength(0));
        assertEquals(1 << 30, MessageHeader.MAX_PAYLOAD);
    }

    @Test
    void shouldRejectNonPositiveBufferCapacity()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> new MessageBuffer(0));
        assertEquals("capacity must be positive: capacity=0", ex.getMessage());
    }

    @Test
    void shouldAlignBufferToCacheLine()
    {
        final MessageBuffer odd = new MessageBuffer(100);
        assertEquals(100, odd.capacity());
        assertEquals(0, odd.address() % 64);
    }

    @Test
    void shouldParseVerifyMode()
    {
        assertEquals(VerifyMode.CRC, VerifyMode.parse(" CRC "));
        assertEquals(VerifyMode.HEADER, VerifyMode.parse("header"));
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> VerifyMode.parse("md5"));
        assertEquals("unknown verify mode: verify=md5 (known: crc, header)", ex.getMessage());
    }

    @Test
    void shouldStampShortPayloadWithSequenceBytes()
    {
        final int size = 11;
        final long sequence = 0x0102030405060708L;
        final MessageWriter writer = new MessageWriter(memory, VerifyMode.CRC);
        writer.prepare(OFFSET, size);
        writer.write(OFFSET, sequence, size, SEND_TIME_NS);

        final byte[] expected = new byte[size];
        for (int i = 0; i < size; i++)
        {
            // payloads shorter than 16 bytes carry the sequence's bytes, low byte first, repeating every 8
            expected[i] = (byte)(sequence >>> ((i & 7) << 3));
        }
        assertArrayEquals(expected, payloadBytes(OFFSET, size));
    }

    private byte[] payloadBytes(final int offset, final int size)
    {
        final byte[] bytes = new byte[size];
        buffer.getBytes(offset + MessageHeader.LENGTH, bytes);
        return bytes;
    }

    private static int crc32c(final byte[] bytes)
    {
        final CRC32C crc = new CRC32C();
        crc.update(bytes);
        return (int)crc.getValue();
    }
}
