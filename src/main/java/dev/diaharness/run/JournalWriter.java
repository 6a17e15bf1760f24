package dev.diaharness.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.diaharness.core.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * Appends each finished item, as one flushed line, to {@code journal.jsonl} and to its
 * {@code iterations/<i>/eval_<split>.jsonl}. Lines never interleave (one lock), and a killed process loses at most
 * the items in flight: a flushed line is in the operating system's hands, and a line torn by a kill is cut when
 * the file is opened again (resume). Thread-safe.
 */
public final class JournalWriter implements ResultSink, AutoCloseable {
  private final RunDirectory run;
  private final BufferedWriter journal;
  private final Map<Path, BufferedWriter> evalFiles = new HashMap<>();

  public JournalWriter(RunDirectory run) {
    this.run = run;
    this.journal = open(run.journal());
    restoreEvalRows();
  }

  /**
   * A process killed between a row's two appends leaves it in the journal but not in its eval file. A resume takes
   * the journal's rows as finished and never asks them again, so the eval file would miss that row for good: it is
   * copied there when the run is opened again.
   */
  private void restoreEvalRows() {
    Map<ItemKey, ItemResult> journaled = JournalReader.latestByKey(run.journal());
    Map<Path, Map<ItemKey, ItemResult>> evalRows = new HashMap<>();
    for (ItemResult row : journaled.values()) {
      Path evalFile = run.evalFile(row.key().iteration(), row.key().split());
      BufferedWriter out = evalFiles.computeIfAbsent(evalFile, JournalWriter::open); // cuts a torn line first
      Map<ItemKey, ItemResult> there = evalRows.computeIfAbsent(evalFile, JournalReader::latestByKey);
      if (!row.equals(there.get(row.key()))) {
        try {
          append(out, toLine(row));
        } catch (IOException e) {
          throw new UncheckedIOException("cannot append to " + evalFile, e);
        }
      }
    }
  }

  @Override
  public synchronized void accept(ItemResult result) {
    String line = toLine(result);
    Path evalFile = run.evalFile(result.key().iteration(), result.key().split());
    try {
      append(journal, line);
      append(evalFiles.computeIfAbsent(evalFile, JournalWriter::open), line);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to " + run.journal(), e);
    }
  }

  static String toLine(ItemResult result) {
    try {
      return Json.MAPPER.writeValueAsString(ItemResultJson.of(result));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("result not serializable: " + result.key(), e);
    }
  }

  private static void append(BufferedWriter out, String line) throws IOException {
    out.write(line);
    out.write('\n');
    out.flush();
  }

  private static BufferedWriter open(Path file) {
    try {
      Files.createDirectories(file.getParent());
      dropTornLine(file);
      return Files.newBufferedWriter(file, StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + file, e);
    }
  }

  /**
   * Cuts a half-written last line (the process was killed while writing it; a line longer than the writer's
   * buffer goes out in pieces). Appending after it would glue the next row onto it and leave a broken line in the
   * middle of the file, which the reader rightly refuses; cut, the lost row is simply asked again.
   */
  static void dropTornLine(Path file) throws IOException {
    if (!Files.exists(file)) {
      return;
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      long keep = channel.size();
      ByteBuffer one = ByteBuffer.allocate(1);
      while (keep > 0) {
        one.clear();
        channel.read(one, keep - 1);
        if (one.get(0) == '\n') {
          break;
        }
        keep--;
      }
      if (keep < channel.size()) {
        channel.truncate(keep);
      }
    }
  }

  @Override
  public synchronized void close() throws IOException {
    journal.close();
    for (BufferedWriter w : evalFiles.values()) {
      w.close();
    }
    evalFiles.clear();
  }
}
