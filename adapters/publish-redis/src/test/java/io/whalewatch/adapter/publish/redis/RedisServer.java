package io.whalewatch.adapter.publish.redis;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A real {@code redis-server} process on a free loopback port, without persistence, in a temp
 * dir. Fails (never skips) when redis-server is not installed.
 */
final class RedisServer implements AutoCloseable {
    private final Path dir;
    private final int port;
    private final List<String> extraArgs;
    private Process process;

    private RedisServer(Path dir, int port, List<String> extraArgs) {
        this.dir = dir;
        this.port = port;
        this.extraArgs = extraArgs;
    }

    /** Starts a server; {@code extraArgs} e.g. "--stream-node-max-entries", "10". */
    static RedisServer start(Path dir, String... extraArgs) {
        RedisServer server = new RedisServer(dir, freePort(), List.of(extraArgs));
        server.restart();
        return server;
    }

    /** A server object on a free port that is not started yet (Redis "down from the start"). */
    static RedisServer notStarted(Path dir) {
        return new RedisServer(dir, freePort(), List.of());
    }

    static Path executable() {
        String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/bin:/usr/local/bin:/usr/sbin";
        Optional<Path> found = java.util.Arrays.stream(path.split(File.pathSeparator)).filter(s -> !s.isBlank())
                .map(s -> Path.of(s, "redis-server")).filter(Files::isExecutable).findFirst();
        return found.orElseThrow(() -> new AssertionError(
                "redis-server is not installed, but these tests need a real one. Install it with: "
                        + "apt-get update -qq && apt-get install -y -qq redis-server"));
    }

    /** Starts (again) on the same port. */
    void restart() {
        List<String> command = new ArrayList<>(List.of(executable().toString(), "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir.toString()));
        command.addAll(extraArgs);
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("redis-" + port + ".log").toFile()).start();
        } catch (IOException e) {
            throw new AssertionError("cannot start redis-server: " + e, e);
        }
        awaitPong();
    }

    /** Kills the process (SIGKILL): clients see the connection drop without a goodbye. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGSTOP: the server keeps its connections but answers nothing until {@link #thaw()}. */
    void freeze() {
        signal("-STOP");
    }

    void thaw() {
        signal("-CONT");
    }

    private void signal(String signal) {
        try {
            int exit = new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start().waitFor();
            if (exit != 0) {
                throw new AssertionError("kill " + signal + " failed with " + exit);
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    private void awaitPong() {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("redis-server exited with " + process.exitValue() + "; see " + dir);
            }
            if (pong()) {
                return;
            }
            sleep(20);
        }
        throw new AssertionError("redis-server did not answer PING on port " + port);
    }

    private boolean pong() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            OutputStream out = s.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[7];
            int n = in.read(buf);
            return n > 0 && new String(buf, 0, n, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process != null) {
            kill();
        }
    }
}
