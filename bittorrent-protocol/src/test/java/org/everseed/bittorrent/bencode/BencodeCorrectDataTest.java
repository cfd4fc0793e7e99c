package org.everseed.bittorrent.bencode;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BencodeCorrectDataTest {

    private static byte[] ascii(String s) {
        return s.getBytes(US_ASCII);
    }

    @Test
    void decodesEachKind() {
        assertThat(BencodeDecoder.decode(ascii("i42e"))).isEqualTo(BencodeInteger.of(42));
        assertThat(BencodeDecoder.decode(ascii("i-42e"))).isEqualTo(BencodeInteger.of(-42));
        assertThat(BencodeDecoder.decode(ascii("i0e"))).isEqualTo(BencodeInteger.of(0));
        assertThat(BencodeDecoder.decode(ascii("i9223372036854775807e"))).isEqualTo(BencodeInteger.of(Long.MAX_VALUE));
        assertThat(BencodeDecoder.decode(ascii("4:spam"))).isEqualTo(BencodeString.of("spam"));
        assertThat(BencodeDecoder.decode(ascii("0:"))).isEqualTo(BencodeString.of(""));
        assertThat(BencodeDecoder.decode(ascii("l4:spami7ee")))
                .isEqualTo(BencodeList.of(BencodeString.of("spam"), BencodeInteger.of(7)));
        assertThat(BencodeDecoder.decode(ascii("d3:cow3:moo4:spam4:eggse")))
                .isEqualTo(BencodeDictionary.builder().put("spam", "eggs").put("cow", "moo").build());
    }

    @Test
    void binaryStringsKeepEveryByte() {
        byte[] data = {'3', ':', (byte) 0xff, 0, (byte) 0x80};
        BencodeString s = (BencodeString) BencodeDecoder.decode(data);
        assertThat(s.bytes()).containsExactly((byte) 0xff, 0, (byte) 0x80);
    }

    @Test
    void canonicalInputReencodesToTheSameBytes() {
        byte[] input = ascii("d4:infod6:lengthi20e4:name1:a12:piece lengthi16384e6:pieces0:e3:keyl1:xi-3eee");
        assertThat(BencodeEncoder.encode(BencodeDecoder.decode(input))).isEqualTo(input);
    }

    @Test
    void encoderSortsKeysByRawBytes() {
        BencodeDictionary d = BencodeDictionary.builder()
                .put(BencodeString.of(new byte[] {(byte) 0xe9}), BencodeInteger.of(1))
                .put("b", 2)
                .put("a", 3)
                .build();
        byte[] expected = {'d', '1', ':', 'a', 'i', '3', 'e', '1', ':', 'b', 'i', '2', 'e', '1', ':', (byte) 0xe9, 'i', '1', 'e', 'e'};
        assertThat(BencodeEncoder.encode(d)).isEqualTo(expected);
    }

    @Test
    void spansPointAtTheExactValueBytes() {
        byte[] input = ascii("d8:announce3:url4:infod4:name1:xee");
        BencodeDictionary d = (BencodeDictionary) BencodeDecoder.decode(input);
        Span span = d.spanOf("info").orElseThrow();
        assertThat(new String(input, span.start(), span.length(), US_ASCII)).isEqualTo("d4:name1:xe");
    }

    @Test
    void prefixDecodingLeavesTheRest() {
        byte[] input = ascii("d8:msg_typei1eeRAWBYTES");
        BencodeDecoder.Decoded decoded = BencodeDecoder.decodePrefix(input, 0, input.length);
        assertThat(decoded.end()).isEqualTo(input.length - "RAWBYTES".length());
    }
}
