package dev.diaharness.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The one reader of a versioned file kind of the run folder (a journal row, {@code metrics.json}, a trajectory, a
 * run manifest). It checks the file's {@code version} before anything else: a version newer than this dia-harness
 * writes is refused with a clear message (reading it would silently drop what the newer writer added), an older one
 * is read. Fields are read strictly: an unknown field — renamed, or from another tool — is an error naming it,
 * never a value that silently becomes null. Users' input files (golden sets, configs) are not versioned and are
 * read by their own loaders.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param <T> the record of the file kind
 */
public final class VersionedJson<T> {
  private final Class<T> type;
  private final int currentVersion;
  private final String kind;
  private final ObjectReader strict;

  /**
   * @param currentVersion the version this dia-harness writes; anything above is refused
   * @param kind           what the file is, for messages ("journal row", "metrics file", …)
   */
  public VersionedJson(Class<T> type, int currentVersion, String kind) {
    this.type = Objects.requireNonNull(type, "type");
    this.currentVersion = currentVersion;
    this.kind = Objects.requireNonNull(kind, "kind");
    this.strict = Json.MAPPER.readerFor(type).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  /**
   * Reads a whole file.
   *
   * @throws InputException naming the file when it is not JSON, newer than this version, or has an unknown field
   */
  public T read(Path file) {
    JsonNode tree;
    try {
      tree = Json.MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw InputException.inFile(file, "not a readable " + kind + ": " + firstLine(e));
    }
    return fromTree(tree, file + "");
  }

  /**
   * Reads one line of a JSONL file (1-based {@code row}).
   *
   * @throws JsonProcessingException when the line is not JSON (the caller decides: a torn last line is expected)
   * @throws InputException          naming the file and row when it is newer than this version or has an unknown field
   */
  public T readLine(String line, Path file, int row) throws JsonProcessingException {
    return fromTree(Json.MAPPER.readTree(line), file + " row " + row);
  }

  private T fromTree(JsonNode tree, String where) {
    if (tree == null || !tree.isObject()) {
      throw new InputException(where + ": not a " + kind + " (expected a JSON object)");
    }
    int version = tree.path("version").asInt(1);
    if (version > currentVersion) {
      throw new InputException(where + ": " + kind + " version " + version + " was written by a newer dia-harness;"
          + " this one reads versions up to " + currentVersion + " (upgrade dia-harness to read it)");
    }
    try {
      return strict.treeToValue(tree, type);
    } catch (UnrecognizedPropertyException e) {
      throw unknownFieldError(where, e.getPropertyName(), version);
    } catch (ValueInstantiationException e) {
      // Jackson builds a record before it looks at unknown fields, so a renamed required field first shows as a
      // missing one: name the unknown field, the likelier cause, when there is one
      Optional<String> unknown = unknownField(tree);
      if (unknown.isPresent()) {
        throw unknownFieldError(where, unknown.get(), version);
      }
      // the record refused a value (e.g. a missing required field): its own message says which; Jackson's wrapping
      // only adds the class name
      Throwable why = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
      throw new InputException(where + ": not a valid " + kind + ": " + firstLine((Exception) why));
    } catch (IOException | IllegalArgumentException e) {
      throw new InputException(where + ": not a valid " + kind + ": " + firstLine(e));
    }
  }

  private InputException unknownFieldError(String where, String field, int version) {
    return new InputException(where + ": unknown field '" + field + "' in a " + kind + " (version " + version
        + "): renamed, or written by another tool");
  }

  private Optional<String> unknownField(JsonNode tree) {
    Set<String> known = new HashSet<>();
    strict.getConfig().introspect(strict.getConfig().constructType(type)).findProperties()
        .forEach(p -> known.add(p.getName()));
    for (Iterator<String> names = tree.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        return Optional.of(name);
      }
    }
    return Optional.empty();
  }

  private static String firstLine(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.lines().findFirst().orElse("");
  }
}
