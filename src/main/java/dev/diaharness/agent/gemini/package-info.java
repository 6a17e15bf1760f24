/**
 * The Gemini Enterprise adapters (SPEC §3.1): {@link dev.diaharness.agent.gemini.GeminiEnterpriseClient} manages
 * agents ({@link dev.diaharness.agent.AgentDeployer}), {@link dev.diaharness.agent.gemini.GeminiAgent} asks them
 * questions ({@link dev.diaharness.agent.Agent}) through {@link dev.diaharness.agent.gemini.StreamAssistParser}.
 * {@link dev.diaharness.agent.gemini.GeminiHttp} holds the transport: one shared HTTP client per endpoint, timeouts
 * on every call, Application Default Credentials (none for a loopback endpoint), and Failsafe retries.
 */
package dev.diaharness.agent.gemini;
