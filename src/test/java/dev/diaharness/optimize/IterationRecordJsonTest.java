package dev.diaharness.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.diaharness.core.InputException;
import dev.diaharness.core.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link IterationRecord} is grouped into named parts, but the trajectory keeps the Python tool's flat keys: the
 * committed trajectory reads and writes back as the same JSON, and a record's parts come from the right keys.
 */
class IterationRecordJsonTest {
  static final Path FIXTURE =
      Path.of("src/test/resources/runs/run_20260301_120000/trajectory_history_20260301_120000.json");

  @TempDir Path dir;

  @Test
  void theCommittedTrajectoryRoundTripsAsTheSameJson() throws Exception {
    JsonNode file = Json.MAPPER.readTree(FIXTURE.toFile());
    Trajectory t = TrajectoryStore.FILES.read(FIXTURE);
    assertThat(t.iterations()).hasSize(3);
    // compared as parsed text: a tree built from values holds longs where a parsed one holds ints
    assertThat(Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(t))).isEqualTo(file);

    IterationRecord first = t.iterations().get(0);
    JsonNode flat = file.path("iterations").get(0);
    assertThat(first.config().hash()).isEqualTo(flat.path("config_hash").asText());
    assertThat(first.deployment()).isEqualTo(Deployment.VERIFIED);
    assertThat(first.suggested().map(ConfigSnapshot::hash)).hasValue(flat.path("suggested_config_hash").asText());
    assertThat(first.proposal()).hasValueSatisfying(p -> {
      assertThat(p.approved()).isEqualTo(flat.path("config_approved").asBoolean());
      assertThat(p.summary()).isEqualTo(flat.path("proposal_summary").asText());
      assertThat(p.changes()).hasSize(flat.path("prompt_changes").size());
    });
    assertThat(first.trainMetrics().accuracy()).isEqualTo(flat.path("metrics").path("train").path("accuracy").asDouble());
  }

  @Test
  void aRecordWithoutItsProposalWritesTheOldDefaultsAndReadsBackWithoutOne() {
    IterationRecord evaluated = TrajectoryStore.FILES.read(FIXTURE).iterations().get(0);
    IterationRecord bare = new IterationRecord(evaluated.iteration(), evaluated.timestamp(), evaluated.config(),
        evaluated.deployment(), evaluated.results(), java.util.Optional.empty());
    JsonNode json = Json.MAPPER.valueToTree(bare);
    assertThat(json.path("config_approved").asBoolean(true)).isFalse();
    assertThat(json.path("prompt_changes").isArray()).isTrue();
    assertThat(json.path("prompt_changes")).isEmpty();
    assertThat(json.has("suggested_config_hash") || json.has("action") || json.has("proposal_summary")).isFalse();
    assertThat(Json.MAPPER.convertValue(json, IterationRecord.class)).isEqualTo(bare);
  }

  @Test
  void contradictoryKeysAreRefusedNamingThem() throws Exception {
    ObjectNode file = (ObjectNode) Json.MAPPER.readTree(FIXTURE.toFile());
    ObjectNode first = (ObjectNode) file.path("iterations").get(0);
    first.put("action", "rollback");
    first.remove("rollback_to_iteration");
    Path broken = Files.writeString(dir.resolve("trajectory.json"), Json.MAPPER.writeValueAsString(file));
    assertThatThrownBy(() -> TrajectoryStore.FILES.read(broken)).isInstanceOf(InputException.class)
        .hasMessageContaining(broken.toString())
        .hasMessageContaining("action \"rollback\" and rollback_to_iteration go together");
  }
}
