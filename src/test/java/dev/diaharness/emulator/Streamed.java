package dev.diaharness.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diaharness.core.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** A parsed streamAssist body, for tests: elements, appended text and thoughts, answer states. */
record Streamed(List<JsonNode> elements) {
  static Streamed of(String body) {
    try {
      List<JsonNode> elements = new ArrayList<>();
      Json.MAPPER.readTree(body).forEach(elements::add);
      return new Streamed(elements);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String text() {
    return join(false);
  }

  String thoughts() {
    return join(true);
  }

  int textFragments() {
    int n = 0;
    for (JsonNode e : elements) {
      for (JsonNode reply : e.at("/answer/replies")) {
        if (!reply.at("/groundedContent/content/thought").asBoolean(false)) {
          n++;
        }
      }
    }
    return n;
  }

  List<String> states() {
    List<String> states = new ArrayList<>();
    elements.forEach(e -> {
      if (e.at("/answer/state").isTextual()) {
        states.add(e.at("/answer/state").asText());
      }
    });
    return states;
  }

  JsonNode last() {
    return elements.get(elements.size() - 1);
  }

  private String join(boolean thought) {
    StringBuilder s = new StringBuilder();
    for (JsonNode e : elements) {
      for (JsonNode reply : e.at("/answer/replies")) {
        JsonNode content = reply.at("/groundedContent/content");
        if (content.path("thought").asBoolean(false) == thought) {
          s.append(content.path("text").asText());
        }
      }
    }
    return s.toString();
  }
}
