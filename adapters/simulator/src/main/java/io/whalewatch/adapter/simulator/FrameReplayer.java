package io.whalewatch.adapter.simulator;

import io.whalewatch.adapter.simulator.server.Hub;
import io.whalewatch.adapter.simulator.server.ReplayFrame;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replay mode's own thread: waits for the subscribed clients, then streams the file's frames, one
 * per line, paced at SIM_REPLAY_RATE frames per second or as fast as the clients read. "As fast
 * as they read" means: before each frame, wait while any tracking client still has more than half
 * the send backlog limit queued, so a slow reader sees TCP backpressure instead of being cut off.
 * Frames go out as the file's bytes, framed once and shared by all clients (see {@link ReplayFrame}).
 * A line starting with {@code #} is not a frame: {@value #PAUSE} pauses the replay until the next
 * {@code POST /sim/replay/start} (with SIM_REPLAY_START=admin; otherwise it is skipped), any other is
 * a comment. A benchmark uses the pause to warm a server up with one part of a file and measure the next.
 */
final class FrameReplayer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FrameReplayer.class);
    private final ReplaySettings settings;
    private final Hub hub;
    private final long backlogHigh;
    private final LineFile log;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long framesSent;
    private volatile boolean finished;
    private volatile long transactions = -1;
    /** The replay line that waits for the next admin start. */
    static final String PAUSE = "#wait";
    /** One permit per admin start not yet used by the replay (its start, then each pause). */
    private final java.util.concurrent.Semaphore starts = new java.util.concurrent.Semaphore(0);
    private volatile boolean paused;

    FrameReplayer(ReplaySettings settings, Hub hub, long maxBacklogBytes) {
        this.settings = settings;
        this.hub = hub;
        this.backlogHigh = maxBacklogBytes / 2;
        this.log = LineFile.open(settings.logFile(), "SIM_REPLAY_LOG_FILE");
        this.thread = new Thread(this::run, "simulator-replay");
        thread.setDaemon(true);
    }

    void start() {
        LOG.info("replay mode: {} at {} once {} client(s) track the mempool", settings.file(),
                settings.framesPerSecond() > 0 ? settings.framesPerSecond() + " frames/s" : "full speed",
                settings.clients());
        thread.start();
    }

    /** Lets the replay begin (SIM_REPLAY_START=admin); the answer of {@code POST /sim/replay/start}. */
    String release() {
        starts.release();
        return "{\"started\":true,\"framesSent\":" + framesSent + "}";
    }

    String status() {
        return "{\"framesSent\":" + framesSent + ",\"finished\":" + finished + ",\"paused\":" + paused
                + ",\"transactions\":" + transactions + "}";
    }

    private void run() {
        try {
            transactions = FrameCounter.transactions(settings.file()); // before the clock starts: not in the replay time
            awaitClients();
            long t0 = System.nanoTime();
            long n = stream();
            double seconds = (System.nanoTime() - t0) / 1e9;
            finished = true;
            LOG.info("replay of {} finished: {} frames in {} s ({})", settings.file(), n, String.format("%.3f", seconds),
                    hub.replayCounts());
        } catch (IOException e) {
            LOG.error("replay of {} failed: {}", settings.file(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitClients() throws InterruptedException {
        if (settings.waitForAdmin()) {
            starts.acquire();
        }
        while (running && hub.trackingClients() < settings.clients()) {
            Thread.sleep(5);
        }
    }

    private long stream() throws IOException, InterruptedException {
        long periodNanos = settings.framesPerSecond() > 0 ? (long) (1e9 / settings.framesPerSecond()) : 0;
        long next = System.nanoTime();
        long index = 0;
        try (FrameLines in = new FrameLines(settings.file(), true)) {
            for (int len = in.next(); len >= 0 && running; len = in.next()) {
                if (len == 0) {
                    continue;
                }
                if (in.array()[FrameLines.ROOM] == '#') {
                    directive(new String(in.array(), FrameLines.ROOM, len, java.nio.charset.StandardCharsets.UTF_8).trim());
                    next = System.nanoTime();
                    continue;
                }
                ReplayFrame frame = ReplayFrame.inPlace(in.array(), FrameLines.ROOM, len);
                if (periodNanos > 0) {
                    next += periodNanos;
                    LockSupport.parkNanos(next - periodNanos - System.nanoTime());
                }
                awaitRoom();
                log.write(index + " " + micros(Instant.now()));
                hub.replay(frame);
                framesSent = ++index;
            }
        }
        return index;
    }

    private void directive(String line) throws InterruptedException {
        if (line.equals(PAUSE) && settings.waitForAdmin()) {
            LOG.info("replay paused after {} frames until the next POST /sim/replay/start", framesSent);
            paused = true;
            starts.acquire();
            paused = false;
        }
    }

    private void awaitRoom() throws InterruptedException {
        while (running && hub.maxTrackingBacklog() > backlogHigh) {
            Thread.sleep(0, 200_000);
        }
    }

    private static long micros(Instant t) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, t);
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        log.close();
    }
}
