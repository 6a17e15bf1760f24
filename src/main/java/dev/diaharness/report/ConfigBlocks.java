package dev.diaharness.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diaharness.optimize.AppliedChange;
import dev.diaharness.optimize.ConfigSnapshot;
import dev.diaharness.optimize.IterationRecord;
import dev.diaharness.optimize.ProposalRecord;
import dev.diaharness.run.SplitMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The optimization parts of a report, from the trajectory: the evaluated config's fields and sizes, the changes
 * proposed from an iteration with their rationale and diff, the paired comparison with the previous iteration,
 * and the config evolution table. Stateless.
 */
final class ConfigBlocks {
  /** Config-file keys shown, in the order of the config file. */
  static final List<String> TEXT_FIELDS = List.of("nl2sql_prompt", "schema_description", "tool_description",
      "nl2py_prompt");

  private ConfigBlocks() {}

  static List<Block> config(IterationRecord r) {
    JsonNode c = r.config().configuration();
    if (!c.isObject()) {
      return List.of(new Block.Paragraph("Evaluated config: not recorded (hash " + Fmt.hashPrefix(r.config().hash())
          + ")."));
    }
    List<List<String>> rows = new ArrayList<>();
    for (String field : TEXT_FIELDS) {
      rows.add(List.of(field, chars(c, field) + " chars"));
    }
    rows.add(List.of("nl2sql_examples", count(c, "nl2sql_examples") + " examples"));
    rows.add(List.of("allowed_tables", count(c, "allowed_tables") + " tables"));
    rows.add(List.of("blocked_tables", count(c, "blocked_tables") + " tables"));
    return List.of(new Block.Paragraph("Evaluated config (hash " + Fmt.hashPrefix(r.config().hash()) + ", "
            + (r.deployment().success() ? "deployed" : "deployment failed") + ": " + text(r.deployment().message())
            + "):"),
        new Block.Table(List.of("field", "size"), rows, false));
  }

  static List<Block> changes(IterationRecord r) {
    List<Block> blocks = new ArrayList<>();
    Optional<ProposalRecord> proposal = r.proposal();
    String summary = text(proposal.map(ProposalRecord::summary).orElse(null));
    proposal.flatMap(ProposalRecord::rollbackTo).ifPresent(best -> blocks.add(new Block.Warning("Rollback: training "
        + "accuracy fell too far below the best, so the next config starts from iteration " + best + ".")));
    List<AppliedChange> changes = proposal.map(ProposalRecord::changes).orElse(List.of());
    if (changes.isEmpty()) {
      blocks.add(new Block.Paragraph("Changes proposed from this iteration: none"
          + (summary.equals("-") ? "." : " (" + summary + ").")));
      return blocks;
    }
    blocks.add(new Block.Paragraph("Changes proposed from this iteration: " + summary + " Next config "
        + (proposal.get().approved() ? "applied (hash "
            + Fmt.hashPrefix(r.suggested().map(ConfigSnapshot::hash).orElse(null)) + ")." : "not applied.")));
    for (AppliedChange c : changes) {
      List<Block> body = new ArrayList<>();
      body.add(new Block.Paragraph("Rationale: " + text(c.rationale())));
      if (c.diff() != null && !c.diff().isBlank()) {
        body.add(new Block.Code("diff", c.diff()));
      }
      blocks.add(new Block.Details(c.field() + " — " + text(c.decision()) + " — " + c.beforeChars() + " → "
          + c.afterChars() + " chars", body));
    }
    return blocks;
  }

  static Block comparison(IterationRecord r, int previous) {
    return new Block.Bullets(List.of(
        "fixed since iteration " + previous + " (now passing a majority of repeats): " + ids(r.results().fixed()),
        "broken since iteration " + previous + " (no longer passing a majority): " + ids(r.results().broken())));
  }

  /** One row per iteration: config hash, each field's size, examples, train and test accuracy. */
  static List<Block> evolution(RunRecord run) {
    List<List<String>> rows = new ArrayList<>();
    for (IterationData it : run.iterations()) {
      Optional<IterationRecord> r = it.record();
      JsonNode c = r.map(rec -> rec.config().configuration()).filter(JsonNode::isObject).orElse(null);
      List<String> row = new ArrayList<>();
      row.add(Integer.toString(it.iteration()));
      row.add(Fmt.hashPrefix(r.map(rec -> rec.config().hash()).orElse(null)));
      TEXT_FIELDS.forEach(f -> row.add(c == null ? "-" : Integer.toString(chars(c, f))));
      row.add(c == null ? "-" : Integer.toString(count(c, "nl2sql_examples")));
      row.add(it.train().map(SplitMetrics::accuracy).map(Fmt::pct).orElse("-"));
      if (run.hasTest()) {
        row.add(it.test().map(SplitMetrics::accuracy).map(Fmt::pct).orElse("-"));
      }
      rows.add(row);
    }
    List<String> header = new ArrayList<>(List.of("iteration", "config hash"));
    TEXT_FIELDS.forEach(f -> header.add(f + " (chars)"));
    header.add("examples");
    header.add("train accuracy");
    if (run.hasTest()) {
      header.add("test accuracy");
    }
    return List.of(new Block.Heading(2, "Config evolution"),
        new Block.Paragraph("Each evaluated config: its hash, the size of each field, and its accuracy."),
        new Block.Table(header, rows, true));
  }

  private static String ids(List<String> ids) {
    if (ids.isEmpty()) {
      return "none";
    }
    List<String> sorted = new ArrayList<>(ids);
    sorted.sort(NaturalOrder.INSTANCE);
    return String.join(", ", sorted);
  }

  private static int chars(JsonNode config, String field) {
    JsonNode v = config.get(field);
    return v == null || v.isNull() ? 0 : v.asText().length();
  }

  private static int count(JsonNode config, String field) {
    JsonNode v = config.get(field);
    return v != null && v.isArray() ? v.size() : 0;
  }

  private static String text(String s) {
    return s == null || s.isBlank() ? "-" : s;
  }
}
