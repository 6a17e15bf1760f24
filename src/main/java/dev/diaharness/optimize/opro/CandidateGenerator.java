package dev.diaharness.optimize.opro;

import dev.diaharness.llm.ChatModel;
import dev.diaharness.llm.ChatRequest;
import dev.diaharness.optimize.ConfigField;
import dev.diaharness.optimize.ProposerException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Makes the K improvement calls of one step in parallel (one thread each; the model adapter still bounds the calls
 * in flight per provider) and reads each reply. A call that fails or stays unusable after its corrective retry loses
 * only its own candidate; when every call fails the step fails with a {@link ProposerException}. Thread-safe: each
 * call to {@link #generate} has its own threads, shut down before it returns.
 */
final class CandidateGenerator {
  /** One usable improvement reply; {@code number} counts from 1 in request order. */
  record Candidate(int number, ImprovedFields fields) {}

  /** The usable replies in request order, and why the others failed. */
  record Generated(List<Candidate> candidates, List<String> failures) {}

  private final ChatModel model;

  CandidateGenerator(ChatModel model) {
    this.model = model;
  }

  Generated generate(ChatRequest request, List<ConfigField> planned, int k) {
    ExecutorService pool = Executors.newFixedThreadPool(k, r -> {
      Thread t = new Thread(r, "opro-candidate");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<ImprovedFields>> futures = new ArrayList<>();
      for (int i = 1; i <= k; i++) {
        String what = "prompt improvement (candidate " + i + " of " + k + ")";
        futures.add(pool.submit(() -> JsonCall.ask(model, request, text -> ImprovedFields.parse(text, planned),
            what)));
      }
      List<Candidate> candidates = new ArrayList<>();
      List<String> failures = new ArrayList<>();
      for (int i = 0; i < k; i++) {
        try {
          candidates.add(new Candidate(i + 1, futures.get(i).get()));
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof ProposerException)) {
            throw rethrow(e.getCause()); // e.g. rejected credentials: a configuration error, not a lost candidate
          }
          failures.add(e.getCause().getMessage());
        }
      }
      if (candidates.isEmpty()) {
        throw new ProposerException("all " + k + " prompt improvement calls failed; the first: " + failures.get(0),
            null);
      }
      return new Generated(candidates, failures);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProposerException("interrupted while waiting for the prompt improvement calls", e);
    } finally {
      pool.shutdownNow();
    }
  }

  private static RuntimeException rethrow(Throwable cause) {
    if (cause instanceof RuntimeException) {
      return (RuntimeException) cause;
    }
    if (cause instanceof Error) {
      throw (Error) cause;
    }
    return new IllegalStateException(cause);
  }
}
