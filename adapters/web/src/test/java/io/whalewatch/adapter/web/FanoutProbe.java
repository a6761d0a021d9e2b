package io.whalewatch.adapter.web;

import io.whalewatch.adapter.web.jwt.JwtAccessTokensProvider;
import io.whalewatch.adapter.web.support.FakeHealth;
import io.whalewatch.adapter.web.support.FakeStore;
import io.whalewatch.application.port.in.GetHealthUseCase;
import io.whalewatch.application.port.in.ListPredictionsUseCase;
import io.whalewatch.application.port.out.AccessTokens;
import io.whalewatch.application.port.out.AccessTokens.Permission;
import io.whalewatch.application.port.out.SignalPublisher;
import io.whalewatch.application.spi.AdapterConfig;
import io.whalewatch.application.spi.AdapterContext;
import io.whalewatch.application.spi.Ports;
import io.whalewatch.testkit.Predictions;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A quick, repeatable fan-out measurement (not a test, not shipped): the real web adapter in this
 * process, N upgrade-authenticated clients read by one NIO selector thread in the same process,
 * then K alerts published one after the other; prints the time from publish until every client
 * has the alert. Run: {@code java -cp target/classes:target/test-classes:DEPS
 * io.whalewatch.adapter.web.FanoutProbe N K}. The end-to-end figure is LoadHarness' fan-out.
 */
public final class FanoutProbe {
    private static final AtomicLong ALERTS = new AtomicLong();
    private static final AtomicLong OPEN = new AtomicLong();

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int k = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        Path dir = Files.createTempDirectory("fanout-probe");
        AdapterConfig cfg = AdapterConfig.of(Map.of("JWT_SECRET_KEY", "probe-secret-0123456789abcdef0123456789abcdef",
                "BROADCASTER_HOST", "127.0.0.1", "BROADCASTER_PORT", "0", "API_HOST", "127.0.0.1", "API_PORT", "0",
                "WEB_PORTS_FILE", dir.resolve("ports.json").toString()));
        AccessTokens tokens = new JwtAccessTokensProvider().create(new AdapterContext(cfg, Clock.systemUTC(), Ports.none()));
        Ports ports = Ports.none().with(AccessTokens.class, tokens).with(GetHealthUseCase.class, new FakeHealth())
                .with(ListPredictionsUseCase.class, new FakeStore());
        SignalPublisher publisher = new WebSignalPublisherProvider().create(new AdapterContext(cfg, Clock.systemUTC(), ports));
        String written = Files.readString(dir.resolve("ports.json"));
        int port = Integer.parseInt(written.replaceAll("(?s).*\"broadcaster_port\"\\s*:\\s*(\\d+).*", "$1"));
        String token = tokens.issue("probe", Set.of(Permission.READ), Duration.ofHours(1));

