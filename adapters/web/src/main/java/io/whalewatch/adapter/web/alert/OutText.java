package io.whalewatch.adapter.web.alert;

import java.nio.charset.StandardCharsets;

/**
 * One server message to clients: the JSON text and, made on first use and then shared by every
 * client it goes to, the whole WebSocket text frame (RFC 6455 5.2: FIN, opcode 1, no RSV bits,
 * unmasked as a server sends, payload length in 7, 16 or 64 bits, the UTF-8 payload). The hub
 * serialises an alert once and hands this one object to every matching client, so the UTF-8
 * encoding and framing happen once per alert instead of once per client.
 */
final class OutText {
    private final String text;
    private volatile byte[] frame;

    OutText(String text) {
        this.text = text;
    }

    String text() {
        return text;
    }

    /** The framed bytes; callers must not modify them. Racing first calls may each encode once. */
    byte[] frame() {
        byte[] f = frame;
        if (f == null) {
            f = encode(text);
            frame = f;
        }
        return f;
    }

    static byte[] encode(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        int n = payload.length;
        int header = n < 126 ? 2 : n <= 0xFFFF ? 4 : 10;
        byte[] f = new byte[header + n];
        f[0] = (byte) 0x81;
        if (n < 126) {
            f[1] = (byte) n;
        } else if (n <= 0xFFFF) {
            f[1] = 126;
            f[2] = (byte) (n >>> 8);
            f[3] = (byte) n;
        } else {
            f[1] = 127;
            for (int i = 0; i < 8; i++) {
                f[2 + i] = (byte) ((long) n >>> (56 - 8 * i));
            }
        }
        System.arraycopy(payload, 0, f, header, n);
        return f;
    }
}
