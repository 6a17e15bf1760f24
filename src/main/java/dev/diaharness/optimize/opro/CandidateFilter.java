package dev.diaharness.optimize.opro;

import dev.diaharness.config.AgentConfig;
import dev.diaharness.config.ConfigHash;
import dev.diaharness.optimize.ConfigField;
import dev.diaharness.optimize.FieldChange;
import dev.diaharness.optimize.ProposalValidator;
import dev.diaharness.optimize.RejectedAlternative;
import dev.diaharness.optimize.TriedConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns improvement replies into candidate configs and sets aside what must not be screened: a field change the
 * {@link ProposalValidator} rejects (the candidate keeps its other, valid changes), a candidate that changes nothing,
 * one whose config hash is a config already evaluated or rejected in this run (or equal to an evaluated one up to
 * whitespace around its texts), and one that duplicates an earlier
 * candidate. Each set-aside keeps its reason. Stateless and thread-safe.
 */
final class CandidateFilter {
  /** The candidates left to screen, in the model's order, and what was set aside. */
  record Filtered(List<Survivor> survivors, List<RejectedAlternative> rejected) {}

  private final ProposalValidator validator;

  CandidateFilter(ProposalValidator validator) {
    this.validator = validator;
  }

  /**
   * @param tried       the configs evaluated so far: a candidate equal to one of them up to whitespace around its
   *                    texts counts as a repeat too (models often drop a trailing newline)
   * @param triedHashes hashes of every config evaluated or rejected so far
   */
  Filtered filter(AgentConfig current, ConfigAnalysis plan, List<CandidateGenerator.Candidate> candidates, int k,
      List<TriedConfig> tried, Set<String> triedHashes) {
    Set<String> triedLoose = new HashSet<>();
    tried.forEach(t -> triedLoose.add(looseHash(t.config())));
    List<Survivor> survivors = new ArrayList<>();
    List<RejectedAlternative> rejected = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    for (CandidateGenerator.Candidate c : candidates) {
      String label = "candidate " + c.number() + " of " + k;
      List<FieldChange> proposed = changes(current, plan, c.fields());
      if (proposed.isEmpty()) {
        rejected.add(new RejectedAlternative(label, List.of(), "changes nothing: every field equals the current text"));
        continue;
      }
      List<FieldChange> valid = new ArrayList<>();
      for (FieldChange change : proposed) {
        List<String> problems = validator.problems(current, change);
        if (problems.isEmpty()) {
          valid.add(change);
        } else {
          rejected.add(new RejectedAlternative(label, List.of(change), String.join("; ", problems)));
        }
      }
      if (valid.isEmpty()) {
        rejected.add(new RejectedAlternative(label, List.of(), "every change was invalid"));
        continue;
      }
      AgentConfig config = apply(current, valid);
      String hash = ConfigHash.of(config);
      Optional<String> why = triedHashes.contains(hash) || triedLoose.contains(looseHash(config))
          ? Optional.of("repeats a config already tried in this run")
          : Optional.ofNullable(seen.get(hash)).map(first -> "duplicates " + first);
      if (why.isPresent()) {
        rejected.add(new RejectedAlternative(label, valid, why.get()));
        continue;
      }
      seen.put(hash, label);
      survivors.add(new Survivor(label, valid, config, c.fields().rationale()));
    }
    return new Filtered(survivors, rejected);
  }

  /** The reply's fields that differ from the current text, in plan order, with the analysis' rationale. */
  private static List<FieldChange> changes(AgentConfig current, ConfigAnalysis plan, ImprovedFields fields) {
    List<FieldChange> changes = new ArrayList<>();
    for (FieldPlan p : plan.plan()) {
      String after = fields.texts().get(p.field());
      String before = p.field().read(current);
      if (after != null && !after.strip().equals(before.strip())) {
        String why = fields.rationale().isEmpty() ? p.rationale() : p.rationale() + " — " + fields.rationale();
        changes.add(new FieldChange(p.field(), before, after, why, p.priority()));
      }
    }
    return changes;
  }

  /** The hash of {@code config} with the whitespace around each text field removed. */
  private static String looseHash(AgentConfig config) {
    AgentConfig c = config;
    for (ConfigField f : List.of(ConfigField.NL2SQL_PROMPT, ConfigField.SCHEMA_DESCRIPTION, ConfigField.NL2PY_PROMPT,
        ConfigField.TOOL_DESCRIPTION)) {
      c = f.write(c, f.read(c).strip());
    }
    return ConfigHash.of(c);
  }

  private static AgentConfig apply(AgentConfig current, List<FieldChange> changes) {
    AgentConfig config = current;
    for (FieldChange change : changes) {
      ConfigField field = change.field();
      config = field.write(config, change.after());
    }
    return config;
  }
}
