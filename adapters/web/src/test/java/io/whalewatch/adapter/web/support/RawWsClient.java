package io.whalewatch.adapter.web.support;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A bare-socket WebSocket client for what a library client cannot do: stop reading (a slow
 * consumer with a tiny receive buffer) and look at the raw HTTP answer to an upgrade.
 */
public final class RawWsClient implements AutoCloseable {
    private final Socket socket = new Socket();
    private final DataInputStream in;
    public final String statusLine;

    /**
     * One frame as received: {@code first} is the whole first byte (FIN, RSV1-3, opcode),
     * {@code masked} the mask bit, {@code lengthForm} the 7-bit length code (126 and 127 announce
     * a 16- and a 64-bit length).
     */
    public record Frame(int first, boolean masked, int lengthForm, byte[] payload) {
        public int opcode() {
            return first & 0x0f;
        }

        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        public int closeCode() {
            return ((payload[0] & 0xff) << 8) | (payload[1] & 0xff);
        }
    }

    public RawWsClient(int port, String pathAndQuery, int receiveBuffer) throws IOException {
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout(10_000);
        String key = Base64.getEncoder().encodeToString("whalewatch-test!".getBytes(StandardCharsets.US_ASCII));
        String request = "GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        in = new DataInputStream(socket.getInputStream());
        statusLine = readHeaders(in);
    }

    private static String readHeaders(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        while (state < 4) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
        }
        String text = head.toString(StandardCharsets.US_ASCII);
        return text.isEmpty() ? "" : text.lines().findFirst().orElse("");
    }

    /** Sends a masked text frame (clients must mask). */
    public void sendText(String text) throws IOException {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.write(0x81);
        if (data.length < 126) {
            f.write(0x80 | data.length);
        } else if (data.length <= 0xFFFF) {
            f.write(0x80 | 126);
            f.write(data.length >> 8);
            f.write(data.length & 0xff);
        } else {
            f.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                f.write((int) ((long) data.length >>> shift) & 0xff);
            }
        }
        byte[] mask = {1, 2, 3, 4};
        f.write(mask);
        for (int i = 0; i < data.length; i++) {
            f.write(data[i] ^ mask[i % 4]);
        }
        socket.getOutputStream().write(f.toByteArray());
    }

    public Frame readFrame() throws IOException {
        int b0 = in.readUnsignedByte();
        int b1 = in.readUnsignedByte();
        long len = b1 & 0x7f;
        if (len == 126) {
            len = in.readUnsignedShort();
        } else if (len == 127) {
            len = in.readLong();
        }
        byte[] mask = new byte[4];
        if ((b1 & 0x80) != 0) {
            in.readFully(mask);
        }
        byte[] payload = new byte[(int) len];
        in.readFully(payload);
        for (int i = 0; i < payload.length; i++) {
            payload[i] ^= mask[i % 4];
        }
        return new Frame(b0, (b1 & 0x80) != 0, b1 & 0x7f, payload);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
