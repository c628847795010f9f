package dev.candor.ai.summary;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * One named daemon thread an AI engine runs its work on, so no caller (least of all the JavaFX
 * thread) waits for a model. Cancelling a returned future interrupts the work; closing stops the
 * thread.
 */
public final class Worker implements AutoCloseable {
    private final ExecutorService executor;

    public Worker(String name) {
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    public <T> CompletableFuture<T> submit(Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Future<?> running = executor.submit(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        result.whenComplete((v, e) -> {
            if (result.isCancelled()) {
                running.cancel(true);
            }
        });
        return result;
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
