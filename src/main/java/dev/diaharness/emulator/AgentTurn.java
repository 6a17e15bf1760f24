package dev.diaharness.emulator;

/**
 * One {@code streamAssist} turn as the emulator served it: which agent answered, and when the request arrived and
 * its answer was sent ({@link System#nanoTime()} values). Tests read these to see which agents were asked, and
 * whether their turns overlapped.
 */
public record AgentTurn(String agentId, long arrivalNanos, long endNanos) {}
