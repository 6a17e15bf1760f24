package dev.diaharness.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diaharness.core.InputException;
import dev.diaharness.llm.anthropic.AnthropicChatModel;
import dev.diaharness.llm.gemini.GeminiChatModel;
import dev.diaharness.llm.openai.OpenAiChatModel;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ModelRolesTest {
  private static final Map<String, String> KEYS = Map.of(
      "GEMINI_API_KEY", "g", "OPENAI_BASE_URL", "http://127.0.0.1:9/v1", "ANTHROPIC_API_KEY", "a");

  private static ModelRoles roles(Map<String, String> vars) {
    Map<String, String> env = new HashMap<>(KEYS);
    env.putAll(vars);
    return ModelRoles.fromEnvironment(env);
  }

  @ParameterizedTest
  @CsvSource({
      "gemini-2.5-pro, GEMINI, gemini-2.5-pro",
      "gemini:gemini-2.5-flash, GEMINI, gemini-2.5-flash",
      "openai:gpt-4o-mini, OPENAI, gpt-4o-mini",
      "OpenAI:llama3.1:8b, OPENAI, llama3.1:8b",
      "anthropic:claude-sonnet-4-5, ANTHROPIC, claude-sonnet-4-5"})
  void theProviderComesFromTheModelName(String name, ModelSpec.Provider provider, String model) {
    ModelSpec spec = ModelSpec.parse("JUDGEMENT_MODEL", name);
    assertThat(spec.provider()).isEqualTo(provider);
    assertThat(spec.model()).isEqualTo(model);
    assertThat(spec.id()).isEqualTo(name);
  }

  @ParameterizedTest
  @CsvSource({"gemini-2.5-pro, GeminiChatModel", "openai:m, OpenAiChatModel", "anthropic:m, AnthropicChatModel"})
  void eachProviderGetsItsAdapter(String name, String adapter) {
    ChatModel judge = roles(Map.of("JUDGEMENT_MODEL", name)).judge().orElseThrow();
    assertThat(judge.getClass().getSimpleName()).isEqualTo(adapter);
    assertThat(judge.id()).isEqualTo(name);
    assertThat(java.util.List.of(GeminiChatModel.class, OpenAiChatModel.class, AnthropicChatModel.class))
        .contains(judge.getClass());
  }

  @ParameterizedTest
  @CsvSource({"gpt-4o", "claude-sonnet-4-5", "mistral:large", "openai:"})
  void unknownNamesAreAnInputErrorNamingTheVariable(String name) {
    assertThatThrownBy(() -> roles(Map.of("CONFIG_ANALYSIS_MODEL", name)))
        .isInstanceOf(InputException.class).hasMessageStartingWith("CONFIG_ANALYSIS_MODEL=");
  }

  @Test
  void missingCredentialsNameWhatToSet() {
    assertThatThrownBy(() -> ModelRoles.fromEnvironment(Map.of("JUDGEMENT_MODEL", "gemini-2.5-pro")))
        .isInstanceOf(InputException.class).hasMessageContaining("GOOGLE_CLOUD_PROJECT")
        .hasMessageContaining("GEMINI_API_KEY");
    assertThatThrownBy(() -> ModelRoles.fromEnvironment(Map.of("JUDGEMENT_MODEL", "openai:gpt-4o")))
        .isInstanceOf(InputException.class).hasMessageContaining("OPENAI_API_KEY");
    assertThatThrownBy(() -> ModelRoles.fromEnvironment(Map.of("JUDGEMENT_MODEL", "anthropic:claude")))
        .isInstanceOf(InputException.class).hasMessageContaining("ANTHROPIC_API_KEY");
  }

  @Test
  void oneModelServingSeveralRolesIsOneClient() {
    ModelRoles roles = roles(Map.of("JUDGEMENT_MODEL", "openai:m", "PROMPT_IMPROVEMENT_MODEL", "openai:m",
        "CONFIG_ANALYSIS_MODEL", "anthropic:c"));
    assertThat(roles.judge().orElseThrow()).isSameAs(roles.promptImprovement().orElseThrow());
    assertThat(roles.configAnalysis().orElseThrow().id()).isEqualTo("anthropic:c");
    assertThat(roles.notice()).isEmpty();
    assertThat(roles.describe()).isEqualTo(
        "judge: openai:m (flexible), config analysis: anthropic:c, prompt improvement: openai:m");
  }

  @Test
  void anUnsetRoleFallsBackToTheFirstConfiguredModelAndNoneSwitchesItOff() {
    ModelRoles roles = roles(Map.of("JUDGEMENT_MODEL", "openai:m"));
    assertThat(roles.configAnalysis().orElseThrow()).isSameAs(roles.judge().orElseThrow());
    assertThat(roles.promptImprovement()).isPresent();

    ModelRoles noJudge = roles(Map.of("JUDGEMENT_MODEL", "none", "PROMPT_IMPROVEMENT_MODEL", "openai:m"));
    assertThat(noJudge.judge()).isEmpty();
    assertThat(noJudge.configAnalysis().orElseThrow().id()).isEqualTo("openai:m");
    assertThat(noJudge.notice()).hasValueSatisfying(line -> assertThat(line).contains("no judge"));
  }

  @Test
  void noModelIsTheExplicitNoLlmStateWithOneLineSayingWhatChanges() {
    ModelRoles roles = roles(Map.of());
    assertThat(roles.noLlm()).isTrue();
    assertThat(roles.judge()).isEmpty();
    assertThat(roles.notice()).hasValueSatisfying(line -> assertThat(line)
        .contains("No LLM").contains("UNSUPPORTED").contains("offline").doesNotContain("\n"));
  }

  @ParameterizedTest
  @CsvSource({"true, FLEXIBLE", "TRUE, FLEXIBLE", "yes, FLEXIBLE", "false, BINARY", "0, BINARY"})
  void useFlexibleScoringSelectsTheJudgeMode(String value, JudgeMode mode) {
    assertThat(JudgeMode.fromEnvironment(Optional.of(value))).isEqualTo(mode);
    assertThat(JudgeMode.fromEnvironment(Optional.empty())).isEqualTo(JudgeMode.FLEXIBLE);
  }

  @Test
  void aBadUseFlexibleScoringValueIsAnInputError() {
    assertThatThrownBy(() -> JudgeMode.fromEnvironment(Optional.of("maybe")))
        .isInstanceOf(InputException.class).hasMessageStartingWith("USE_FLEXIBLE_SCORING=maybe");
  }
}
