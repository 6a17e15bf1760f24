package dev.diaharness.emulator;

import dev.diaharness.config.AgentConfig;

/** The config the twin tests start the emulator with: the baseline, whose BigQuery ids need no variables. */
final class EmulatorServerTestConfig {
  private EmulatorServerTestConfig() {}

  static AgentConfig config() {
    AgentConfig b = TestData.baseline();
    return new AgentConfig(b.name(), b.displayName(), b.description(), b.iconUri(), b.toolDescription(),
        b.nl2sqlPrompt(), b.schemaDescription(), b.nl2sqlExamples(), b.nl2pyPrompt(), b.allowedTables(),
        b.blockedTables(), "local-project", "shop", b.localData());
  }
}
