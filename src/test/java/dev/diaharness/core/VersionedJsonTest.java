package dev.diaharness.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diaharness.run.ItemResultJson;
import dev.diaharness.run.JournalReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Versioned run files: newer versions refused with a clear line, older ones read, unknown fields never null. */
class VersionedJsonTest {
  record Note(int version, String text, Optional<String> extra) {}

  static final VersionedJson<Note> NOTES = new VersionedJson<>(Note.class, 2, "note");

  @TempDir Path dir;

  @Test
  void readsTheCurrentAndOlderVersions() throws Exception {
    assertThat(NOTES.read(write("{\"version\":2,\"text\":\"a\",\"extra\":\"e\"}")))
        .isEqualTo(new Note(2, "a", Optional.of("e")));
    assertThat(NOTES.read(write("{\"version\":1,\"text\":\"a\"}"))).isEqualTo(new Note(1, "a", Optional.empty()));
  }

  @Test
  void refusesANewerVersionNamingTheFileAndBothVersions() throws Exception {
    Path file = write("{\"version\":3,\"text\":\"a\",\"new_thing\":1}");
    assertThatThrownBy(() -> NOTES.read(file)).isInstanceOf(InputException.class)
        .hasMessage(file + ": note version 3 was written by a newer dia-harness; this one reads versions up to 2"
            + " (upgrade dia-harness to read it)");
  }

  @Test
  void aRenamedFieldIsAnErrorNotANull() throws Exception {
    Path file = write("{\"version\":2,\"txt\":\"a\"}");
    assertThatThrownBy(() -> NOTES.read(file)).isInstanceOf(InputException.class)
        .hasMessageContaining(file + ": unknown field 'txt' in a note (version 2)");
  }

  @Test
  void journalRowsAreCheckedWhileATornLastLineIsStillIgnored() throws Exception {
    Path journal = dir.resolve("journal.jsonl");
    String row = Files.readAllLines(Path.of("src/test/resources/runs/run_20260302_093000/journal.jsonl")).get(0);
    Files.writeString(journal, row + "\n" + row.replace("\"latency_ms\"", "\"latency\"") + "\n" + row + "\n");
    assertThatThrownBy(() -> JournalReader.readAll(journal)).isInstanceOf(InputException.class)
        .hasMessageContaining(journal + " row 2: unknown field 'latency'");

    Files.writeString(journal, row + "\n" + row.replaceFirst("\"version\":\\d+", "\"version\":"
        + (ItemResultJson.CURRENT_VERSION + 1)) + "\n");
    assertThatThrownBy(() -> JournalReader.readAll(journal)).isInstanceOf(InputException.class)
        .hasMessageContaining(journal + " row 2: journal row version " + (ItemResultJson.CURRENT_VERSION + 1)
            + " was written by a newer dia-harness");

    Files.writeString(journal, row + "\n" + row.substring(0, row.length() / 2));
    assertThat(JournalReader.readAll(journal)).hasSize(1);
  }

  private Path write(String json) throws Exception {
    Path file = Files.createTempFile(dir, "note", ".json");
    Files.writeString(file, json);
    return file;
  }
}
