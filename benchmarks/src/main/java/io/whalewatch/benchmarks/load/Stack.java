package io.whalewatch.benchmarks.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One measured set-up: the simulator (replaying a frames file, started by the harness) and the
 * real server, each in its own JVM ({@code java -jar whalewatch.jar simulate|serve}), over loopback.
 */
final class Stack implements AutoCloseable {
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** deploy/whalewatch.service's ExecStart flags (without the archive, added by {@link #serverJvm}). */
    static final String SHIPPED_JVM = "-Xms128m -Xmx288m -XX:MaxDirectMemorySize=64m -XX:+ExitOnOutOfMemoryError";
    final Path jar;
    final Path dir;
    final String name;
    final String secret;
    Proc simulator;
    Proc server;
    int simPort;
    int wsPort;
    int apiPort;
    double startupToHttpSeconds = -1;
    double startupToHealthySeconds = -1;
    /** Where the last started server read its address book: "cache" or "sources". */
    String addressBookFrom = "unknown";

    Stack(Path jar, Path dir, String name) {
        this.jar = jar;
        this.dir = dir;
        this.name = name;
        this.secret = java.util.HexFormat.of().formatHex(new java.security.SecureRandom().generateSeed(32));
    }

    /** Starts the simulator replaying {@code frames} at {@code rate} frames/s (0 = full speed), waiting for the admin start. */
    void startSimulator(Path frames, double rate) throws IOException, InterruptedException {
        simPort = Proc.freePort();
        Map<String, String> env = new HashMap<>();
        env.put("SIM_REPLAY_FILE", frames.toString());
        env.put("SIM_REPLAY_RATE", Double.toString(rate));
        env.put("SIM_REPLAY_START", "admin");
        env.put("SIM_REPLAY_LOG_FILE", sendLog().toString());
        env.put("SIM_SEND_BACKLOG_BYTES", System.getProperty("sim.backlog", "200000000")); // replay waits above half
        List<String> jvm = List.of(System.getProperty("sim.jvm", "-Xmx1g").split(" "));
        simulator = Proc.start(jar, jvm, List.of("simulate", "--port", Integer.toString(simPort)), env,
                dir.resolve(name + "-simulator.log"));
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (number(get(simPort, "/sim/replay"), "transactions") < 0) {
            check(deadline, simulator, "simulator did not count its file");
            Thread.sleep(50);
        }
    }

    /** Starts the server against the simulator and waits for a healthy /health; records the start-up times. */
    void startServer(Map<String, String> extra) throws IOException, InterruptedException {
        wsPort = Proc.freePort();
        apiPort = Proc.freePort();
        Path db = dir.resolve(name + ".db");
        Files.deleteIfExists(db);
        Map<String, String> env = new HashMap<>(serverEnv(db));
        env.putAll(extra);
        for (String kv : System.getProperty("server.env", "").split(",")) { // e.g. -Dserver.env=MEMPOOL_FRAME_QUEUE=2
            if (kv.contains("=")) {
                env.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
            }
        }
        List<String> jvm = serverJvm(env);
        server = Proc.start(jar, jvm, List.of("serve"), env, dir.resolve(name + "-server.log"));
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (startupToHealthySeconds < 0) {
            check(deadline, server, "server did not become healthy");
            String body = get(apiPort, "/health");
            double t = (System.nanoTime() - server.startedNanos) / 1e9;
            if (body != null && startupToHttpSeconds < 0) {
                startupToHttpSeconds = t;
            }
            if (body != null && body.contains("\"status\":\"healthy\"")) {
                startupToHealthySeconds = t;
            }
            Thread.sleep(5);
        }
        addressBookFrom = addressBookFrom(dir.resolve(name + "-server.log"));
    }

    /** "cache" or "sources": where the server's log says the address book came from. */
    private static String addressBookFrom(Path log) throws IOException {
        String text = Files.readString(log);
        return text.contains("(read from the cache") ? "cache" : text.contains("(read from the sources)") ? "sources" : "unknown";
    }

    /** The server's parsed address-book cache (next to its database), deleted for a first start. */
    Path addressBookCache() {
        return dir.resolve(name + ".db.addressbook");
    }

