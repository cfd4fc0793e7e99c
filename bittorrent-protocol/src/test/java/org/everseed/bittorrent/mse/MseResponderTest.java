package org.everseed.bittorrent.mse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MseResponderTest {
    private static final byte[] SKEY = "0123456789abcdefghij".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OTHER = "jihgfedcba9876543210".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ZERO_VC = new byte[8];
    private static final Set<CryptoMethod> BOTH = EnumSet.allOf(CryptoMethod.class);

    private static MseResponder responder(Set<CryptoMethod> allowed, boolean preferRc4) {
        return new MseResponder(req2 -> Arrays.equals(req2, MseHashes.req2(SKEY)) ? SKEY.clone()
                : Arrays.equals(req2, MseHashes.req2(OTHER)) ? OTHER.clone() : null, allowed, preferRc4, new SecureRandom());
    }

    @Test
    void completesWithPlaintextWhenOfferedAndDeliversTheInitialPayload() {
        MseResponder b = responder(BOTH, false);
        TestInitiator a = new TestInitiator(SKEY);
        byte[] yb = b.receive(ByteBuffer.wrap(a.hello(37)));
        assertThat(yb.length).isBetween(96, 96 + 512);
        a.readYb(yb);
        byte[] handshake = "\u0013BitTorrent protocol........".getBytes(StandardCharsets.US_ASCII);
        byte[] payloadAfter = {1, 2, 3};
        ByteBuffer in = ByteBuffer.wrap(TestInitiator.concat(a.request(ZERO_VC, 0x03, 100, handshake), payloadAfter));
        byte[] select = b.receive(in);
        assertThat(b.done()).isTrue();
        assertThat(a.readSelect(select)).isEqualTo(CryptoMethod.PLAINTEXT.bit());
        assertThat(b.method()).isEqualTo(CryptoMethod.PLAINTEXT);
        assertThat(b.skey()).isEqualTo(SKEY);
        assertThat(b.initialPayload()).isEqualTo(handshake);
        assertThat(in.remaining()).as("payload after the handshake is left for the caller").isEqualTo(3);
    }

    @Test
    void rc4StreamsContinueAfterTheHandshakeInBothDirections() {
        MseResponder b = responder(BOTH, true);
        TestInitiator a = new TestInitiator(OTHER);
        a.readYb(b.receive(ByteBuffer.wrap(a.hello(0))));
        assertThat(a.readSelect(b.receive(ByteBuffer.wrap(a.request(ZERO_VC, 0x03, 0, new byte[0])))))
                .isEqualTo(CryptoMethod.RC4.bit());
        assertThat(b.method()).isEqualTo(CryptoMethod.RC4);
        assertThat(b.skey()).isEqualTo(OTHER);
        assertThat(b.initialPayload()).isEmpty();
        byte[] message = "interested".getBytes(StandardCharsets.US_ASCII);
        assertThat(b.incoming().apply(a.outgoing.apply(message))).isEqualTo(message);
        assertThat(a.incoming.apply(b.outgoing().apply(message))).isEqualTo(message);
    }

    @Test
    void selectsRc4WhenTheInitiatorOffersOnlyRc4() {
        MseResponder b = responder(BOTH, false);
        TestInitiator a = new TestInitiator(SKEY);
        a.readYb(b.receive(ByteBuffer.wrap(a.hello(512))));
        assertThat(a.readSelect(b.receive(ByteBuffer.wrap(a.request(ZERO_VC, 0x02, 512, new byte[68])))))
                .isEqualTo(CryptoMethod.RC4.bit());
    }

    @Test
    void acceptsTheStreamOneByteAtATime() {
        MseResponder b = responder(BOTH, false);
        TestInitiator a = new TestInitiator(SKEY);
        byte[] hello = a.hello(200);
        byte[] yb = new byte[0];
        for (byte x : hello) {
            ByteBuffer one = ByteBuffer.allocate(97);
            one.put(x).flip();
            yb = TestInitiator.concat(yb, feed(b, one));
        }
        a.readYb(yb);
        byte[] select = new byte[0];
        for (byte x : a.request(ZERO_VC, 0x01, 3, new byte[] {9, 8, 7})) {
            select = TestInitiator.concat(select, feed(b, ByteBuffer.wrap(new byte[] {x})));
        }
        assertThat(a.readSelect(select)).isEqualTo(CryptoMethod.PLAINTEXT.bit());
        assertThat(b.initialPayload()).containsExactly(9, 8, 7);
    }

    /** Feeds what the buffer holds, keeping unconsumed bytes for the next call as a transport would. */
    private byte[] pending = new byte[0];

    private byte[] feed(MseResponder b, ByteBuffer more) {
        byte[] bytes = new byte[more.remaining()];
        more.get(bytes);
        ByteBuffer in = ByteBuffer.wrap(TestInitiator.concat(pending, bytes));
        byte[] out = b.receive(in);
        pending = Arrays.copyOfRange(in.array(), in.position(), in.limit());
        return out;
    }

    @Test
    void rejectsAnUnknownTorrent() {
        MseResponder b = responder(BOTH, false);
        TestInitiator a = new TestInitiator("not-a-served-torrent".getBytes(StandardCharsets.US_ASCII));
        a.readYb(b.receive(ByteBuffer.wrap(a.hello(0))));
        assertThatThrownBy(() -> b.receive(ByteBuffer.wrap(a.request(ZERO_VC, 0x03, 0, new byte[0]))))
                .isInstanceOf(MseException.class).hasMessageContaining("no served torrent").hasMessageContaining("byte 116");
    }

    @Test
    void rejectsAWrongVerificationConstant() {
        MseResponder b = responder(BOTH, false);
        TestInitiator a = new TestInitiator(SKEY);
        a.readYb(b.receive(ByteBuffer.wrap(a.hello(0))));
        byte[] vc = new byte[8];
        vc[3] = 1;
        assertThatThrownBy(() -> b.receive(ByteBuffer.wrap(a.request(vc, 0x03, 0, new byte[0]))))
                .isInstanceOf(MseException.class).hasMessageContaining("VC").hasMessageContaining("byte 139");
    }

    @Test
    void rejectsTooMuchPaddingBeforeTheMarker() {
        MseResponder b = responder(BOTH, false);
        TestInitiator a = new TestInitiator(SKEY);
        a.readYb(feed(b, ByteBuffer.wrap(a.hello(513))));             // the last 19 padding bytes wait for more
        assertThatThrownBy(() -> feed(b, ByteBuffer.wrap(a.request(ZERO_VC, 0x03, 0, new byte[0]))))
                .isInstanceOf(MseException.class).hasMessageContaining("no HASH('req1', S) after 512 bytes");
    }

    @Test
    void rejectsGarbageAfterThePublicKeyWithinBoundedInput() {
        MseResponder b = responder(BOTH, false);
        b.receive(ByteBuffer.wrap(new TestInitiator(SKEY).hello(0)));
        ByteBuffer garbage = ByteBuffer.wrap(new byte[100_000]);
        assertThatThrownBy(() -> b.receive(garbage)).isInstanceOf(MseException.class);
        assertThat(garbage.position()).isEqualTo(512);
    }

    @Test
    void rejectsOverLongPadC() {
        MseResponder b = responder(BOTH, false);
        TestInitiator a = new TestInitiator(SKEY);
        a.readYb(b.receive(ByteBuffer.wrap(a.hello(0))));
        assertThatThrownBy(() -> b.receive(ByteBuffer.wrap(a.request(ZERO_VC, 0x03, 513, new byte[0]))))
                .isInstanceOf(MseException.class).hasMessageContaining("len(PadC) 513");
    }

    @Test
    void rejectsWhenNoMethodIsShared() {
        MseResponder b = responder(EnumSet.of(CryptoMethod.RC4), false);
        TestInitiator a = new TestInitiator(SKEY);
        a.readYb(b.receive(ByteBuffer.wrap(a.hello(0))));
        assertThatThrownBy(() -> b.receive(ByteBuffer.wrap(a.request(ZERO_VC, 0x01, 0, new byte[0]))))
                .isInstanceOf(MseException.class).hasMessageContaining("no common crypto method");
    }

    @Test
    void rejectsADegeneratePublicKey() {
        MseResponder b = responder(BOTH, false);
        byte[] one = new byte[96];
        one[95] = 1;
        assertThatThrownBy(() -> b.receive(ByteBuffer.wrap(one))).isInstanceOf(MseException.class)
                .hasMessageContaining("out of range");
    }

    @Test
    void waitsForWholePartsAndSendsNothingEarly() {
        MseResponder b = responder(BOTH, false);
        ByteBuffer partial = ByteBuffer.wrap(new byte[95]);
        assertThat(b.receive(partial)).isEmpty();
        assertThat(partial.position()).isZero();
        assertThat(b.done()).isFalse();
        assertThat(b.method()).isNull();
    }

    @Test
    void tellsAPlainHandshakeFromAPublicKey() {
        byte[] plain = "\u0013BitTorrent protocol".getBytes(StandardCharsets.US_ASCII);
        assertThat(MseResponder.isPlainHandshake(ByteBuffer.wrap(plain))).isTrue();
        assertThat(MseResponder.isPlainHandshake(ByteBuffer.wrap(plain, 0, 7))).isNull();
        assertThat(MseResponder.isPlainHandshake(ByteBuffer.wrap(new byte[0]))).isNull();
        byte[] almost = plain.clone();
        almost[19] = 'x';
        assertThat(MseResponder.isPlainHandshake(ByteBuffer.wrap(almost))).isFalse();
        assertThat(MseResponder.isPlainHandshake(ByteBuffer.wrap(new byte[] {19, 'B', 'x'}))).isFalse();
    }

    @Test
    void refusesAnEmptySetOfMethods() {
        assertThatThrownBy(() -> responder(EnumSet.noneOf(CryptoMethod.class), false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
