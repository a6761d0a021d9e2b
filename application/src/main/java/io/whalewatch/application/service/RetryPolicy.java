package io.whalewatch.application.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Exponential backoff: after the n-th failed attempt the next one is due after
 * {@code delay * 2^(n-1)} (5 s, 10 s, 20 s, ...), until {@code maxAttempts} attempts were made.
 */
record RetryPolicy(int maxAttempts, Duration delay) {
    RetryPolicy {
        if (maxAttempts < 1 || delay.isNegative()) {
            throw new IllegalArgumentException("maxAttempts >= 1 and delay >= 0 required");
        }
    }

    /** When to try again after {@code attemptsMade} failed attempts; empty when they are exhausted. */
    Optional<Instant> nextAttempt(int attemptsMade, Instant now) {
        if (attemptsMade >= maxAttempts) {
            return Optional.empty();
        }
        int doublings = Math.min(attemptsMade - 1, 30);
        return Optional.of(now.plus(delay.multipliedBy(1L << Math.max(0, doublings))));
    }
}
