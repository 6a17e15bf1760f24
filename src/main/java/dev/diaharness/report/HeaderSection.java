package dev.diaharness.report;

import dev.diaharness.optimize.Trajectory;
import dev.diaharness.run.RunManifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The report's header: run id, command, agent, models, flags and how the run ended, from run.json. Stateless. */
final class HeaderSection {
  private HeaderSection() {}

  static List<Block> blocks(RunRecord run) {
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Heading(2, "Run"));
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("run id", run.runId()));
    Optional<RunManifest> m = run.manifest();
    Optional<Trajectory> t = run.trajectory();
    m.ifPresent(x -> rows.add(List.of("command", text(x.command()))));
    String agentName = m.map(RunManifest::agentName).or(() -> t.map(Trajectory::agentName)).orElse(null);
    String agentId = m.map(RunManifest::agentId).or(() -> t.map(Trajectory::agentId)).orElse(null);
    rows.add(List.of("agent", text(agentName) + " (id " + text(agentId) + ")"));
    m.ifPresent(x -> rows.add(List.of("engine", x.embedded() ? "embedded emulator" : "Gemini Enterprise")));
    t.map(Trajectory::optimizer).ifPresent(o -> rows.add(List.of("optimizer", o)));
    m.map(RunManifest::startTime).or(() -> t.map(Trajectory::startTime))
        .ifPresent(s -> rows.add(List.of("started", s.toString())));
    m.map(RunManifest::endTime).ifPresent(e -> rows.add(List.of("ended", e.toString())));
    endReason(run).ifPresent(r -> rows.add(List.of("end reason", r)));
    m.ifPresent(x -> rows.add(List.of("models", joined(x.models()))));
    blocks.add(new Block.Table(List.of("field", "value"), rows, false));
    if (m.isEmpty()) {
      blocks.add(new Block.Paragraph("run.json is missing: the command line, models and flags are unknown."));
    } else if (!m.get().flags().isEmpty()) {
      blocks.add(new Block.Paragraph("Flags as given:"));
      List<List<String>> flags = new ArrayList<>();
      new TreeMap<>(m.get().flags()).forEach((k, v) -> flags.add(List.of(k, text(v))));
      blocks.add(new Block.Table(List.of("flag", "value"), flags, false));
    }
    endReason(run).filter(r -> r.startsWith("error")).ifPresent(r ->
        blocks.add(new Block.Warning("The run ended early on an error (" + r + "); this report shows what was "
            + "recorded before it.")));
    return blocks;
  }

  static Optional<String> endReason(RunRecord run) {
    return run.manifest().map(RunManifest::endReason).or(() -> run.trajectory().map(Trajectory::endReason));
  }

  private static String joined(Map<String, String> map) {
    if (map.isEmpty()) {
      return "none";
    }
    List<String> parts = new ArrayList<>();
    new TreeMap<>(map).forEach((k, v) -> parts.add(k + "=" + text(v)));
    return String.join(", ", parts);
  }

  private static String text(String s) {
    return s == null || s.isEmpty() ? "-" : s;
  }
}
