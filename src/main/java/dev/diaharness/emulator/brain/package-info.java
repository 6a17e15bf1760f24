/**
 * The emulator's answering brains behind the {@link dev.diaharness.emulator.brain.Brain} port: the offline
 * {@link dev.diaharness.emulator.brain.RetrievalBrain} (a lexical nearest-example baseline, not an LLM) and the
 * {@link dev.diaharness.emulator.brain.OpenAiBrain} (any OpenAI-compatible chat endpoint).
 */
package dev.diaharness.emulator.brain;
