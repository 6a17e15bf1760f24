package dev.diaharness.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.diaharness.core.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The judge's on-disk cache, shared by repeats, iterations and runs: one small JSON file per key
 * ({@code <dir>/<first two hex digits>/<sha256>.json}), written atomically (temp file + move), so concurrent
 * processes never read half a file. Identical requests in flight at once coalesce: the first computes, the others
 * wait for its result, so three concurrent repeats of one answer make one model call. Only valid replies are stored
 * (a failed judgement is retried next time). Default directory: {@code $XDG_CACHE_HOME/dia-harness/judge}, or
 * {@code ~/.cache/dia-harness/judge} when {@code XDG_CACHE_HOME} is unset or not absolute. With
 * {@code bypass} ({@code --no-judge-cache}) nothing is read, written or coalesced. Thread-safe.
 */
public final class JudgeCache {
  private final Optional<Path> dir;
  private final ConcurrentHashMap<String, CompletableFuture<Object>> inFlight = new ConcurrentHashMap<>();
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong misses = new AtomicLong();
  private final AtomicLong writeFailures = new AtomicLong();

  private JudgeCache(Optional<Path> dir) {
    this.dir = dir;
  }

  /** A cache in {@code dir} (created on first write). */
  public static JudgeCache at(Path dir) {
    return new JudgeCache(Optional.of(dir));
  }

  /** A cache in {@link #defaultDir()}. */
  public static JudgeCache inUserCacheDir() {
    return at(defaultDir());
  }

  /** No cache at all: every request calls the model ({@code --no-judge-cache}). */
  public static JudgeCache bypass() {
    return new JudgeCache(Optional.empty());
  }

  /** {@code dia-harness/judge} in the user's cache directory (XDG Base Directory rules). */
  public static Path defaultDir() {
    return defaultDir(System.getenv(), Path.of(System.getProperty("user.home")));
  }

  /** The XDG rule: {@code $XDG_CACHE_HOME} when set to an absolute path (a relative one is ignored), else ~/.cache. */
  static Path defaultDir(Map<String, String> env, Path home) {
    String xdg = env.getOrDefault("XDG_CACHE_HOME", "");
    Path base = !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".cache");
    return base.resolve("dia-harness").resolve("judge");
  }

  /**
   * Lookups answered from disk or from a request in flight ({@code hits}), computed ({@code misses}), and entries
   * that could not be written (the judgement itself is kept; a full or read-only disk must not fail scoring).
   */
  public record Stats(long hits, long misses, long writeFailures) {}

  public Stats stats() {
    return new Stats(hits.get(), misses.get(), writeFailures.get());
  }

  public boolean bypassed() {
    return dir.isEmpty();
  }

  /**
   * The content address of a judgement: SHA-256 over the model, the prompt version, the mode, the question, both SQL
   * texts and the SHA-256 of the schema description. The agent's thoughts and response are not part of it.
   */
  public static String key(String model, String promptVersion, JudgeMode mode, String question, String expectedSql,
      String generatedSql, String schemaDescription) {
    List<String> parts = List.of(model, promptVersion, mode.name(), question, expectedSql, generatedSql,
        sha256(schemaDescription));
    // a JSON array keeps the parts apart, so no two different inputs share a serialization
    return sha256(Json.MAPPER.valueToTree(parts).toString());
  }

  /**
   * The value for {@code key}: from disk, from an identical request in flight, or computed by {@code compute} (and
   * stored when {@code encode} gives JSON).
   *
   * @param decode turns a stored JSON value back into a result; empty for an unusable entry (then recomputed)
   * @param encode the JSON to store for a result, empty to store nothing (a failure)
   */
  @SuppressWarnings("unchecked")
  public <T> T getOrCompute(String key, Function<JsonNode, Optional<T>> decode, Supplier<T> compute,
      Function<T, Optional<JsonNode>> encode) {
    if (dir.isEmpty()) {
      misses.incrementAndGet();
      return compute.get();
    }
    CompletableFuture<Object> mine = new CompletableFuture<>();
    CompletableFuture<Object> running = inFlight.putIfAbsent(key, mine);
    if (running != null) {
      hits.incrementAndGet();
      return (T) join(running);
    }
    try {
      T value = readOrCompute(key, decode, compute, encode);
      mine.complete(value);
      return value;
    } catch (RuntimeException | Error e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      inFlight.remove(key, mine);
    }
  }

  private <T> T readOrCompute(String key, Function<JsonNode, Optional<T>> decode, Supplier<T> compute,
      Function<T, Optional<JsonNode>> encode) {
    Optional<T> stored = read(key).flatMap(decode);
    if (stored.isPresent()) {
      hits.incrementAndGet();
      return stored.get();
    }
    misses.incrementAndGet();
    T value = compute.get();
    encode.apply(value).ifPresent(json -> write(key, json));
    return value;
  }

  private static Object join(CompletableFuture<Object> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException) {
        throw (RuntimeException) e.getCause();
      }
      throw e;
    }
  }

  private Path file(String key) {
    return dir.orElseThrow().resolve(key.substring(0, 2)).resolve(key + ".json");
  }

  private Optional<JsonNode> read(String key) {
    Path file = file(key);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      JsonNode entry = Json.MAPPER.readTree(Files.readString(file));
      return Optional.ofNullable(entry).map(e -> e.get("value")).filter(v -> v != null && !v.isNull());
    } catch (IOException e) {
      return Optional.empty(); // a damaged entry is recomputed and overwritten
    }
  }

  private void write(String key, JsonNode value) {
    Path file = file(key);
    try {
      Files.createDirectories(file.getParent());
      ObjectNode entry = Json.MAPPER.createObjectNode().put("key", key);
      entry.set("value", value);
      Path temp = Files.createTempFile(file.getParent(), key.substring(0, 8), ".tmp");
      Files.writeString(temp, entry.toString(), StandardCharsets.UTF_8);
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      writeFailures.incrementAndGet();
    }
  }

  static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(Objects.requireNonNull(text).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
