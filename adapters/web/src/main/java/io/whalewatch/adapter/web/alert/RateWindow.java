package io.whalewatch.adapter.web.alert;

/** Counts a client's messages per one-second window (fixed window: cheap and good enough here). */
final class RateWindow {
    private final int maxPerSecond;
    private long windowStartMillis = Long.MIN_VALUE;
    private int count;

    RateWindow(int maxPerSecond) {
        this.maxPerSecond = maxPerSecond;
    }

    /** Records one message; false when it exceeds the limit of its window. */
    synchronized boolean allow(long nowMillis) {
        if (nowMillis - windowStartMillis >= 1000 || nowMillis < windowStartMillis) {
            windowStartMillis = nowMillis;
            count = 0;
        }
        return ++count <= maxPerSecond;
    }
}
