package dev.diaharness.cli;

import dev.diaharness.llm.ChatModel;
import dev.diaharness.llm.ChatRequest;
import dev.diaharness.llm.ModelRoles;
import dev.diaharness.llm.RetrySettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** {@code doctor}'s model check: every configured model answers a one-token call. */
final class ModelCheck {
  private final Function<String, Optional<String>> env;

  ModelCheck(Function<String, Optional<String>> env) {
    this.env = env;
  }

  List<CheckResult> check() {
    ModelRoles roles;
    try {
      roles = ModelRoles.fromEnvironment(env, RetrySettings.DEFAULTS);
    } catch (RuntimeException e) {
      return List.of(CheckResult.fail("models", e.getMessage(), "fix the model variable (docs/models.md)"));
    }
    Map<String, Optional<ChatModel>> byRole = new LinkedHashMap<>();
    byRole.put(ModelRoles.JUDGE_VARIABLE, roles.judge());
    byRole.put(ModelRoles.IMPROVEMENT_VARIABLE, roles.promptImprovement());
    byRole.put(ModelRoles.ANALYSIS_VARIABLE, roles.configAnalysis());
    List<CheckResult> results = new ArrayList<>();
    byRole.forEach((variable, model) -> model.ifPresent(m -> results.add(oneToken(variable, m))));
    if (results.isEmpty()) {
      results.add(CheckResult.pass("models", "none configured: scoring runs without a judge, optimize uses the "
          + "offline examples optimizer"));
    }
    return results;
  }

  private static CheckResult oneToken(String variable, ChatModel model) {
    String check = "model " + variable;
    try {
      model.complete(ChatRequest.text("", "Reply with the single word OK.", 0, 1));
      return CheckResult.pass(check, model.id() + " answered");
    } catch (RuntimeException e) {
      return CheckResult.fail(check, model.id() + ": " + e.getMessage(),
          "check the model name and its API key variable (docs/models.md)");
    }
  }
}
