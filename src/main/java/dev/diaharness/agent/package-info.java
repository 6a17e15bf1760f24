/**
 * The ports to data agents ({@link dev.diaharness.agent.Agent} asks one question in a new session, {@link dev.diaharness.agent.AgentDeployer} manages agents) and the values they exchange; adapters live in sub-packages ({@code agent.gemini}).
 */
package dev.diaharness.agent;
