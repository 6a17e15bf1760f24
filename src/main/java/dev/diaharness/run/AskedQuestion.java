package dev.diaharness.run;

import java.util.Objects;

/**
 * What an item asked: the golden question's text and the SQL it expects. This record is immutable.
 *
 * @param text        the natural-language question sent to the agent ({@code ""} when unknown)
 * @param expectedSql the golden SQL the answer is scored against ({@code ""} when unknown)
 */
public record AskedQuestion(String text, String expectedSql) {
  public AskedQuestion {
    text = Objects.requireNonNullElse(text, "");
    expectedSql = Objects.requireNonNullElse(expectedSql, "");
  }
}
