package dev.diaharness.optimize;

import dev.diaharness.agent.AgentDeployer;
import dev.diaharness.config.AgentConfig;
import dev.diaharness.config.NlExample;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts a config on the agent through the {@link AgentDeployer} port — the same path for Gemini Enterprise and the
 * emulator: patch, deploy, then read the agent back and compare every field that was sent (not just lengths, as
 * the Python tool did).
 */
public final class ConfigDeployment {
  private final AgentDeployer deployer;

  public ConfigDeployment(AgentDeployer deployer) {
    this.deployer = deployer;
  }

  /**
   * @throws DeploymentException when the service refused or the agent does not hold the config afterwards
   */
  public void apply(String agentId, AgentConfig config) {
    try {
      deployer.update(agentId, config);
      deployer.deploy(agentId);
    } catch (RuntimeException e) {
      throw new DeploymentException("deploying the config to agent " + agentId + " failed: " + e.getMessage(), e);
    }
    List<String> differences = differences(config, deployer.get(agentId));
    if (!differences.isEmpty()) {
      throw new DeploymentException("agent " + agentId + " does not hold the deployed config: "
          + String.join("; ", differences), null);
    }
  }

  /** Fields of the nlQueryConfig (and tool description) whose deployed value differs from the wanted one. */
  static List<String> differences(AgentConfig wanted, AgentConfig deployed) {
    List<String> d = new ArrayList<>();
    compare(d, "nl2sql_prompt", wanted.nl2sqlPrompt(), deployed.nl2sqlPrompt());
    compare(d, "schema_description", wanted.schemaDescription(), deployed.schemaDescription());
    compare(d, "nl2py_prompt", wanted.nl2pyPrompt(), deployed.nl2pyPrompt());
    compare(d, "tool_description", wanted.toolDescription(), deployed.toolDescription());
    List<NlExample> a = wanted.nl2sqlExamples();
    List<NlExample> b = deployed.nl2sqlExamples();
    if (a.size() != b.size()) {
      d.add("nl2sql_examples: " + a.size() + " wanted, " + b.size() + " deployed");
    } else {
      for (int i = 0; i < a.size(); i++) {
        if (!a.get(i).equals(b.get(i))) {
          d.add("nl2sql_examples[" + i + "] differs");
        }
      }
    }
    return d;
  }

  private static void compare(List<String> d, String field, String wanted, String deployed) {
    if (!wanted.equals(deployed)) {
      d.add(field + " differs (" + wanted.length() + " chars wanted, " + deployed.length() + " deployed)");
    }
  }
}
