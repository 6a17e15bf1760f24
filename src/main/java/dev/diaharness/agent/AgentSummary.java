package dev.diaharness.agent;

/** One agent of an engine as listed: its numeric id, display name and state (ENABLED/ACTIVE = deployed). */
public record AgentSummary(String id, String displayName, String state) {}
