package dev.diaharness.optimize.opro;

import dev.diaharness.llm.BudgetExceededException;
import dev.diaharness.llm.ChatModel;
import dev.diaharness.llm.ChatRequest;
import dev.diaharness.llm.ProviderException;
import dev.diaharness.optimize.ProposerException;

/**
 * One structured model call with a single corrective retry: a reply that fails validation is asked for again once,
 * telling the model what was wrong; a second bad reply, a provider that stays down (the model adapter has already
 * retried) or a refused budget is a {@link ProposerException}, which ends the optimization cleanly. Rejected
 * credentials ({@link dev.diaharness.core.InputException}) pass through: they are a configuration error. Stateless.
 */
final class JsonCall {
  /** Reads a reply or says what is wrong with it. */
  @FunctionalInterface
  interface Reader<T> {
    T read(String text) throws InvalidReplyException;
  }

  private JsonCall() {}

  /** @param what names the step in messages, e.g. {@code config analysis} */
  static <T> T ask(ChatModel model, ChatRequest first, Reader<T> reader, String what) {
    String problem = "";
    for (int attempt = 1; attempt <= 2; attempt++) {
      ChatRequest request = attempt == 1 ? first : correction(first, problem);
      String text;
      try {
        text = model.complete(request).text();
      } catch (ProviderException e) {
        throw new ProposerException(what + " model " + model.id() + " unavailable: " + e.getMessage(), e);
      } catch (BudgetExceededException e) {
        throw new ProposerException(what + " not run: " + e.getMessage(), e);
      }
      try {
        return reader.read(text);
      } catch (InvalidReplyException e) {
        problem = e.getMessage();
      }
    }
    throw new ProposerException(what + " model " + model.id() + " gave an unusable reply twice: " + problem, null);
  }

  private static ChatRequest correction(ChatRequest first, String problem) {
    String user = first.user() + "\n\nYOUR PREVIOUS REPLY WAS REJECTED: " + problem
        + ". Answer again with one JSON object that follows the required keys and rules exactly.";
    return new ChatRequest(first.system(), user, first.temperature(), first.maxOutputTokens(), true,
        first.jsonSchema());
  }
}
