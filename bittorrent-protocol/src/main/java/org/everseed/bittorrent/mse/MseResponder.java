package org.everseed.bittorrent.mse;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;

/**
 * The receiving side (B) of an MSE/PE handshake, as a state machine over the bytes the initiator (A) sends:
 * <ol>
 *   <li>A: Ya (96 bytes), PadA (0-512 bytes). B answers Yb and PadB.</li>
 *   <li>A: HASH('req1', S), HASH('req2', SKEY) xor HASH('req3', S), then RC4 with keyA:
 *       VC (8 zero bytes), crypto_provide (4 bytes), len(PadC) (2 bytes), PadC (0-512 bytes), len(IA) (2 bytes),
 *       IA (the initial payload, often the plain BitTorrent handshake). B answers, RC4 with keyB: VC,
 *       crypto_select (4 bytes), len(PadD) = 0.</li>
 * </ol>
 * Then the payload flows in the selected {@link CryptoMethod}, continuing {@link #incoming()} and
 * {@link #outgoing()} when it is RC4. Integers are big-endian. Input is bounded: at most 96 + 512 + 20 bytes before
 * the synchronisation marker, 512 bytes of PadC and 65,535 of IA.
 *
 * <p>Not thread-safe: one per connection. Source: the Vuze "Message Stream Encryption" specification.
 */
public final class MseResponder {
    /** Most padding bytes allowed in PadA and PadC (and sent in PadB). */
    public static final int MAX_PADDING = 512;
    private static final int VERIFY_LENGTH = 8 + 4 + 2;
    private static final byte[] PLAIN_START = plainStart();

    private enum State { PUBLIC_KEY, SYNC, TORRENT, VERIFY, PAD_C, INITIAL_PAYLOAD, DONE }

    private final Function<byte[], byte[]> skeyByReq2;
    private final Set<CryptoMethod> allowed;
    private final boolean preferRc4;
    private final SecureRandom random;
    private final DiffieHellman keys;
    private State state = State.PUBLIC_KEY;
    private long consumed;
    private int padA;
    private byte[] secret;
    private byte[] req1;
    private byte[] req3;
    private byte[] skey;
    private Rc4 incoming;
    private Rc4 outgoing;
    private int provided;
    private int padCLength;
    private int initialPayloadLength;
    private byte[] initialPayload;
    private CryptoMethod method;
    /** What {@link #receive} returns: filled by the steps it runs. */
    private byte[] reply;

    /**
     * @param skeyByReq2 the SKEY (a served 20-byte info_hash) whose HASH('req2', SKEY) is the argument, or null
     * @param allowed the payload methods we accept (not empty)
     * @param preferRc4 whether to pick RC4 when the initiator offers both (else plaintext: cheaper, and blocks can
     *     be sent from files without copying)
     * @param random source of the private key and the padding
     * @throws IllegalArgumentException if {@code allowed} is empty
     */
    public MseResponder(Function<byte[], byte[]> skeyByReq2, Set<CryptoMethod> allowed, boolean preferRc4,
            SecureRandom random) {
        if (allowed.isEmpty()) {
            throw new IllegalArgumentException("no crypto method allowed");
        }
        this.skeyByReq2 = skeyByReq2;
        this.allowed = EnumSet.copyOf(allowed);
        this.preferRc4 = preferRc4;
        this.random = random;
        this.keys = new DiffieHellman(random);
    }

    /**
     * Whether a connection's first bytes are a plain BitTorrent handshake (byte 19, then "BitTorrent protocol")
     * rather than an MSE public key: TRUE or FALSE once the bytes decide, null while all of the (fewer than 20)
     * bytes match. Consumes nothing.
     */
    public static Boolean isPlainHandshake(ByteBuffer in) {
        int n = Math.min(in.remaining(), PLAIN_START.length);
        for (int i = 0; i < n; i++) {
            if (in.get(in.position() + i) != PLAIN_START[i]) {
                return Boolean.FALSE;
            }
        }
        return n == PLAIN_START.length ? Boolean.TRUE : null;
    }

    /**
     * Consumes as much of the initiator's handshake as {@code in} holds (never payload bytes after it) and returns
     * what to send now: Yb and PadB after Ya, the enciphered VC and crypto_select at the end, else nothing.
     *
     * @throws MseException if the handshake is broken; the connection is to be closed
     */
    public byte[] receive(ByteBuffer in) {
        reply = new byte[0];
        while (step(in)) {
            // each step consumed a complete part
        }
        return reply;
    }

    private void send(byte[] bytes) {
        int at = reply.length;
        reply = Arrays.copyOf(reply, at + bytes.length);
        System.arraycopy(bytes, 0, reply, at, bytes.length);
    }

