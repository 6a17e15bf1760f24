package dev.diaharness.llm;

/**
 * The port to a chat language model: one system + user exchange in, one reply with its token usage out.
 * Implementations are thread-safe, bound their own concurrency, retry 429/5xx with backoff and time out each call.
 *
 * <p>{@link #id()} names the model as configured (for example {@code openai:gpt-4o-mini}); it keys the judge cache
 * and the price table, so two different models never share cached verdicts.
 */
public interface ChatModel {
  /**
   * Sends one request and waits for the reply.
   *
   * @throws ProviderException when the provider stays unavailable after the retries, or answers with something that
   *     is not a reply
   * @throws dev.diaharness.core.InputException when the provider rejects the credentials (401/403); the message names
   *     the environment variable to fix, never its value
   */
  ChatReply complete(ChatRequest request);

  /** The configured model name, with its provider prefix if it had one. */
  String id();
}
