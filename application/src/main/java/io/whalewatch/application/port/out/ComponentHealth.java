package io.whalewatch.application.port.out;

/** The state of one component as /health reports it. */
public record ComponentHealth(Level level, String detail) {
    /** Ordered from best to worst. */
    public enum Level { OK, DEGRADED, DOWN }

    public static ComponentHealth ok(String detail) {
        return new ComponentHealth(Level.OK, detail);
    }

    public static ComponentHealth degraded(String detail) {
        return new ComponentHealth(Level.DEGRADED, detail);
    }

    public static ComponentHealth down(String detail) {
        return new ComponentHealth(Level.DOWN, detail);
    }
}
