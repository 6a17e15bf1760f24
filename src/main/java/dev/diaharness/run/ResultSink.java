package dev.diaharness.run;

/** Receives each finished item as it finishes. Implementations are thread-safe. */
public interface ResultSink {
  void accept(ItemResult result);
}