    private boolean step(ByteBuffer in) {
        switch (state) {
            case PUBLIC_KEY -> {
                if (in.remaining() < DiffieHellman.KEY_LENGTH) {
                    return false;
                }
                byte[] ya = take(in, DiffieHellman.KEY_LENGTH);
                try {
                    secret = keys.sharedSecret(ya);
                } catch (IllegalArgumentException e) {
                    throw new MseException("the initiator's public key is out of range", 0);
                }
                req1 = MseHashes.req1(secret);
                req3 = MseHashes.req3(secret);
                send(keys.publicKey());
                byte[] padB = new byte[random.nextInt(MAX_PADDING + 1)];
                random.nextBytes(padB);
                send(padB);
                state = State.SYNC;
            }
            case SYNC -> {
                while (in.remaining() >= MseHashes.LENGTH && !startsWith(in, req1)) {
                    if (padA == MAX_PADDING) {
                        throw new MseException("no HASH('req1', S) after " + MAX_PADDING + " bytes of padding", consumed);
                    }
                    in.get();
                    padA++;
                    consumed++;
                }
                if (in.remaining() < MseHashes.LENGTH) {
                    return false;
                }
                take(in, MseHashes.LENGTH);
                state = State.TORRENT;
            }
            case TORRENT -> {
                if (in.remaining() < MseHashes.LENGTH) {
                    return false;
                }
                long at = consumed;
                skey = skeyByReq2.apply(MseHashes.xor(take(in, MseHashes.LENGTH), req3));
                if (skey == null) {
                    throw new MseException("no served torrent matches HASH('req2', SKEY)", at);
                }
                incoming = new Rc4(MseHashes.keyA(secret, skey));
                outgoing = new Rc4(MseHashes.keyB(secret, skey));
                state = State.VERIFY;
            }
            case VERIFY -> {
                if (in.remaining() < VERIFY_LENGTH) {
                    return false;
                }
                long at = consumed;
                ByteBuffer plain = ByteBuffer.wrap(incoming.apply(take(in, VERIFY_LENGTH)));
                for (int i = 0; i < 8; i++) {
                    if (plain.get(i) != 0) {
                        throw new MseException("the verification constant VC is not 8 zero bytes", at + i);
                    }
                }
                provided = plain.getInt(8);
                padCLength = Short.toUnsignedInt(plain.getShort(12));
                if (padCLength > MAX_PADDING) {
                    throw new MseException("len(PadC) " + padCLength + " is over " + MAX_PADDING, at + 12);
                }
                state = State.PAD_C;
            }
            case PAD_C -> {
                if (in.remaining() < padCLength + 2) {
                    return false;
                }
                byte[] plain = incoming.apply(take(in, padCLength + 2));
                initialPayloadLength = ((plain[padCLength] & 0xff) << 8) | (plain[padCLength + 1] & 0xff);
                state = State.INITIAL_PAYLOAD;
            }
            case INITIAL_PAYLOAD -> {
                if (in.remaining() < initialPayloadLength) {
                    return false;
                }
                initialPayload = incoming.apply(take(in, initialPayloadLength));
                method = select();
                ByteBuffer answer = ByteBuffer.allocate(8 + 4 + 2);
                answer.position(8);
                answer.putInt(method.bit()).putShort((short) 0);
                send(outgoing.apply(answer.array()));
                state = State.DONE;
                return false;
            }
            case DONE -> {
                return false;
            }
        }
        return true;
    }

    private CryptoMethod select() {
        boolean plain = (provided & CryptoMethod.PLAINTEXT.bit()) != 0 && allowed.contains(CryptoMethod.PLAINTEXT);
        boolean rc4 = (provided & CryptoMethod.RC4.bit()) != 0 && allowed.contains(CryptoMethod.RC4);
        if (rc4 && (preferRc4 || !plain)) {
            return CryptoMethod.RC4;
        }
        if (plain) {
            return CryptoMethod.PLAINTEXT;
        }
        throw new MseException("no common crypto method: crypto_provide is 0x" + Integer.toHexString(provided)
                + ", we allow " + allowed, consumed);
    }

    private byte[] take(ByteBuffer in, int length) {
        byte[] bytes = new byte[length];
        in.get(bytes);
        consumed += length;
        return bytes;
    }

    private static boolean startsWith(ByteBuffer in, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (in.get(in.position() + i) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether the handshake is complete; then the methods below are answered. */
    public boolean done() {
        return state == State.DONE;
    }

    /** The selected payload method; null before {@link #done()}. */
    public CryptoMethod method() {
        return method;
    }

    /** The SKEY, the 20-byte info_hash the initiator asked for; null before the torrent is known. */
    public byte[] skey() {
        return skey == null ? null : skey.clone();
    }

    /** The initiator's deciphered initial payload IA (possibly empty); null before {@link #done()}. */
    public byte[] initialPayload() {
        return initialPayload == null ? null : initialPayload.clone();
    }

    /** The initiator's RC4 stream, positioned after IA: deciphers the payload when the method is RC4. */
    public Rc4 incoming() {
        return incoming;
    }

    /** Our RC4 stream, positioned after our handshake reply: enciphers the payload when the method is RC4. */
    public Rc4 outgoing() {
        return outgoing;
    }

    private static byte[] plainStart() {
        byte[] start = new byte[20];
        start[0] = 19;
        System.arraycopy("BitTorrent protocol".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, start, 1, 19);
        return start;
    }
}
