package io.whalewatch.bootstrap.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal WebSocket subscriber on a bare socket (one thread, no library container), so a test
 * can hold hundreds of connections: upgrade, send the auth message, then count the bytes received.
 */
final class RawSubscriber implements AutoCloseable {
    private final Socket socket = new Socket();
    private final AtomicLong received = new AtomicLong();
    private final Thread reader;

    RawSubscriber(int port, String token) throws IOException {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        OutputStream out = socket.getOutputStream();
        out.write(("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: d2hhbGV3YXRjaC10ZXN0IQ==\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        InputStream in = socket.getInputStream();
        awaitUpgrade(in); // data sent before the 101 may be taken for part of the HTTP request
        out.write(maskedText("{\"type\":\"auth\",\"token\":\"" + token + "\"}"));
        out.flush();
        reader = new Thread(() -> drain(in), "raw-subscriber");
        reader.setDaemon(true);
        reader.start();
    }

    private void awaitUpgrade(InputStream in) throws IOException {
        socket.setSoTimeout(10_000);
        StringBuilder head = new StringBuilder();
        int b;
        while (!head.toString().endsWith("\r\n\r\n") && (b = in.read()) >= 0) {
            head.append((char) b);
        }
        socket.setSoTimeout(0);
        if (!head.toString().startsWith("HTTP/1.1 101")) {
            throw new IOException("upgrade refused: " + head.toString().lines().findFirst().orElse("(nothing)"));
        }
    }

    private void drain(InputStream in) {
        byte[] buf = new byte[16 * 1024];
        try {
            int n;
            while ((n = in.read(buf)) >= 0) {
                received.addAndGet(n);
            }
        } catch (IOException closed) {
            // the test closed the socket
        }
    }

    /** Clients must mask their frames (RFC 6455 5.3); a zero mask keeps the payload readable. */
    private static byte[] maskedText(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        if (payload.length > 65_535) {
            throw new IllegalArgumentException("frames up to 64 KiB only");
        }
        boolean small = payload.length <= 125;
        int header = small ? 2 : 4;
        byte[] frame = new byte[header + 4 + payload.length]; // the 4 mask bytes stay zero
        frame[0] = (byte) 0x81;
        frame[1] = (byte) (0x80 | (small ? payload.length : 126));
        if (!small) {
            frame[2] = (byte) (payload.length >>> 8);
            frame[3] = (byte) payload.length;
        }
        System.arraycopy(payload, 0, frame, header + 4, payload.length);
        return frame;
    }

    long bytesReceived() {
        return received.get();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
