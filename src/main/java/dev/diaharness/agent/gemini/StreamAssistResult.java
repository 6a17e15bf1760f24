package dev.diaharness.agent.gemini;

import dev.diaharness.agent.AgentError;
import dev.diaharness.agent.ToolEvent;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one streamAssist response held, as far as it could be read. Immutable.
 *
 * @param text                   the answer fragments ({@code thought} false) joined in order
 * @param thoughts               the reasoning fragments ({@code thought: true}) joined in order
 * @param state                  the last {@code answer.state} seen (IN_PROGRESS, SUCCEEDED, FAILED, SKIPPED, CANCELLED)
 * @param assistTokens           the {@code assistToken}s seen, in order, without repeats
 * @param session                {@code sessionInfo.session}, normally in the last element
 * @param requiredAuthorizations {@code answer.requiredAuthorizations}: the agent lacks the user's OAuth consent
 * @param raw                    the start of the body as received, capped, for debugging
 * @param error                  why the answer is unusable: FAILED/SKIPPED/CANCELLED, truncated or invalid stream…
 * @param toolEvents             {@code statusUpdates[]}, empty replies with a {@code replyId}, code results
 * @param groundedSql            {@code textGroundingMetadata.references[].codeSnippet} whose language is SQL, in order
 * @param executableCode         {@code content.executableCode.code} of the replies, in order
 * @param connectorAuthErrors    {@code connectorAuthErrors[]}: a data connector's consent is missing or expired
 */
public record StreamAssistResult(
    String text,
    String thoughts,
    Optional<String> state,
    List<String> assistTokens,
    Optional<String> session,
    List<RequiredAuthorization> requiredAuthorizations,
    String raw,
    Optional<AgentError> error,
    List<ToolEvent> toolEvents,
    List<String> groundedSql,
    List<String> executableCode,
    List<ConnectorAuthError> connectorAuthErrors) {

  /** One authorization the agent needs before it can answer. */
  public record RequiredAuthorization(String authorization, String displayName, String authorizationUri) {}

  /** {@code connectorAuthErrors[]}: {@code dataConnector} (resource name) and {@code errorMessage}. */
  public record ConnectorAuthError(String dataConnector, String errorMessage) {}

  public StreamAssistResult {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(thoughts, "thoughts");
    state = Objects.requireNonNullElse(state, Optional.empty());
    assistTokens = List.copyOf(assistTokens);
    session = Objects.requireNonNullElse(session, Optional.empty());
    requiredAuthorizations = List.copyOf(requiredAuthorizations);
    Objects.requireNonNull(raw, "raw");
    error = Objects.requireNonNullElse(error, Optional.empty());
    toolEvents = List.copyOf(toolEvents);
    groundedSql = List.copyOf(groundedSql);
    executableCode = List.copyOf(executableCode);
    connectorAuthErrors = List.copyOf(connectorAuthErrors);
  }

  /** The first consent URL among the required authorizations. */
  public Optional<String> authorizationUri() {
    return requiredAuthorizations.stream().map(RequiredAuthorization::authorizationUri)
        .filter(uri -> !uri.isBlank()).findFirst();
  }

  /** True when the service said the agent lacks consent ({@code requiredAuthorizations} or connector errors). */
  public boolean needsConsent() {
    return !requiredAuthorizations.isEmpty() || !connectorAuthErrors.isEmpty();
  }
}
