package dev.diaharness.emulator.brain;

import dev.diaharness.config.AgentConfig;
import dev.diaharness.config.NlExample;
import dev.diaharness.core.InputException;
import dev.diaharness.llm.ChatModel;
import dev.diaharness.llm.ChatReply;
import dev.diaharness.llm.ChatRequest;
import dev.diaharness.sql.SqlExtractor;
import java.util.Objects;
import java.util.Optional;

/**
 * A brain backed by a chat model — any OpenAI-compatible endpoint (OpenAI, Ollama, vLLM, LM Studio…) through the
 * {@code llm} package's client: the config's prompt, schema description and examples as the system message, the
 * question as the user message. The SQL is taken from the reply by the same rules as an agent's answer
 * ({@link SqlExtractor}); the rest of the reply becomes the thoughts. Thread-safe.
 */
public final class OpenAiBrain implements Brain {
  private static final int MAX_OUTPUT_TOKENS = 2048;
  private final ChatModel model;
  private final double temperature;

  public OpenAiBrain(ChatModel model, double temperature) {
    this.model = Objects.requireNonNull(model, "model");
    this.temperature = temperature;
  }

  /** @throws BrainFailedException when the model cannot be reached or keeps failing after its retries */
  @Override
  public BrainAnswer answer(AgentConfig config, String question, int repeat) {
    String reply = complete(ChatRequest.text(systemPrompt(config), question, temperature, MAX_OUTPUT_TOKENS));
    Optional<String> sql = SqlExtractor.extract(reply);
    String thoughts = sql.map(s -> reply.replace(s, "").replaceAll("(?is)```[a-z]*\\s*;?\\s*```", "").strip())
        .orElse(reply.strip());
    return new BrainAnswer(sql, thoughts);
  }

  private String complete(ChatRequest request) {
    try {
      ChatReply reply = model.complete(request);
      return reply.text();
    } catch (InputException e) {
      throw e; // a rejected key is the user's to fix, not a failed answer
    } catch (RuntimeException e) {
      throw new BrainFailedException("the chat model failed: " + e.getMessage(), e);
    }
  }

  static String systemPrompt(AgentConfig config) {
    StringBuilder s = new StringBuilder(config.nl2sqlPrompt().strip());
    if (!config.schemaDescription().isBlank()) {
      s.append("\n\nSchema:\n").append(config.schemaDescription().strip());
    }
    if (!config.nl2sqlExamples().isEmpty()) {
      s.append("\n\nExamples:");
      for (NlExample e : config.nl2sqlExamples()) {
        s.append("\nQuestion: ").append(e.query()).append("\nSQL:\n```sql\n").append(e.expectedSql().strip())
            .append("\n```");
      }
    }
    s.append("\n\nAnswer with the SQL query in a ```sql fenced block.");
    return s.toString();
  }
}