    /**
     * The JVM flags of deploy/whalewatch.service (and the Dockerfile) unless -Dserver.jvm overrides them,
     * plus, unless -Dserver.cds=false (or -Dserver.jvm names its own archive), the class-data archive the unit uses, made once per jar as the
     * README's install step makes it ({@code serve --cds-training}); outside every timed section.
     */
    private List<String> serverJvm(Map<String, String> env) throws IOException, InterruptedException {
        List<String> jvm = new ArrayList<>(List.of(System.getProperty("server.jvm", SHIPPED_JVM).split(" ")));
        boolean ownCds = jvm.stream().anyMatch(o -> o.contains("SharedArchiveFile") || o.contains("ArchiveClassesAtExit") || o.startsWith("-Xshare"));
        if (!ownCds && Boolean.parseBoolean(System.getProperty("server.cds", "true"))) {
            Path archive = dir.resolve("whalewatch-" + Files.size(jar) + "-" + Files.getLastModifiedTime(jar).toMillis() + ".jsa");
            if (!Files.exists(archive)) {
                List<String> training = new ArrayList<>(jvm);
                training.add("-XX:ArchiveClassesAtExit=" + archive);
                training.add("-Xlog:cds=error");
                Proc p = Proc.start(jar, training, List.of("serve", "--cds-training"), env, dir.resolve("cds-training.log"));
                if (p.process.waitFor() != 0 || !Files.exists(archive)) {
                    throw new IllegalStateException("class-data training failed, see " + p.log);
                }
            }
            jvm.add("-XX:SharedArchiveFile=" + archive);
        }
        return jvm;
    }

    private Map<String, String> serverEnv(Path db) {
        Map<String, String> env = new HashMap<>();
        env.put("MALLOC_ARENA_MAX", "2"); // as deploy/whalewatch.service and the Dockerfile set it
        env.put("JWT_SECRET_KEY", secret);
        env.put("DB_PATH", db.toString());
        env.put("ADDRESS_BOOK_PATHS", dir.resolve("book.yaml").toString());
        env.put("ADDRESS_BOOK_BUILTIN", "false");
        env.put("MEMPOOL_WS_URL", "ws://127.0.0.1:" + simPort + "/api/v1/ws");
        env.put("MEMPOOL_API_URL", "http://127.0.0.1:" + simPort + "/api");
        env.put("BROADCASTER_HOST", "127.0.0.1");
        env.put("BROADCASTER_PORT", Integer.toString(wsPort));
        env.put("API_HOST", "127.0.0.1");
        env.put("API_PORT", Integer.toString(apiPort));
        env.put("LOG_LATENCY", "DEBUG"); // one line per whale: its frame's receipt, for the exact receipt -> client latency
        return env;
    }

    private static final java.util.regex.Pattern LATENCY_LINE =
            java.util.regex.Pattern.compile("whale ([0-9a-f]{64}) alert \\d+ frame received (\\d+) published \\d+");

    /**
     * Per whale (txid), when the server received the frame that carried it, in microseconds since the epoch:
     * the server's latency trace ({@code LOG_LATENCY=DEBUG}) in its log. Same machine, same clock as the
     * harness's receipts.
     */
    Map<String, Long> serverReceiptMicros() throws IOException {
        Map<String, Long> receipts = new HashMap<>();
        try (var lines = Files.lines(dir.resolve(name + "-server.log"))) {
            lines.forEach(line -> {
                java.util.regex.Matcher m = LATENCY_LINE.matcher(line);
                if (m.find()) {
                    receipts.put(m.group(1), Long.parseLong(m.group(2)));
                }
            });
        }
        return receipts;
    }

    /** A read token from the real CLI ({@code whalewatch token create}) with the server's secret. */
    String token() throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "token", "create", "load-harness", "--hours", "2");
        pb.environment().put("JWT_SECRET_KEY", secret);
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        p.waitFor();
        String[] lines = out.split("\n");
        return lines[lines.length - 1].trim();
    }

    URI alertsUri() {
        return URI.create("ws://127.0.0.1:" + wsPort + "/");
    }

    void startReplay() throws IOException, InterruptedException {
        HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + simPort + "/sim/replay/start"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
    }

    boolean replayFinished() {
        String s = get(simPort, "/sim/replay");
        return s != null && s.contains("\"finished\":true");
    }

    Path sendLog() {
        return dir.resolve(name + "-send.log");
    }

    /** Send time (epoch micros) of each line, from the simulator's log. */
    long[] sendTimes(int lines) throws IOException {
        long[] t = new long[lines];
        for (String l : Files.readAllLines(sendLog())) {
            String[] f = l.split(" ");
            int i = Integer.parseInt(f[0]);
            if (i < lines) {
                t[i] = Long.parseLong(f[1]);
            }
        }
        return t;
    }

    static String get(int port, String path) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? r.body() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    static long number(String json, String key) {
        if (json == null) {
            return -1;
        }
        Matcher m = Pattern.compile("\"" + key + "\":(-?\\d+)").matcher(json);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static void check(long deadline, Proc p, String what) {
        if (!p.process.isAlive()) {
            throw new IllegalStateException(what + ": process exited, see " + p.log);
        }
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException(what + " in time, see " + p.log);
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }
}
