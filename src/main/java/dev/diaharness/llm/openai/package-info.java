/** {@link dev.diaharness.llm.ChatModel} for OpenAI and any OpenAI-compatible chat-completions server. */
package dev.diaharness.llm.openai;
