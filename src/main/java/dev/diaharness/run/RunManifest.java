package dev.diaharness.run;

import dev.diaharness.core.OrderedMaps;
import dev.diaharness.core.ShellWords;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 * @param args        the command's arguments after its name, as given: {@code --resume RUN_DIR} alone re-parses them
 * @param workingDir  the folder the command ran in: relative paths in {@code args} are resolved against it
 * @param warnings    what a reader must know about how the run was scored (e.g. SQL not executed), shown at the
 *                    start, in the summary and in the reports
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
    String endReason,
    List<String> args,
    String workingDir,
    List<String> warnings) {

  public static final int CURRENT_VERSION = 1;

  public RunManifest {
    // every version wrote these; a file without one was edited or cut, and reading on would fail far from here
    required(runId, "run_id");
    required(command, "command");
    required(commandLine, "command_line");
    required(startTime, "start_time");
    models = OrderedMaps.copyOf(required(models, "models"));
    flags = OrderedMaps.copyOf(required(flags, "flags"));
    args = args == null ? null : List.copyOf(args);
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }

  /** A manifest without the arguments (written by older versions; {@code --resume} then splits the command line). */
  public RunManifest(int version, String runId, String command, String commandLine, String agentId, String agentName,
      boolean embedded, Instant startTime, Instant endTime, Map<String, String> models, Map<String, String> flags,
      String endReason) {
    this(version, runId, command, commandLine, agentId, agentName, embedded, startTime, endTime, models, flags,
        endReason, null, null, List.of());
  }

  /**
   * This manifest of a resumed run, as the continuation of the {@code earlier} one: the run keeps how it began (its
   * id, command, start and the command line that reproduces it); agent, models, flags and warnings are this run's.
   */
  public RunManifest continuing(RunManifest earlier) {
    return new RunManifest(version, earlier.runId, earlier.command, earlier.commandLine, agentId, agentName, embedded,
        earlier.startTime, null, models, flags, null, earlier.args == null ? args : earlier.args,
        earlier.workingDir == null ? workingDir : earlier.workingDir, warnings);
  }

  /**
   * The run's arguments after its command's name, without any {@code --resume} of its own: what a resume parses
   * again. Older manifests without {@code args} have them split from the command line.
   */
  public List<String> argsToResume() {
    List<String> all = new ArrayList<>(args != null ? args : afterCommand());
    int resume = all.indexOf("--resume");
    if (resume >= 0) {
      all.subList(resume, Math.min(resume + 2, all.size())).clear();
    }
    all.removeIf(a -> a.startsWith("--resume="));
    return all;
  }

  private List<String> afterCommand() {
    List<String> words = ShellWords.split(commandLine);
    int name = words.indexOf(command);
    return words.subList(name + 1, words.size());
  }

  private static <T> T required(T value, String field) {
    if (value == null) {
      throw new IllegalArgumentException("missing field '" + field + "'");
    }
    return value;
  }

  public RunManifest ended(Instant at, String reason) {
    return new RunManifest(version, runId, command, commandLine, agentId, agentName, embedded, startTime, at, models,
        flags, reason, args, workingDir, warnings);
  }
}
