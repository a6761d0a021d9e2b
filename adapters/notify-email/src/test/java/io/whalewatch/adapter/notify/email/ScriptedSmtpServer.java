package io.whalewatch.adapter.notify.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A minimal SMTP server on a loopback ephemeral port that answers with scripted replies, for the
 * failure cases GreenMail cannot produce (4xx/5xx replies, silence) and for STARTTLS, which
 * GreenMail 2.1.13 does not offer. Records every command line and whether TLS was active.
 */
final class ScriptedSmtpServer implements AutoCloseable {
    /** One received command line and whether it arrived inside TLS. */
    record Line(String text, boolean tls) {
    }

    private final ServerSocket server;
    private final Map<String, String> replies = new ConcurrentHashMap<>();
    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final SSLContext tls;
    private final boolean implicitTls;
    private volatile boolean silent;

    /** A plain server without TLS. */
    ScriptedSmtpServer() throws IOException {
        this(null, false);
    }

    /**
     * @param tls         when not null, TLS with this context: STARTTLS, or from the first byte
     * @param implicitTls TLS from the first byte (SMTPS) instead of advertising STARTTLS
     */
    ScriptedSmtpServer(SSLContext tls, boolean implicitTls) throws IOException {
        this.tls = tls;
        this.implicitTls = implicitTls;
        server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::serve, "scripted-smtp");
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /**
     * Replaces the reply to a verb (GREETING, EHLO, AUTH, MAIL, RCPT, DATA, END_OF_DATA) or, for
     * other commands, to one exact command line (e.g. {@code RCPT TO:<typo@example.com>}).
     */
    ScriptedSmtpServer reply(String verb, String reply) {
        replies.put(verb, reply);
        return this;
    }

    /** Accept connections but never say anything (a hung server). */
    void silent() {
        silent = true;
    }

    List<Line> lines() {
        return List.copyOf(lines);
    }

    List<String> bodies() {
        return List.copyOf(bodies);
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                if (silent) {
                    Thread.sleep(10_000);
                    continue;
                }
                converse(s);
            } catch (IOException | InterruptedException | RuntimeException e) {
                // The client hung up or the test closed the server: wait for the next connection.
            }
        }
    }

    private void converse(Socket socket) throws IOException {
        Socket s = implicitTls ? upgrade(socket) : socket;
        boolean secure = implicitTls;
        BufferedReader in = reader(s);
        OutputStream out = s.getOutputStream();
        send(out, replies.getOrDefault("GREETING", "220 scripted ESMTP"));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lines.add(new Line(line, secure));
            String verb = line.split(" ", 2)[0].toUpperCase(java.util.Locale.ROOT);
            switch (verb) {
                case "EHLO" -> send(out, replies.getOrDefault("EHLO", "250-scripted\r\n"
                        + (tls != null && !secure ? "250-STARTTLS\r\n" : "") + "250 AUTH PLAIN LOGIN"));
                case "STARTTLS" -> {
                    send(out, "220 ready for TLS");
                    s = upgrade(s);
                    secure = true;
                    in = reader(s);
                    out = s.getOutputStream();
                }
                case "AUTH" -> {
                    if (line.trim().split(" ").length == 2) {
                        send(out, "334 ");
                        lines.add(new Line(in.readLine(), secure));
                    }
                    send(out, replies.getOrDefault("AUTH", "235 authenticated"));
                }
                case "DATA" -> data(in, out);
                case "QUIT" -> {
                    send(out, "221 bye");
                    return;
                }
                default -> send(out, replies.getOrDefault(line, replies.getOrDefault(verb, "250 ok")));
            }
        }
    }

    private void data(BufferedReader in, OutputStream out) throws IOException {
        String reply = replies.getOrDefault("DATA", "354 go ahead");
        send(out, reply);
        if (!reply.startsWith("354")) {
            return;
        }
        StringBuilder body = new StringBuilder();
        for (String line = in.readLine(); line != null && !line.equals("."); line = in.readLine()) {
            body.append(line).append('\n');
        }
        String end = replies.getOrDefault("END_OF_DATA", "250 queued");
        if (end.startsWith("2")) {
            bodies.add(body.toString());
        }
        send(out, end);
    }

    private Socket upgrade(Socket plain) throws IOException {
        SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket(plain, "127.0.0.1", plain.getPort(), true);
        s.setUseClientMode(false);
        s.startHandshake();
        return s;
    }

    private static BufferedReader reader(Socket s) throws IOException {
        return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
    }

    private static void send(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
