package io.whalewatch.bootstrap.e2e;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** A whale burst: {@code POST /sim/whale} every few milliseconds on a background thread until closed. */
final class WhaleBurst implements AutoCloseable {
    private final SimAdmin admin;
    private final long pauseMillis;
    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<String> injected = new CopyOnWriteArrayList<>();

    WhaleBurst(SimAdmin admin, long pauseMillis) {
        this.admin = admin;
        this.pauseMillis = pauseMillis;
    }

    void start() {
        running.set(true);
        thread.execute(() -> {
            int i = 0;
            while (running.get()) {
                try {
                    // 150..649 BTC, well above the 100 BTC threshold whatever the change heuristics subtract
                    injected.add(admin.postOk("/sim/whale?btc=" + (150 + (i++ % 500))).path("txid").asText());
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception | AssertionError e) {
                    // the simulator is up for the whole test; a failed call is simply not a whale
                }
            }
        });
    }

    /** Stops the burst and waits for the call in flight; returns how many whales were announced. */
    int stop() throws InterruptedException {
        running.set(false);
        thread.shutdown();
        thread.awaitTermination(10, TimeUnit.SECONDS);
        return injected.size();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
        thread.shutdownNow();
    }
}
