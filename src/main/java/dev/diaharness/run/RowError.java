package dev.diaharness.run;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a row is an error row (the agent or the golden SQL was broken, so nothing could be scored). This record is
 * immutable.
 *
 * @param kind     what broke
 * @param message  one line a user can act on
 * @param rawStart the start (at most {@link #RAW_IN_ROW} characters) of the conversation's raw streams, so the
 *                 failure can be read without {@code --keep-raw}; absent in rows written before it existed
 */
public record RowError(ErrorKind kind, String message, Optional<String> rawStart) {
  /** How much of the raw streams an error row keeps: 64 KiB. */
  public static final int RAW_IN_ROW = 64 * 1024;

  public RowError {
    Objects.requireNonNull(kind, "error_kind");
    Objects.requireNonNull(message, "error");
    rawStart = Objects.requireNonNullElse(rawStart, Optional.empty());
    rawStart.ifPresent(raw -> {
      if (raw.length() > RAW_IN_ROW) {
        throw new IllegalArgumentException("raw_stream must be at most " + RAW_IN_ROW + " characters, got "
            + raw.length());
      }
    });
  }

  /** An error keeping the start of {@code rawStreams}. */
  public static RowError of(ErrorKind kind, String message, List<String> rawStreams) {
    String all = String.join("\n", rawStreams);
    return new RowError(kind, message, Optional.of(all.length() <= RAW_IN_ROW ? all : all.substring(0, RAW_IN_ROW)));
  }

  /** An error without raw streams. */
  public static RowError of(ErrorKind kind, String message) {
    return new RowError(kind, message, Optional.empty());
  }
}
