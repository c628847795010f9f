package dev.candor.ai.llm;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.Pair;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A GGUF model file the user imported, run in this process by llama.cpp through {@code
 * de.kherud:llama}. The file is checked (exists, GGUF magic) before the native loader sees it, so
 * a wrong or corrupt file gives a clear message; generation stops between tokens when the
 * calling thread is interrupted; {@link #close} stops the model's llama.cpp server loop. The
 * binding (4.1.0) does not free the model's native memory on close and leaves its server thread
 * attached to the JVM (upstream issues #102 and #116), so a process should load a model once and
 * end with {@code System.exit}, as Candor's command line and app do.
 */
public final class LlamaBackend implements ChatBackend {
    private static final Logger LOG = LoggerFactory.getLogger(LlamaBackend.class);
    private static final byte[] GGUF_MAGIC = {'G', 'G', 'U', 'F'};
    private static boolean loggerSet;

    private final Path file;
    private final int contextTokens;
    private LlamaModel model;

    /** Loads the model on the calling thread (an engine worker: loading takes seconds). */
    public LlamaBackend(Path file, int contextTokens, int threads) throws LlmException {
        this.file = file;
        this.contextTokens = contextTokens;
        checkFile(file);
        try {
            routeNativeLog();
            model = new LlamaModel(new ModelParameters()
                    .setModel(file.toAbsolutePath().toString())
                    .setCtxSize(contextTokens)
                    .setThreads(threads)
                    .setGpuLayers(0)
                    .disableLog()); // its server log would fill the command line's standard error
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new LlmException(
                    "The model file " + file.getFileName() + " could not be loaded (" + e.getMessage()
                            + "). Import a GGUF model that llama.cpp supports.",
                    e);
        }
    }

    /**
     * llama.cpp prints its progress to standard output unless given a logger, and the binding's
     * loader prints "Extracted 'libjllama.so' ..." there when it unpacks the natives (on the first
     * use of {@link LlamaModel}). Standard output is where {@code candor summarize} writes the
     * summary (JSON for scripts), so both go to the debug log instead; log lines may quote the
     * prompt, so never above DEBUG. Candor's own code never writes to System.out, and the command
     * line's writers hold the original stream, so swapping it for the load hides nothing else.
     */
    private static synchronized void routeNativeLog() {
        if (!loggerSet) {
            java.io.PrintStream stdout = System.out;
            java.io.ByteArrayOutputStream loaderLines = new java.io.ByteArrayOutputStream();
            System.setOut(new java.io.PrintStream(loaderLines, true, java.nio.charset.StandardCharsets.UTF_8));
            try {
                LlamaModel.setLogger(
                        de.kherud.llama.args.LogFormat.TEXT, (level, text) -> LOG.debug("llama.cpp: {}", text.strip()));
            } finally {
                System.setOut(stdout);
            }
            LOG.debug(
                    "llama natives: {}",
                    loaderLines
                            .toString(java.nio.charset.StandardCharsets.UTF_8)
                            .strip());
            loggerSet = true;
        }
    }

    /** Refuses a missing, unreadable, empty or non-GGUF file before native code touches it. */
    static void checkFile(Path file) throws LlmException {
        if (!Files.isRegularFile(file)) {
            throw new LlmException("Model file " + file + " does not exist.");
        }
        byte[] head = new byte[4];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(head, 0, 4) < 4) {
                throw new LlmException("Model file " + file.getFileName() + " is empty or truncated.");
            }
        } catch (IOException e) {
            throw new LlmException("Model file " + file.getFileName() + " cannot be read: " + e.getMessage(), e);
        }
        for (int i = 0; i < 4; i++) {
            if (head[i] != GGUF_MAGIC[i]) {
                throw new LlmException(
                        "Model file " + file.getFileName() + " is not a GGUF model (wrong file or corrupt).");
            }
        }
    }

    @Override
    public String name() {
        return "llama:" + file.getFileName();
    }

    @Override
    public int contextTokens() {
        return contextTokens;
    }

    @Override
    public synchronized String chat(List<Message> messages, int maxAnswerTokens)
            throws LlmException, InterruptedException {
        if (model == null) {
            throw new LlmException("The model has been closed.");
        }
        String system = "";
        List<Pair<String, String>> turns = new ArrayList<>();
        for (Message m : messages) {
            if (m.role().equals("system")) {
                system = m.content();
            } else {
                turns.add(new Pair<>(m.role(), m.content()));
            }
        }
        StringBuilder out = new StringBuilder();
        try {
            // The binding's completion reads only "prompt" (its chat messages are ignored there, so
            // the model would answer an empty prompt): render the chat with the model's own
            // template first and send that text as the prompt.
            String prompt = model.applyTemplate(new InferenceParameters("").setMessages(system, turns));
            InferenceParameters params =
                    new InferenceParameters(prompt).setTemperature(0f).setNPredict(maxAnswerTokens);
            Iterator<LlamaOutput> tokens = model.generate(params).iterator();
            while (tokens.hasNext()) {
                if (Thread.currentThread().isInterrupted()) {
                    if (tokens instanceof de.kherud.llama.LlamaIterator it) {
                        it.cancel();
                    }
                    throw new InterruptedException("generation cancelled");
                }
                out.append(tokens.next().text);
            }
        } catch (RuntimeException e) {
            throw new LlmException("The local model failed while writing: " + e.getMessage(), e);
        }
        return out.toString();
    }

    @Override
    public synchronized void close() {
        if (model != null) {
            model.close();
            model = null;
        }
    }
}
