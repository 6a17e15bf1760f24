package dev.diaharness.llm;

/** The judge's prompts: {@code judge-flexible} and {@code judge-binary} next to this class. Stateless. */
public final class JudgePrompt {
  private JudgePrompt() {}

  /** The prompt of {@code mode}. */
  public static PromptTemplate of(JudgeMode mode) {
    return PromptTemplate.load("/dev/diaharness/llm/" + (mode == JudgeMode.FLEXIBLE ? "judge-flexible" : "judge-binary"));
  }
}
