/** {@link dev.diaharness.llm.ChatModel} for Gemini, on Vertex AI (ADC) or the Gemini API (API key). */
package dev.diaharness.llm.gemini;
