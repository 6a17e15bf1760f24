package dev.diaharness.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The content hash of an agent config: SHA-256 (lower-case hex) of a canonical JSON of the fields that reach the
 * agent. {@code name} and {@code local_data} are left out: they do not change what the agent answers, so renaming a
 * config or moving its data keeps its hash. Fields are written in a fixed order by a private mapper, so the hash is
 * the same in every JVM and does not move when the shared mapper's settings change. Stateless and thread-safe.
 */
public final class ConfigHash {
  /** Bump when the canonical form changes, so old and new hashes never collide by accident. */
  private static final int CANONICAL_VERSION = 1;
  private static final ObjectMapper CANONICAL = new ObjectMapper();

  private ConfigHash() {}

  /** 64 lower-case hex characters. */
  public static String of(AgentConfig config) {
    try {
      byte[] json = CANONICAL.writeValueAsBytes(canonical(config));
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot hash a config", e); // a tree of strings always serialises
    }
  }

  /** The canonical JSON that is hashed. */
  static ObjectNode canonical(AgentConfig c) {
    ObjectNode n = CANONICAL.createObjectNode();
    n.put("v", CANONICAL_VERSION);
    n.put("display_name", c.displayName());
    n.put("description", c.description());
    n.put("icon_uri", c.iconUri());
    n.put("tool_description", c.toolDescription());
    n.put("nl2sql_prompt", c.nl2sqlPrompt());
    n.put("schema_description", c.schemaDescription());
    n.put("nl2py_prompt", c.nl2pyPrompt());
    ArrayNode examples = n.putArray("nl2sql_examples");
    for (NlExample e : c.nl2sqlExamples()) {
      examples.addArray().add(e.query()).add(e.expectedSql()).add(e.expectedResponse());
    }
    list(n, "allowed_tables", c.allowedTables());
    list(n, "blocked_tables", c.blockedTables());
    n.put("bq_project_id", c.bqProjectId());
    n.put("bq_dataset_id", c.bqDatasetId());
    return n;
  }

  private static void list(ObjectNode node, String key, List<String> values) {
    ArrayNode array = node.putArray(key);
    values.forEach(array::add);
  }
}
