package dev.candor.ai.llm;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Forked-JVM side of {@link LlamaBackendTest}: loads a GGUF file, answers, cancels a long answer,
 * closes, prints what happened and the non-daemon threads still alive, then exits as Candor's
 * {@code Main} does.
 */
public final class TinyLlamaRun {
    private TinyLlamaRun() {}

    public static void main(String[] args) throws Exception {
        List<ChatBackend.Message> chat = List.of(new ChatBackend.Message("user", "the budget review"));
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try (LlamaBackend backend = new LlamaBackend(Path.of(args[0]), TinyLlamaModel.CONTEXT, 2)) {
            System.out.println("ANSWERED " + backend.chat(chat, 8).length());
            Future<String> long_ = worker.submit(() -> backend.chat(chat, 3_900));
            Thread.sleep(100);
            long_.cancel(true);
            worker.shutdown();
            if (worker.awaitTermination(10, TimeUnit.SECONDS)) {
                System.out.println("CANCELLED");
            }
        }
        System.out.println("CLOSED");
        System.out.println("NON-DAEMON THREADS LEFT "
                + Thread.getAllStackTraces().keySet().stream()
                        .filter(t -> t.isAlive() && !t.isDaemon() && t != Thread.currentThread())
                        .map(Thread::getName)
                        .toList());
        System.exit(0);
    }
}
