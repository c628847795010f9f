package dev.candor.ai.llm;

import java.util.List;

/**
 * A language model that answers a chat: a local GGUF model run in-process, or an Ollama /
 * OpenAI-compatible server on this computer. Calls block the calling thread (an engine's worker),
 * respond to interruption, and throw {@link LlmException} with a message for the user.
 */
public interface ChatBackend extends AutoCloseable {

    /** One chat message; role is "system", "user" or "assistant". */
    record Message(String role, String content) {}

    /** Short name for the user, e.g. "ollama:llama3.2". */
    String name();

    /** How many tokens of prompt plus answer the model can take at once. */
    int contextTokens();

    String chat(List<Message> messages, int maxAnswerTokens) throws LlmException, InterruptedException;

    @Override
    void close();
}
