/**
 * The evaluation engine: work items, the scheduler of train ∥ test with per-split worker bounds, traffic control (rate limit, adaptive concurrency, Retry-After), the append-only journal and resume, streaming metrics and their statistics, and the run folder's files.
 */
package dev.diaharness.run;
