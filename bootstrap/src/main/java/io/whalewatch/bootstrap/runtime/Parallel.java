package io.whalewatch.bootstrap.runtime;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * One start-up step run on its own (daemon) thread while the caller does another. {@link #join()}
 * rethrows the step's own exception unchanged, so an error reads as it would have without the thread.
 */
final class Parallel<T> {
    private final CompletableFuture<T> result = new CompletableFuture<>();

    private Parallel() {
    }

    static <T> Parallel<T> start(String threadName, Supplier<T> step) {
        Parallel<T> p = new Parallel<>();
        Thread t = new Thread(() -> {
            try {
                p.result.complete(step.get());
            } catch (Throwable e) { // handed to join(), which rethrows it on the caller's thread
                p.result.completeExceptionally(e);
            }
        }, threadName);
        t.setDaemon(true);
        t.start();
        return p;
    }

    /** Waits for the step; its RuntimeException or Error is rethrown as is. */
    T join() {
        try {
            return result.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /**
     * The caller failed and will not use the result: waits for the step to end (so a failing start
     * leaves no work behind), ignoring its outcome.
     */
    void abandon() {
        try {
            result.handle((v, e) -> null).join();
        } catch (RuntimeException ignored) {
            // nothing to do: the caller's own failure is the one reported
        }
    }
}
