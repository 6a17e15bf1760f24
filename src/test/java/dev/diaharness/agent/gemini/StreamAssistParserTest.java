package dev.diaharness.agent.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diaharness.agent.AgentError.Kind;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StreamAssistParserTest {
  /** Shaped like the official streamAssist reference: fragments, thoughts, several replies, session at the end. */
  static final String ANSWER = """
      [{"answer": {"state": "IN_PROGRESS", "replies": [
          {"groundedContent": {"content": {"role": "model", "text": "Let me look at the ord", "thought": true}}}]},
        "assistToken": "tok-1"},
       {"answer": {"state": "IN_PROGRESS", "replies": [
          {"groundedContent": {"content": {"role": "model", "text": "ers table.", "thought": true}}},
          {"groundedContent": {"content": {"role": "model", "text": "There are 4"}}}]},
        "assistToken": "tok-1"},
       {"answer": {"state": "IN_PROGRESS", "replies": [
          {"groundedContent": {"content": {"role": "model", "text": "2 customers."}}}]}},
       {"answer": {"state": "SUCCEEDED"},
        "sessionInfo": {"session": "projects/p/locations/global/collections/default_collection/engines/e/sessions/77"}}]
      """;

  static StreamAssistResult parse(String body) {
    return StreamAssistParser.parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void joinsFragmentsInOrderAndKeepsThoughtsApart() {
    StreamAssistResult result = parse(ANSWER);

    assertThat(result.error()).isEmpty();
    assertThat(result.text()).isEqualTo("There are 42 customers.");
    assertThat(result.thoughts()).isEqualTo("Let me look at the orders table.");
    assertThat(result.state()).contains("SUCCEEDED");
    assertThat(result.assistTokens()).containsExactly("tok-1");
    assertThat(result.session()).contains(
        "projects/p/locations/global/collections/default_collection/engines/e/sessions/77");
    assertThat(result.raw()).isEqualTo(ANSWER);
  }

  @Test
  void aLoneObjectIsAcceptedAsOneElement() {
    StreamAssistResult result = parse("{\"answer\":{\"state\":\"SUCCEEDED\",\"replies\":[{\"groundedContent\":"
        + "{\"content\":{\"text\":\"SELECT 1\"}}}]}}");

    assertThat(result.error()).isEmpty();
    assertThat(result.text()).isEqualTo("SELECT 1");
  }

  @Test
  void requiredAuthorizationsAreSurfacedWithTheirUri() {
    StreamAssistResult result = parse("[{\"answer\":{\"state\":\"SUCCEEDED\",\"requiredAuthorizations\":[{"
        + "\"authorization\":\"projects/p/locations/global/authorizations/a1\",\"displayName\":\"BigQuery\","
        + "\"authorizationUri\":\"https://accounts.google.com/o/oauth2/v2/auth?x=1\"}]}}]");

    assertThat(result.requiredAuthorizations()).hasSize(1);
    assertThat(result.authorizationUri()).contains("https://accounts.google.com/o/oauth2/v2/auth?x=1");
  }

  static Stream<Arguments> broken() {
    String complete = "{\"answer\":{\"replies\":[{\"groundedContent\":{\"content\":{\"text\":\"Hel\"}}}]}}";
    return Stream.of(
        Arguments.of("array never closed", "[" + complete, Kind.TRUNCATED, "Hel"),
        Arguments.of("cut inside an element", "[" + complete + ",{\"answer\":{\"repl", Kind.TRUNCATED, "Hel"),
        Arguments.of("empty body", "", Kind.TRUNCATED, ""),
        Arguments.of("html error page", "<html>502 Bad Gateway</html>", Kind.INVALID_RESPONSE, ""),
        Arguments.of("not an array", "\"hello\"", Kind.INVALID_RESPONSE, ""),
        Arguments.of("garbage between elements", "[" + complete + ", 42]", Kind.INVALID_RESPONSE, "Hel"),
        Arguments.of("FAILED state", "[{\"answer\":{\"state\":\"FAILED\",\"assistSkippedReasons\":"
            + "[\"INTERNAL_ERROR\"]}}]", Kind.FAILED, ""),
        Arguments.of("SKIPPED state", "[" + complete + ",{\"answer\":{\"state\":\"SKIPPED\","
            + "\"assistSkippedReasons\":[\"OUT_OF_DOMAIN_QUERY_IGNORED\"]}}]", Kind.SKIPPED, "Hel"),
        Arguments.of("error element in the stream", "[{\"error\":{\"code\":400,\"status\":\"FAILED_PRECONDITION\","
            + "\"message\":\"agent failed\"}}]", Kind.FAILED_PRECONDITION, ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("broken")
  void aBrokenStreamIsAnErrorResultKeepingWhatArrived(String what, String body, Kind kind, String text) {
    StreamAssistResult result = parse(body);

    assertThat(result.error()).hasValueSatisfying(error -> {
      assertThat(error.kind()).isEqualTo(kind);
      assertThat(error.reason()).isNotBlank();
    });
    assertThat(result.text()).isEqualTo(text);
  }

  @Test
  void skippedReasonsAppearInTheError() {
    StreamAssistResult result = parse("[{\"answer\":{\"state\":\"SKIPPED\",\"answerSkippedReasons\":"
        + "[\"OUT_OF_DOMAIN_QUERY_IGNORED\"]}}]");

    assertThat(result.error().map(e -> e.reason())).hasValueSatisfying(
        reason -> assertThat(reason).contains("OUT_OF_DOMAIN_QUERY_IGNORED"));
  }

  @Test
  void theRawBodyIsCapped() {
    StreamAssistResult result = StreamAssistParser.parse(
        new ByteArrayInputStream(ANSWER.getBytes(StandardCharsets.UTF_8)), 20);

    assertThat(result.raw()).isEqualTo(ANSWER.substring(0, 20));
    assertThat(result.text()).isEqualTo("There are 42 customers.");
  }

  @Test
  void aStateThatNeverFinishesIsNotAnErrorByItself() {
    assertThat(parse("[{\"answer\":{\"state\":\"IN_PROGRESS\"}}]").error()).isEqualTo(Optional.empty());
  }
}
