/** {@link dev.diaharness.llm.ChatModel} for Anthropic's Messages API. */
package dev.diaharness.llm.anthropic;
