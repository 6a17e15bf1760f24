package dev.diaharness.run;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * {@code --keep-raw}: saves every raw stream of a row, gzipped, under {@code raw/} of the run folder
 * ({@code i<iteration>_<split>_<question id>_r<repeat>_t<turn>.json.gz}, one file per streamAssist turn, exactly the
 * bytes the service sent), then hands the row on without them. Without {@code --keep-raw} it only drops them, so the
 * journal never holds more than an error row's first 64 KiB. A file is written to a temporary name and moved, so a
 * killed run leaves no half file. Thread-safe when {@code next} is.
 */
public final class RawStreamSink implements ResultSink {
  private final ResultSink next;
  private final Path rawDir;
  private final boolean keep;

  public RawStreamSink(ResultSink next, RunDirectory run, boolean keep) {
    this.next = next;
    this.rawDir = run.root().resolve("raw");
    this.keep = keep;
  }

  /** The folder the raw streams go to. */
  public Path rawDir() {
    return rawDir;
  }

  @Override
  public void accept(ItemResult row) {
    if (keep && !row.answer().rawStreams().isEmpty()) {
      save(row);
    }
    next.accept(row.withoutRawStreams());
  }

  private void save(ItemResult row) {
    List<String> streams = row.answer().rawStreams();
    try {
      Files.createDirectories(rawDir);
      for (int turn = 0; turn < streams.size(); turn++) {
        Path file = rawDir.resolve(fileName(row.key(), turn + 1));
        Path tmp = rawDir.resolve(file.getFileName() + ".tmp");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tmp))) {
          out.write(streams.get(turn).getBytes(StandardCharsets.UTF_8));
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the raw stream of " + row.key().questionId() + " in " + rawDir,
          e);
    }
  }

  /** A file name for any question id: characters a file system might refuse become {@code _}. */
  static String fileName(ItemKey key, int turn) {
    String id = key.questionId().replaceAll("[^A-Za-z0-9_.-]", "_");
    return "i" + key.iteration() + "_" + key.split().name().toLowerCase(java.util.Locale.ROOT) + "_" + id
        + "_r" + key.repeat() + "_t" + turn + ".json.gz";
  }
}
