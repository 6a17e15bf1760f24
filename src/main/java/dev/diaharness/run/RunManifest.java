package dev.diaharness.run;

import dev.diaharness.core.OrderedMaps;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.Map;

/**
 * {@code run.json}: what a run was — the command and its exact command line, the agent, the models, the flags —
 * and how it ended. Written at the start and rewritten at the end, so {@code report} and {@code --resume} need
 * nothing else to know what ran.
 *
 * @param command     "evaluate" or "optimize"
 * @param models      role → model name (judge, analysis, improvement), "none" when no LLM
 * @param flags       every flag as given, by name
 * @param endReason   null while running
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RunManifest(
    int version,
    String runId,
    String command,
    String commandLine,
    String agentId,
    String agentName,
    boolean embedded,
    Instant startTime,
    Instant endTime,
    Map<String, String> models,
    Map<String, String> flags,
    String endReason) {

  public static final int CURRENT_VERSION = 1;

  public RunManifest {
    models = OrderedMaps.copyOf(models);
    flags = OrderedMaps.copyOf(flags);
  }

  public RunManifest ended(Instant at, String reason) {
    return new RunManifest(version, runId, command, commandLine, agentId, agentName, embedded, startTime, at, models,
        flags, reason);
  }
}
