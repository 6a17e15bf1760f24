package dev.diaharness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diaharness.core.InputException;
import dev.diaharness.core.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run folder is opened new or resumed; a resumed run's run.json keeps how the run began. */
class RunFolderTest {
  private static final LocalDateTime NOON = LocalDateTime.of(2026, 12, 4, 12, 0, 0);

  @TempDir Path results;

  private static RunManifest manifest(String runId, String agentId, Instant start, List<String> args,
      Map<String, String> flags) {
    return new RunManifest(RunManifest.CURRENT_VERSION, runId, "evaluate", "dia-harness evaluate " + String.join(" ",
        args), agentId, "Agent", true, start, null, Map.of("judge", "none"), flags, null, args, "/work", List.of());
  }

  @Test
  void aNewRunGetsItsOwnFolderAndWritesItsManifestAsGiven() {
    RunFolder folder = RunFolder.create(results, false, NOON);
    RunManifest fresh = manifest("run_20261204_120000", "a1", Instant.EPOCH, List.of("--seed", "1"), Map.of());

    RunManifest written = folder.begin(fresh);

    assertThat(folder.resumed()).isFalse();
    assertThat(folder.directory().root()).isEqualTo(results.resolve("run_20261204_120000"));
    assertThat(written).isEqualTo(fresh);
    assertThat(RunFolder.manifestOf(folder.directory().root())).isEqualTo(fresh);
  }

  @Test
  void clearingPriorRunsDeletesOnlyRunFolders() throws Exception {
    Path old = Files.createDirectories(results.resolve("run_20261203_090000/iterations/1"));
    Files.writeString(old.resolve("eval_train.jsonl"), "{}\n");
    Path keep = Files.writeString(results.resolve("notes.txt"), "mine");
    Path keepDir = Files.createDirectories(results.resolve("charts_by_hand"));

    RunFolder kept = RunFolder.create(results, false, NOON);
    assertThat(results.resolve("run_20261203_090000")).exists();
    RunFolder cleared = RunFolder.create(results, true, NOON.plusSeconds(1));

    assertThat(results.resolve("run_20261203_090000")).doesNotExist();
    assertThat(kept.directory().root()).as("a run folder of before is a prior run too").doesNotExist();
    assertThat(cleared.directory().root()).isDirectory();
    assertThat(keep).hasContent("mine");
    assertThat(keepDir).isDirectory();
  }

  @Test
  void aResumedRunKeepsHowItBeganAndTakesTodaysAgentModelsAndFlags() {
    RunFolder first = RunFolder.create(results, false, NOON);
    Instant began = Instant.parse("2026-12-04T12:00:00Z");
    RunManifest original = first.begin(manifest("run_20261204_120000", "a1", began, List.of("--seed", "1"),
        Map.of("max_workers", "4")));
    first.end(original, began.plusSeconds(60), "interrupted");

    RunFolder again = RunFolder.resume(first.directory().root());
    RunManifest now = manifest("run_other", "a2", began.plusSeconds(3600), List.of("--resume", "x"),
        Map.of("max_workers", "2"));
    RunManifest written = again.begin(now);

    assertThat(again.resumed()).isTrue();
    assertThat(again.earlier()).contains(original.ended(began.plusSeconds(60), "interrupted"));
    assertThat(written.runId()).isEqualTo("run_20261204_120000");
    assertThat(written.startTime()).isEqualTo(began);
    assertThat(written.args()).containsExactly("--seed", "1");
    assertThat(written.commandLine()).isEqualTo(original.commandLine());
    assertThat(written.agentId()).isEqualTo("a2");
    assertThat(written.flags()).containsEntry("max_workers", "2");
    assertThat(written.endTime()).as("running again").isNull();
    assertThat(written.endReason()).isNull();
    assertThat(RunFolder.manifestOf(first.directory().root())).isEqualTo(written);
  }

  @Test
  void anOlderManifestWithoutArgumentsIsReadAndItsCommandLineSplit() throws Exception {
    Path run = Files.createDirectories(results.resolve("run_20250101_000000"));
    Files.writeString(run.resolve("run.json"), """
        {"version": 1, "run_id": "run_20250101_000000", "command": "evaluate",
         "command_line": "dia-harness evaluate --golden-set 'my set.json' --resume run_x --seed 3",
         "agent_id": "a", "agent_name": "A", "embedded": false, "start_time": "2025-01-01T00:00:00Z",
         "end_time": null, "models": {}, "flags": {}, "end_reason": null}
        """);

    RunFolder folder = RunFolder.resume(run);

    assertThat(folder.earlier().orElseThrow().args()).isNull();
    assertThat(folder.earlier().get().argsToResume()).containsExactly("--golden-set", "my set.json", "--seed", "3");
  }

  @Test
  void aNewerManifestOrAnUnknownFieldIsRefusedNamingTheFile() throws Exception {
    Path newer = Files.createDirectories(results.resolve("run_newer"));
    Files.writeString(newer.resolve("run.json"), "{\"version\": " + (RunManifest.CURRENT_VERSION + 1)
        + ", \"run_id\": \"x\", \"command\": \"evaluate\", \"galaxy\": 1}");
    Path renamed = Files.createDirectories(results.resolve("run_renamed"));
    Files.writeString(renamed.resolve("run.json"), Json.MAPPER.writeValueAsString(Map.of("version", 1,
        "run_id", "x", "command_name", "evaluate", "models", Map.of(), "flags", Map.of())));
    Path none = Files.createDirectories(results.resolve("run_none"));

    assertThatThrownBy(() -> RunFolder.resume(newer)).isInstanceOf(InputException.class)
        .hasMessageContaining(newer.resolve("run.json").toString()).hasMessageContaining("newer dia-harness");
    assertThatThrownBy(() -> RunFolder.resume(renamed)).isInstanceOf(InputException.class)
        .hasMessageContaining(renamed.resolve("run.json").toString()).hasMessageContaining("'command_name'");
    assertThatThrownBy(() -> RunFolder.resume(none)).isInstanceOf(InputException.class)
        .hasMessageContaining("no run.json");
    assertThatThrownBy(() -> RunFolder.resume(results.resolve("missing"))).isInstanceOf(InputException.class)
        .hasMessageContaining("missing");
  }

  @Test
  void aManifestMissingAFieldEveryVersionWroteNamesTheFieldNotAJavaError() throws Exception {
    RunManifest whole = manifest("run_cut", "a1", Instant.EPOCH, List.of("--seed", "1"), Map.of());
    Path cut = Files.createDirectories(results.resolve("run_cut"));
    Map<String, Object> fields = new java.util.LinkedHashMap<>(Json.MAPPER.convertValue(whole,
        new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {}));
    fields.remove("models");
    Files.writeString(cut.resolve("run.json"), Json.MAPPER.writeValueAsString(fields));

    assertThatThrownBy(() -> RunFolder.manifestOf(cut)).isInstanceOf(InputException.class)
        .hasMessage(cut.resolve("run.json") + ": not a valid run manifest: missing field 'models'");
  }
}
