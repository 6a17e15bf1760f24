package dev.diaharness.cli;

import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The flags shared by {@code evaluate} and {@code optimize} (names and defaults kept from the Python tool). */
final class RunOptionsMixin {
  @Mixin ExecuteOnMixin bigQuery;
  /** The --embedded emulator's flags, as --emulator-… (the command's {@link EmbeddedEmulatorFlags} renames them). */
  @Mixin EmulatorOptionsMixin emulator;

  @Option(names = "--config-file", paramLabel = "FILE",
      description = "Agent config (JSON). evaluate: its schema description and local_data serve the scoring; with "
          + "--apply-config or --embedded, it is also the agent's config. optimize: the config to start from "
          + "(without it, the deployed agent's).")
  Path configFile;

  @Option(names = "--golden-set", paramLabel = "FILE",
      description = "Training set (.json, .jsonl, .csv, .xlsx); required unless --resume.")
  Path goldenSet;

  @Option(names = "--test-set", paramLabel = "FILE",
      description = "Held-out set, evaluated beside the training set; never shown to an optimizer.")
  Path testSet;

  @Option(names = "--num-repeats", paramLabel = "N", defaultValue = "3",
      description = "Times each question is asked per evaluation (default: ${DEFAULT-VALUE}).")
  int numRepeats;

  @Option(names = "--max-workers", paramLabel = "N", defaultValue = "10",
      description = "Parallel agent conversations per split, each split's guaranteed share (default: ${DEFAULT-VALUE}).")
  int maxWorkers;

  @Option(names = "--no-share-workers",
      description = "Keep each split to its own --max-workers; by default a split with nothing left to start lends "
          + "its idle workers to the other.")
  boolean noShareWorkers;

  @Option(names = "--max-retries", paramLabel = "N", defaultValue = "8",
      description = "Retries one item may spend on 429s, 5xx, stream cuts and resets, with exponential back-off "
          + "and full jitter; only a spent budget makes an error row (default: ${DEFAULT-VALUE}).")
  int maxRetries;

  @Option(names = "--agent-id", paramLabel = "ID",
      description = "Agent to use (default: DIA_AGENT_ID, else the agent whose display name matches the config).")
  String agentId;

  @Option(names = "--clear-prior-results", description = "Delete earlier runs under the results folder first.")
  boolean clearPriorResults;

  @Option(names = "--embedded",
      description = "Run against the in-process emulator loaded with the config's local data, not Google Cloud.")
  boolean embedded;

  @Option(names = "--rate-limit", paramLabel = "QPS",
      description = "Global cap on agent requests per second across train and test.")
  Double rateLimit;

  @Option(names = "--resume", paramLabel = "RUN_DIR",
      description = "Continue an interrupted run without repeating finished work; its inputs and flags come from "
          + "its run.json. Beside it only these may change: --max-workers, --rate-limit, --item-timeout, "
          + "--max-usd, --retry-errors, --no-judge-cache, --max-iterations, --verbose.")
  Path resume;

  @Option(names = "--results-dir", paramLabel = "DIR", defaultValue = "results",
      description = "Where run directories go (default: ${DEFAULT-VALUE}).")
  Path resultsDir;

  @Option(names = "--data", paramLabel = "DIR",
      description = "Folder of tables for execution-based scoring (default: the config's local_data).")
  Path data;

  @Option(names = "--sql-followup", paramLabel = "MODE", defaultValue = "always",
      description = "When to ask the agent for its SQL in a follow-up turn: always, if-missing, never "
          + "(default: ${DEFAULT-VALUE}).")
  String sqlFollowup;

  @Option(names = "--keep-raw",
      description = "Save every raw answer stream, gzipped, under raw/ in the run folder (error rows always keep "
          + "the first 64 KiB).")
  boolean keepRaw;

  @Option(names = "--keep-sessions",
      description = "Keep the agent sessions the run created (by default they are deleted when it ends).")
  boolean keepSessions;

  @Option(names = "--retry-errors",
      description = "With --resume: ask again the items that ended in an error (the old row stays until a retry works).")
  boolean retryErrors;

  @Option(names = "--item-timeout", paramLabel = "SECONDS", defaultValue = "300",
      description = "Bound of one conversation's own time, from its first request to its last byte, in seconds; "
          + "waiting for a worker, the rate limit, the quota or a back-off never counts (default: ${DEFAULT-VALUE}).")
  int itemTimeoutSeconds;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
      description = "Seed of everything random: the embedded emulator, database variants (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--max-usd", paramLabel = "USD",
      description = "Budget for model calls (judge, optimizer); the run stops cleanly before crossing it.")
  Double maxUsd;

  @Option(names = "--no-judge-cache", description = "Do not reuse cached judge verdicts.")
  boolean noJudgeCache;

  @Option(names = "--variants", paramLabel = "K", defaultValue = "8",
      description = "Generated database variants an equal result must also agree on (default: ${DEFAULT-VALUE}).")
  int variants;

  @Option(names = "--comparison", paramLabel = "POLICY", defaultValue = "lenient",
      description = "How results are compared: lenient (Spider 2.0) or strict (BIRD); see docs/scoring.md "
          + "(default: ${DEFAULT-VALUE}).")
  String comparison;

  @Option(names = "--judge", paramLabel = "WHEN", defaultValue = "auto",
      description = "auto: the LLM judge decides only what execution cannot; always: it also gives its opinion on "
          + "executed answers, recorded in the evidence beside the execution verdict; never: no judge "
          + "(default: ${DEFAULT-VALUE}).")
  String judge;
}
