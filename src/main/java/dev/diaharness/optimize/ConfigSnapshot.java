package dev.diaharness.optimize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.Objects;

/**
 * A config as the trajectory keeps it: its JSON and its content hash. This record is immutable.
 *
 * @param configuration the config's JSON ({@code AgentConfigJson}); a JSON null when not recorded
 * @param hash          {@code ConfigHash} of the config
 */
public record ConfigSnapshot(JsonNode configuration, String hash) {
  public ConfigSnapshot {
    // a trajectory may lack the JSON (NullNode then), never the hash
    configuration = Objects.requireNonNullElse(configuration, NullNode.getInstance());
    Objects.requireNonNull(hash, "config_hash");
  }
}
