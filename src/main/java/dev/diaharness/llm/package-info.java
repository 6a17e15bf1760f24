/**
 * Language models: providers chosen from model names in the environment ({@link dev.diaharness.llm.ModelRoles}),
 * the one-method port {@link dev.diaharness.llm.ChatModel} with retries, timeouts and a concurrency bound per
 * provider, the LLM judge ({@link dev.diaharness.llm.LlmJudge}, {@link dev.diaharness.llm.JudgeStage}) with its
 * on-disk cache, and token/cost accounting with a USD budget ({@link dev.diaharness.llm.UsageLedger},
 * {@link dev.diaharness.llm.Budget}). Provider adapters live in {@code llm.openai}, {@code llm.anthropic} (both
 * {@link dev.diaharness.llm.JsonChatModel}s over {@link dev.diaharness.llm.JsonHttp}) and {@code llm.gemini}.
 */
package dev.diaharness.llm;
