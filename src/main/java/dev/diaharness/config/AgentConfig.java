package dev.diaharness.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The configuration of a data agent, as in the Python tool's config files (SPEC §2.1), after loading: legacy
 * {@code params} already merged, examples normalised. {@code bqProjectId}/{@code bqDatasetId} keep their raw
 * text, possibly with {@code ${VAR}} placeholders, which are expanded only when the value is needed
 * ({@link VariableExpander}). This class is immutable; change it with the {@code withX} copies.
 *
 * @param localData folder of tables for the embedded database, already resolved against the config file's folder
 */
public record AgentConfig(
    String name,
    String displayName,
    String description,
    String iconUri,
    String toolDescription,
    String nl2sqlPrompt,
    String schemaDescription,
    List<NlExample> nl2sqlExamples,
    String nl2pyPrompt,
    List<String> allowedTables,
    List<String> blockedTables,
    String bqProjectId,
    String bqDatasetId,
    Optional<Path> localData) {

  public AgentConfig {
    name = orEmpty(name);
    displayName = displayName == null || displayName.isBlank() ? "Data Agent - " + name : displayName;
    description = orEmpty(description);
    iconUri = orEmpty(iconUri);
    toolDescription = orEmpty(toolDescription);
    nl2sqlPrompt = orEmpty(nl2sqlPrompt);
    schemaDescription = orEmpty(schemaDescription);
    nl2sqlExamples = List.copyOf(Objects.requireNonNullElse(nl2sqlExamples, List.of()));
    nl2pyPrompt = orEmpty(nl2pyPrompt);
    allowedTables = List.copyOf(Objects.requireNonNullElse(allowedTables, List.of()));
    blockedTables = List.copyOf(Objects.requireNonNullElse(blockedTables, List.of()));
    bqProjectId = orEmpty(bqProjectId);
    bqDatasetId = orEmpty(bqDatasetId);
    localData = Objects.requireNonNullElse(localData, Optional.empty());
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  public AgentConfig withNl2sqlPrompt(String prompt) {
    return new AgentConfig(name, displayName, description, iconUri, toolDescription, prompt, schemaDescription,
        nl2sqlExamples, nl2pyPrompt, allowedTables, blockedTables, bqProjectId, bqDatasetId, localData);
  }

  public AgentConfig withSchemaDescription(String schema) {
    return new AgentConfig(name, displayName, description, iconUri, toolDescription, nl2sqlPrompt, schema,
        nl2sqlExamples, nl2pyPrompt, allowedTables, blockedTables, bqProjectId, bqDatasetId, localData);
  }

  public AgentConfig withNl2sqlExamples(List<NlExample> examples) {
    return new AgentConfig(name, displayName, description, iconUri, toolDescription, nl2sqlPrompt,
        schemaDescription, examples, nl2pyPrompt, allowedTables, blockedTables, bqProjectId, bqDatasetId, localData);
  }

  public AgentConfig withNl2pyPrompt(String prompt) {
    return new AgentConfig(name, displayName, description, iconUri, toolDescription, nl2sqlPrompt,
        schemaDescription, nl2sqlExamples, prompt, allowedTables, blockedTables, bqProjectId, bqDatasetId, localData);
  }

  public AgentConfig withToolDescription(String tool) {
    return new AgentConfig(name, displayName, description, iconUri, tool, nl2sqlPrompt, schemaDescription,
        nl2sqlExamples, nl2pyPrompt, allowedTables, blockedTables, bqProjectId, bqDatasetId, localData);
  }

  public AgentConfig withAllowedTables(List<String> tables) {
    return new AgentConfig(name, displayName, description, iconUri, toolDescription, nl2sqlPrompt,
        schemaDescription, nl2sqlExamples, nl2pyPrompt, tables, blockedTables, bqProjectId, bqDatasetId, localData);
  }

  public AgentConfig withLocalData(Optional<Path> folder) {
    return new AgentConfig(name, displayName, description, iconUri, toolDescription, nl2sqlPrompt,
        schemaDescription, nl2sqlExamples, nl2pyPrompt, allowedTables, blockedTables, bqProjectId, bqDatasetId, folder);
  }
}
