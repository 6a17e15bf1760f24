package dev.diaharness.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diaharness.report.chart.ChartStyle;
import dev.diaharness.run.RunDirectory;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reports a person can read: a table of contents whose links all land, failures capped in Markdown (all in HTML),
 * evidence with one line per fact and long values cut, colours that stay apart for many iterations.
 */
class ReadableReportTest {
  @TempDir Path temp;

  @Test
  void theHtmlHasATableOfContentsLinkingEverySectionToItsAnchor() throws Exception {
    RunDirectory dir = RunFixtures.optimizeRun(temp);
    String html = HtmlWriter.render(ReportBuilder.build(RunReader.read(dir), List.of()), dir.root());
    Document doc = ReportChecks.parseXml(html);

    List<String> ids = new ArrayList<>();
    NodeList all = doc.getElementsByTagName("*");
    for (int i = 0; i < all.getLength(); i++) {
      String id = ((Element) all.item(i)).getAttribute("id");
      if (!id.isEmpty()) {
        ids.add(id);
      }
    }
    assertThat(ids).doesNotHaveDuplicates();
    List<String> sections = new ArrayList<>();
    NodeList h2 = doc.getElementsByTagName("h2");
    for (int i = 0; i < h2.getLength(); i++) {
      sections.add(((Element) h2.item(i)).getAttribute("id"));
    }
    assertThat(sections).contains("summary", "iterations", "how-to-reproduce").doesNotContain("");
    Matcher links = Pattern.compile("<nav class=\"toc\">(.*?)</nav>", Pattern.DOTALL).matcher(html);
    assertThat(links.find()).as("a table of contents").isTrue();
    List<String> targets = new ArrayList<>();
    Matcher href = Pattern.compile("href=\"#([^\"]+)\"").matcher(links.group(1));
    while (href.find()) {
      targets.add(href.group(1));
    }
    assertThat(targets).containsAll(sections).contains("iteration-1", "iteration-3");
    assertThat(ids).containsAll(targets);
  }

  @Test
  void markdownShowsTheFirstFailuresAndAPointerWhileHtmlShowsThemAll() {
    List<Block> failures = new ArrayList<>();
    for (int i = 1; i <= 14; i++) {
      failures.add(new Block.Details("failure " + i, List.of(new Block.Paragraph("evidence " + i))));
    }
    ReportDocument doc = new ReportDocument("t", List.of(new Block.Capped(10, "see report.html", failures)));

    String markdown = MarkdownWriter.render(doc);
    String html = HtmlWriter.render(doc, temp);

    assertThat(markdown).contains("**failure 10**").doesNotContain("failure 11").contains("… 4 more: see report.html");
    assertThat(html).contains("failure 14").doesNotContain("more: see");
  }

  @Test
  void evidenceIsOneLinePerFactWithLongValuesCut() {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("lenientEqual", true);
    details.put("lenient_equal", true);
    details.put("rationale", "shown on its own line");
    details.put("generated", "x".repeat(2000));
    details.put("rows", List.of("r1", "r2", "r3", "r4", "r5", "r6", "r7"));

    List<String> lines = FailureBlocks.compact(details);

    assertThat(lines).hasSize(3);
    assertThat(lines).filteredOn(l -> l.toLowerCase().startsWith("lenient")).hasSize(1);
    assertThat(lines).noneMatch(l -> l.startsWith("rationale"));
    assertThat(lines).filteredOn(l -> l.startsWith("generated: ")).singleElement().asString()
        .hasSizeLessThan(250).endsWith("(2000 chars)");
    assertThat(lines).filteredOn(l -> l.startsWith("rows: ")).singleElement().asString()
        .contains("r4").doesNotContain("r5").contains("3 more");
  }

  /** Every pair of iteration colours stays clearly apart (redmean distance), for any number up to 40. */
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 5, 10, 11, 16, 24, 32, 40})
  void iterationColoursStayApart(int n) {
    List<Color> colours = ChartStyle.palette(n);
    assertThat(colours).hasSize(n);
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        assertThat(ChartStyle.distance(colours.get(i), colours.get(j))).as("colours %d and %d of %d", i, j, n)
            .isGreaterThan(90);
      }
    }
    assertThat(ChartStyle.palette(n + 3).subList(0, n)).as("a longer palette starts with a shorter one")
        .isEqualTo(colours);
  }
}
