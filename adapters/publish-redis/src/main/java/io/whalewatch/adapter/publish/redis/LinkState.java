package io.whalewatch.adapter.publish.redis;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether Redis is reachable, with the reason and since when. Logs state changes only (one line
 * when Redis goes away, one when it is back), not every failed retry.
 */
final class LinkState {
    private static final Logger LOG = LoggerFactory.getLogger(LinkState.class);
    private final String role;
    private final String target;
    private final Clock clock;
    private volatile String problem = "not connected yet";
    private volatile Instant since;
    private volatile boolean everUp;
    private volatile boolean downLogged;

    LinkState(String role, String target, Clock clock) {
        this.role = role;
        this.target = target;
        this.clock = clock;
        this.since = clock.instant();
    }

    void up() {
        if (problem != null) {
            LOG.info("{}: {} {}", role, everUp ? "Redis reachable again at" : "connected to", target);
            problem = null;
            downLogged = false;
            everUp = true;
            since = clock.instant();
        }
    }

    void down(Throwable e) {
        String reason = describe(e);
        if (!downLogged) {
            LOG.warn("{}: Redis unreachable at {}: {}; retrying with backoff", role, target, reason);
            downLogged = true;
            since = clock.instant();
        }
        problem = reason;
    }

    boolean isUp() {
        return problem == null;
    }

    /** Null when up; otherwise e.g. "unreachable at redis://h:6379/0 since ...: Connection refused". */
    String problem() {
        String p = problem;
        return p == null ? null : "Redis unreachable at " + target + " since " + since + ": " + p;
    }

    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 200 ? message.substring(0, 200) : message;
    }
}
