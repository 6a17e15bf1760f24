package dev.diaharness.llm;

import dev.diaharness.core.InputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which model serves which role, resolved from the environment: judge ({@code JUDGEMENT_MODEL}), config analysis
 * ({@code CONFIG_ANALYSIS_MODEL}) and prompt improvement ({@code PROMPT_IMPROVEMENT_MODEL}). A role whose variable is
 * unset uses the first of those three that is set, so one variable configures everything; the value {@code none}
 * switches a role off. Roles naming the same model share one client. With no model at all this is the explicit
 * "no LLM" state: {@link #notice()} says what that changes. Also carries the judge mode from
 * {@code USE_FLEXIBLE_SCORING}. Immutable and thread-safe.
 */
public final class ModelRoles {
  public static final String JUDGE_VARIABLE = "JUDGEMENT_MODEL";
  public static final String ANALYSIS_VARIABLE = "CONFIG_ANALYSIS_MODEL";
  public static final String IMPROVEMENT_VARIABLE = "PROMPT_IMPROVEMENT_MODEL";
  private static final List<String> ORDER = List.of(JUDGE_VARIABLE, IMPROVEMENT_VARIABLE, ANALYSIS_VARIABLE);

  private final Optional<ChatModel> judge;
  private final Optional<ChatModel> configAnalysis;
  private final Optional<ChatModel> promptImprovement;
  private final JudgeMode judgeMode;

  private ModelRoles(Optional<ChatModel> judge, Optional<ChatModel> configAnalysis,
      Optional<ChatModel> promptImprovement, JudgeMode judgeMode) {
    this.judge = judge;
    this.configAnalysis = configAnalysis;
    this.promptImprovement = promptImprovement;
    this.judgeMode = judgeMode;
  }

  /** Resolves the roles from a map of environment variables, with default retry settings. */
  public static ModelRoles fromEnvironment(Map<String, String> env) {
    Objects.requireNonNull(env, "env");
    return fromEnvironment(name -> Optional.ofNullable(env.get(name)), RetrySettings.DEFAULTS);
  }

  /**
   * Resolves the roles.
   *
   * @param env looks a variable up (real environment and {@code .env}, merged by the caller)
   * @throws InputException for an unknown provider prefix, a missing credential, or a bad USE_FLEXIBLE_SCORING
   */
  public static ModelRoles fromEnvironment(Function<String, Optional<String>> env, RetrySettings settings) {
    Function<String, Optional<String>> clean = name -> env.apply(name).map(String::strip).filter(v -> !v.isEmpty());
    ModelFactory factory = new ModelFactory(clean, settings);
    Optional<String> fallback = ORDER.stream()
        .filter(name -> clean.apply(name).filter(value -> !isNone(value)).isPresent()).findFirst();
    return new ModelRoles(
        resolve(JUDGE_VARIABLE, clean, fallback, factory),
        resolve(ANALYSIS_VARIABLE, clean, fallback, factory),
        resolve(IMPROVEMENT_VARIABLE, clean, fallback, factory),
        JudgeMode.fromEnvironment(clean.apply(JudgeMode.VARIABLE)));
  }

  /** The explicit no-LLM state (tests, {@code --no-llm}). */
  public static ModelRoles none() {
    return new ModelRoles(Optional.empty(), Optional.empty(), Optional.empty(), JudgeMode.FLEXIBLE);
  }

  private static Optional<ChatModel> resolve(String variable, Function<String, Optional<String>> env,
      Optional<String> fallback, ModelFactory factory) {
    Optional<String> own = env.apply(variable);
    String source = own.isPresent() ? variable : fallback.orElse(null);
    if (source == null || own.filter(ModelRoles::isNone).isPresent()) {
      return Optional.empty();
    }
    String value = env.apply(source).orElseThrow();
    return Optional.of(factory.create(source, ModelSpec.parse(source, value)));
  }

  private static boolean isNone(String value) {
    String v = value.toLowerCase(Locale.ROOT);
    return v.equals("none") || v.equals("off");
  }

  public Optional<ChatModel> judge() {
    return judge;
  }

  public Optional<ChatModel> configAnalysis() {
    return configAnalysis;
  }

  public Optional<ChatModel> promptImprovement() {
    return promptImprovement;
  }

  /** Flexible (100-point rubric) unless {@code USE_FLEXIBLE_SCORING} is false. */
  public JudgeMode judgeMode() {
    return judgeMode;
  }

  /** True when no role has a model: scoring without a judge, the offline optimizer. */
  public boolean noLlm() {
    return judge.isEmpty() && configAnalysis.isEmpty() && promptImprovement.isEmpty();
  }

  /** One line to print once when a role has no model, saying what that changes; empty when all roles have one. */
  public Optional<String> notice() {
    if (noLlm()) {
      return Optional.of("No LLM configured (set " + JUDGE_VARIABLE + ", e.g. gemini-2.5-pro or openai:MODEL): answers "
          + "that execution cannot decide stay UNSUPPORTED (no judge), and optimize uses the offline examples optimizer.");
    }
    List<String> missing = new ArrayList<>();
    judge.ifPresentOrElse(m -> { }, () -> missing.add("no judge: answers that execution cannot decide stay UNSUPPORTED"));
    if (configAnalysis.isEmpty() || promptImprovement.isEmpty()) {
      missing.add("no optimizer model: optimize uses the offline examples optimizer");
    }
    return missing.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", missing) + ".");
  }

  /** One line naming the model of each role, e.g. for a run summary. */
  public String describe() {
    return "judge: " + name(judge) + " (" + judgeMode.name().toLowerCase(Locale.ROOT) + "), config analysis: "
        + name(configAnalysis) + ", prompt improvement: " + name(promptImprovement);
  }

  private static String name(Optional<ChatModel> model) {
    return model.map(ChatModel::id).orElse("none");
  }
}
