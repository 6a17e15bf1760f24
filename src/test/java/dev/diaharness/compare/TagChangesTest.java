package dev.diaharness.compare;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diaharness.cli.CliTestSupport.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare} per tag, on a real optimize run of the shipped example (embedded emulator, examples optimizer):
 * the fixed and broken questions of each tag add up to those of its split, as JSON, text and HTML.
 */
class TagChangesTest {
  @TempDir Path work;

  @Test
  void eachTagCountsItsQuestionsFixedAndBrokenAndTheBroadTagsAddUpToTheSplit() throws Exception {
    Path run = ExampleOptimizeRun.folder();
    JsonNode json = ExampleOptimizeRun.compareJson(run + ":1", run + ":3");
    JsonNode byTag = json.path("by_tag");
    assertThat(byTag.size()).isGreaterThan(20);
    int[] seenAndNew = new int[3]; // fixed, broken, questions of the seen_shape and new_shape test tags
    for (JsonNode t : byTag) {
      int questions = t.path("questions").asInt();
      assertThat(t.path("fixed").asInt() + t.path("broken").asInt() + t.path("still_passing").asInt()
          + t.path("still_failing").asInt()).as(t.toString()).isEqualTo(questions);
      if (t.path("split").asText().equals("test") && t.path("tag").asText().matches("seen_shape|new_shape")) {
        seenAndNew[0] += t.path("fixed").asInt();
        seenAndNew[1] += t.path("broken").asInt();
        seenAndNew[2] += questions;
      }
    }
    JsonNode test = json.path("splits").path("test");
    assertThat(seenAndNew[0]).as("fixed on test = fixed of seen + new shapes").isEqualTo(test.path("fixed").size());
    assertThat(seenAndNew[1]).isEqualTo(test.path("broken").size());
    assertThat(seenAndNew[2]).isEqualTo(33);
    JsonNode seen = tag(byTag, "test", "seen_shape");
    assertThat(seen.path("fixed").asInt()).as("the optimizer's examples fix test questions of taught shapes")
        .isPositive();
  }

  @Test
  void textListsTheTagsThatChangedAndHtmlHasATableOfAllTags() throws Exception {
    Path run = ExampleOptimizeRun.folder();
    Path html = work.resolve("compare.html");
    CliRun r = ExampleOptimizeRun.dia("compare", run + ":1", run + ":3", "--html", html.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("by tag (questions fixed and broken by B):")
        .containsPattern("test  seen_shape +\\d+ fixed +\\d+ broken +\\d+ unchanged \\(of 21\\)")
        .containsPattern("\\d+ tag\\(s\\) with no question fixed or broken");
    String page = Files.readString(html);
    assertThat(page).contains("<h2 id=\"by-tag\">By tag</h2>").contains("<td>new_shape</td><td>12</td>");
  }

  private static JsonNode tag(JsonNode byTag, String split, String tag) {
    for (JsonNode t : byTag) {
      if (t.path("split").asText().equals(split) && t.path("tag").asText().equals(tag)) {
        return t;
      }
    }
    throw new AssertionError("no " + split + " tag " + tag + " in " + byTag);
  }
}
