package io.ipcbench.transport.message;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The sender's injected message faults spoil exactly the one message named, in the way the receiver must catch. */
class MessageFaultTest
{
    private final MessageBuffer memory = new MessageBuffer(1 << 16);

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 16, 64, 4096})
    void shouldFlipOnlyTheNamedMessagesPayload(final int size)
    {
        final MessageWriter writer = new MessageWriter(memory, VerifyMode.CRC, new MessageFault(MessageFault.Kind.FLIP_BYTE, 5));
        final MessageVerifier verifier = new MessageVerifier(memory, VerifyMode.CRC);
        writer.prepareSlots(1, size);

        writer.write(0, 4, size, 0);
        assertEquals(MessageVerifier.OK, verifier.verify(0, 4, size));
        writer.write(0, 5, size, 0);
        assertEquals(MessageVerifier.BAD_CHECKSUM, verifier.verify(0, 5, size));
        writer.write(0, 6, size, 0);
        assertEquals(MessageVerifier.OK, verifier.verify(0, 6, size), "the next message is whole again");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 64})
    void shouldLabelTheSkippedMessageWithTheNextSequence(final int size)
    {
        final MessageWriter writer = new MessageWriter(memory, VerifyMode.CRC, new MessageFault(MessageFault.Kind.SKIP_SEQUENCE, 5));
        final MessageVerifier verifier = new MessageVerifier(memory, VerifyMode.CRC);
        writer.prepareSlots(1, size);

        writer.write(0, 5, size, 0);

        assertEquals(MessageVerifier.BAD_SEQUENCE, verifier.verify(0, 5, size));
        assertEquals("lost or reordered message: expected sequence=5 but received sequence=6", verifier.describe(MessageVerifier.BAD_SEQUENCE, 0, 5, size));
    }
}