        Selector selector = Selector.open();
        byte[] request = ("GET /?access_token=" + token + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: d2hhbGV3YXRjaC10ZXN0IQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < n; i++) {
            SocketChannel ch = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
            ch.write(ByteBuffer.wrap(request));
            ch.configureBlocking(false);
            ch.register(selector, SelectionKey.OP_READ, new Reader());
            if (i % 500 == 499) {
                drain(selector, 0);
            }
        }
        long until = System.currentTimeMillis() + 60_000;
        while (OPEN.get() < n && System.currentTimeMillis() < until) {
            drain(selector, 10);
        }
        System.out.printf("%d of %d clients welcomed%n", OPEN.get(), n);
        Thread reader = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    drain(selector, 100);
                } catch (Exception e) {
                    return;
                }
            }
        }, "probe-reader");
        reader.setDaemon(true);
        reader.start();

        Map<String, Long> cpu0 = serverCpu();
        double[] ms = new double[k];
        for (int a = 0; a < k; a++) {
            long expected = (long) n * (a + 1);
            long t0 = System.nanoTime();
            publisher.publish(Predictions.inflow(a + 1, 1000 + a));
            while (ALERTS.get() < expected && System.nanoTime() - t0 < 10_000_000_000L) {
                Thread.onSpinWait();
            }
            ms[a] = (System.nanoTime() - t0) / 1e6;
            Thread.sleep(300);
        }
        double[] warm = Arrays.copyOfRange(ms, Math.min(5, k - 1), k);
        Arrays.sort(warm);
        System.out.printf("clients %d, alerts %d (first 5 dropped as warm-up): p50 %.2f ms, p90 %.2f ms, max %.2f ms%n",
                n, warm.length, warm[warm.length / 2], warm[(int) (warm.length * 0.9)], warm[warm.length - 1]);
        System.out.println("all: " + Arrays.toString(Arrays.stream(ms).map(x -> Math.round(x * 10) / 10.0).toArray()));
        Map<String, Long> cpu1 = serverCpu();
        long deliveries = (long) n * k;
        cpu1.forEach((group, nanos) -> System.out.printf("server CPU %-8s %8.1f ms = %.2f us per delivery%n", group,
                (nanos - cpu0.getOrDefault(group, 0L)) / 1e6, (nanos - cpu0.getOrDefault(group, 0L)) / 1e3 / deliveries));
        try {
            var counts = ((WebSignalPublisher) publisher).hub().sendCounts();
            System.out.printf("pre-encoded messages %d in %d writes, via Tyrus sendText %d%n", counts.preEncoded(),
                    counts.writes(), counts.viaTyrus());
        } catch (LinkageError e) {
            System.out.println("(no send counts in this build)");
        }
        reader.interrupt();
        publisher.close();
        System.exit(0);
    }

    /** CPU time of the server's threads by group (the probe's own reader and main excluded). */
    private static Map<String, Long> serverCpu() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        Map<String, Long> sum = new java.util.TreeMap<>();
        for (java.lang.management.ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (t == null || t.getThreadName().equals("probe-reader") || t.getThreadName().equals("main")) {
                continue;
            }
            long nanos = mx.getThreadCpuTime(t.getThreadId());
            String group = t.getThreadName().startsWith("ws-sender") ? "sender" : "other";
            sum.merge(group, Math.max(0, nanos), Long::sum);
            sum.merge("total", Math.max(0, nanos), Long::sum);
        }
        return sum;
    }

    private static void drain(Selector selector, long timeout) throws Exception {
        if (timeout == 0 ? selector.selectNow() == 0 : selector.select(timeout) == 0) {
            return;
        }
        for (SelectionKey key : selector.selectedKeys()) {
            ((Reader) key.attachment()).read((SocketChannel) key.channel());
        }
        selector.selectedKeys().clear();
    }

    /** Skips the HTTP answer, then counts whale_alert text frames. */
    private static final class Reader {
        private final ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
        private boolean upgraded;

        void read(SocketChannel ch) throws Exception {
            if (ch.read(buf) < 0) {
                ch.close();
                return;
            }
            buf.flip();
            if (!upgraded) {
                int end = headerEnd();
                if (end < 0) {
                    buf.compact();
                    return;
                }
                buf.position(end);
                upgraded = true;
            }
            while (buf.remaining() >= 2) {
                int start = buf.position();
                int b0 = buf.get(start) & 0xff;
                int len = buf.get(start + 1) & 0x7f;
                int header = 2;
                if (len == 126) {
                    if (buf.remaining() < 4) {
                        break;
                    }
                    len = buf.getShort(start + 2) & 0xffff;
                    header = 4;
                } else if (len == 127) {
                    throw new IllegalStateException("frame too big for the probe");
                }
                if (buf.remaining() < header + len) {
                    break;
                }
                if ((b0 & 0x0f) == 1) {
                    String head = new String(buf.array(), start + header, Math.min(len, 24), StandardCharsets.UTF_8);
                    if (head.contains("whale_alert")) {
                        ALERTS.incrementAndGet();
                    } else if (head.contains("welcome")) {
                        OPEN.incrementAndGet();
                    }
                }
                buf.position(start + header + len);
            }
            buf.compact();
        }

        private int headerEnd() {
            for (int i = buf.position(); i + 3 < buf.limit(); i++) {
                if (buf.get(i) == '\r' && buf.get(i + 1) == '\n' && buf.get(i + 2) == '\r' && buf.get(i + 3) == '\n') {
                    return i + 4;
                }
            }
            return -1;
        }
    }
}
