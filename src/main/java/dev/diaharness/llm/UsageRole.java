package dev.diaharness.llm;

/** Who made a model call, for the cost breakdown of a run (SPEC §6: tokens and cost by role). */
public enum UsageRole { AGENT, JUDGE, ANALYSIS, IMPROVEMENT }
