/**
 * The local Gemini-Enterprise-compatible agent server (SPEC §3.3): {@link dev.diaharness.emulator.EmulatorServer}
 * (agents, deploy operations, sessions, streamed {@code streamAssist}), {@link dev.diaharness.emulator.EmbeddedEmulator}
 * for in-process {@code --embedded} runs, injected faults and latency ({@link dev.diaharness.emulator.FaultPlan},
 * {@link dev.diaharness.emulator.LatencyPlan}) and request metrics. Answers come from a brain in
 * {@code emulator.brain}.
 */
package dev.diaharness.emulator;
