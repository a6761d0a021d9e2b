package io.whalewatch.adapter.simulator;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A bare RFC 6455 client over a plain socket, for tests that check the bytes on the wire: the
 * frames are returned exactly as the server wrote them (header and payload), not decoded.
 */
final class RawWsClient implements AutoCloseable {
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    RawWsClient(URI ws) throws IOException {
        socket = new Socket(ws.getHost(), ws.getPort());
        socket.setSoTimeout(10_000);
        out = socket.getOutputStream();
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        out.write(("GET " + ws.getPath() + " HTTP/1.1\r\nHost: " + ws.getHost() + ":" + ws.getPort()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
                + Base64.getEncoder().encodeToString(nonce) + "\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        String status = line();
        if (!status.startsWith("HTTP/1.1 101")) {
            throw new IOException("upgrade refused: " + status);
        }
        while (!line().isEmpty()) {
            // response headers
        }
    }

    private String line() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed during the upgrade");
            }
            if (c != '\r') {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }

    /** Sends a short text message, masked as a client must. */
    void sendText(String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        if (payload.length >= 126) {
            throw new IllegalArgumentException("short messages only");
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        byte[] f = new byte[6 + payload.length];
        f[0] = (byte) 0x81;
        f[1] = (byte) (0x80 | payload.length);
        System.arraycopy(mask, 0, f, 2, 4);
        for (int i = 0; i < payload.length; i++) {
            f[6 + i] = (byte) (payload[i] ^ mask[i % 4]);
        }
        out.write(f);
        out.flush();
    }

    /** The next frame as received: its header and payload bytes. */
    byte[] nextFrame() throws IOException {
        int b0 = in.readUnsignedByte();
        int b1 = in.readUnsignedByte();
        int code = b1 & 0x7F;
        int extra = code == 126 ? 2 : code == 127 ? 8 : 0;
        byte[] ext = new byte[extra];
        in.readFully(ext);
        long len = code < 126 ? code : 0;
        for (byte b : ext) {
            len = (len << 8) | (b & 0xFF);
        }
        int mask = (b1 & 0x80) != 0 ? 4 : 0;
        byte[] f = new byte[2 + extra + mask + Math.toIntExact(len)];
        f[0] = (byte) b0;
        f[1] = (byte) b1;
        System.arraycopy(ext, 0, f, 2, extra);
        in.readFully(f, 2 + extra, f.length - 2 - extra);
        return f;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
