package dev.diaharness.optimize.opro;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diaharness.optimize.ConfigField;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The config analysis step's decision: which fields to change, most important first, each with why. An empty plan
 * means the analysis found nothing a config change would fix. Immutable.
 */
record ConfigAnalysis(List<FieldPlan> plan, String summary) {
  static final int MAX_PRIORITY = 5;

  ConfigAnalysis {
    plan = List.copyOf(plan);
  }

  /**
   * Reads and checks the analysis reply {@code {"summary": …, "fields": [{"field", "priority", "rationale"}]}}.
   *
   * @throws InvalidReplyException for an unknown or repeated field name, a missing rationale, a priority outside
   *     1–5, or a reply that is not that object
   */
  static ConfigAnalysis parse(String text) throws InvalidReplyException {
    JsonNode root = Replies.object(text);
    JsonNode fields = root.get("fields");
    if (fields == null || !fields.isArray()) {
      throw new InvalidReplyException("the reply needs a \"fields\" array");
    }
    List<FieldPlan> plan = new ArrayList<>();
    Set<ConfigField> seen = EnumSet.noneOf(ConfigField.class);
    for (JsonNode f : fields) {
      ConfigField field = Replies.field(f.path("field").asText(""));
      if (!seen.add(field)) {
        throw new InvalidReplyException("field " + field.key() + " is listed twice");
      }
      String rationale = f.path("rationale").asText("").strip();
      if (rationale.isEmpty()) {
        throw new InvalidReplyException("field " + field.key() + " has no rationale");
      }
      JsonNode priority = f.path("priority");
      if (!priority.canConvertToInt() || priority.asInt() < 1 || priority.asInt() > MAX_PRIORITY) {
        throw new InvalidReplyException("field " + field.key() + " needs an integer priority from 1 (most important)"
            + " to " + MAX_PRIORITY);
      }
      plan.add(new FieldPlan(field, priority.asInt(), rationale));
    }
    plan.sort(Comparator.comparingInt(FieldPlan::priority));
    return new ConfigAnalysis(plan, root.path("summary").asText("").strip());
  }

  List<ConfigField> fields() {
    return plan.stream().map(FieldPlan::field).toList();
  }

  /** The plan as lines for the improvement prompt. */
  String describe() {
    StringBuilder s = new StringBuilder();
    for (FieldPlan p : plan) {
      s.append("- ").append(p.field().key()).append(" (priority ").append(p.priority()).append("): ")
          .append(p.rationale().replaceAll("\\s+", " ")).append('\n');
    }
    return s.toString().strip();
  }
}
