/**
 * Agent configurations and the environment: loading config files in the Python tool's format
 * ({@link dev.diaharness.config.AgentConfigLoader}), writing them back ({@link dev.diaharness.config.AgentConfigJson}),
 * their content hash ({@link dev.diaharness.config.ConfigHash}), {@code .env} plus the real environment
 * ({@link dev.diaharness.config.Environment}) and {@code ${VAR}} expansion
 * ({@link dev.diaharness.config.VariableExpander}). The lowest layer: it depends on {@code core} only.
 */
package dev.diaharness.config;
