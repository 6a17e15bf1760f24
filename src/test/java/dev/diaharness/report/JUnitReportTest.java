package dev.diaharness.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diaharness.dataset.GoldenCase;
import dev.diaharness.run.ItemKey;
import dev.diaharness.run.ItemResult;
import dev.diaharness.run.Split;
import dev.diaharness.scoring.Evidence;
import dev.diaharness.scoring.Status;
import dev.diaharness.testing.Rows;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** JUnit XML groups testcases by split and first tag, with counts per suite and in total. */
class JUnitReportTest {
  private static ItemResult row(Split split, String id, int repeat, boolean pass) {
    return Rows.scored(new ItemKey(1, split, id, repeat), "question " + id, "SELECT 1", "SELECT 2",
        Rows.verdict(pass, Status.EXACT, Status.EXEC_MISMATCH, Evidence.of("rows differ")));
  }

  private static GoldenCase tagged(String id, String... tags) {
    return new GoldenCase(id, "question " + id, "SELECT 1", List.of(), false, List.of(tags), Map.of());
  }

  private static Document parse(String xml) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void testcasesAreGroupedBySplitAndFirstTag() throws Exception {
    List<ItemResult> rows = new ArrayList<>();
    for (int r = 1; r <= 2; r++) {
      rows.add(row(Split.TRAIN, "a", r, true));
      rows.add(row(Split.TRAIN, "b", r, r == 1));
      rows.add(row(Split.TRAIN, "c", r, true));
      rows.add(row(Split.TEST, "t1", r, false));
      rows.add(row(Split.TEST, "t2", r, true));
    }
    String xml = JUnitReport.xml(rows, JUnitReport.tagsOf(
        List.of(tagged("a", "lookup"), tagged("b", "join", "lookup"), GoldenCase.of("c", "question c", "SELECT 1")),
        List.of(tagged("t1", "join", "new_shape"), tagged("t2", "lookup", "seen_shape"))));
    Element root = parse(xml).getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("testsuites");
    assertThat(root.getAttribute("tests")).isEqualTo("5");
    assertThat(root.getAttribute("failures")).isEqualTo("2");
    NodeList suites = root.getElementsByTagName("testsuite");
    List<String> names = new ArrayList<>();
    for (int i = 0; i < suites.getLength(); i++) {
      Element suite = (Element) suites.item(i);
      names.add(suite.getAttribute("name") + ":" + suite.getAttribute("tests") + "/" + suite.getAttribute("failures"));
    }
    assertThat(names).containsExactly("train:1/0", "train.join:1/1", "train.lookup:1/0", "test.join:1/1",
        "test.lookup:1/0");
    Element join = (Element) suites.item(1);
    Element testcase = (Element) join.getElementsByTagName("testcase").item(0);
    assertThat(testcase.getAttribute("classname")).isEqualTo("dia-harness.train.join");
    assertThat(testcase.getAttribute("name")).isEqualTo("b: question b");
    assertThat(testcase.getElementsByTagName("failure").getLength()).isEqualTo(1);
  }

  @Test
  void withoutTagsThereIsOneSuitePerSplit() throws Exception {
    String xml = JUnitReport.xml(List.of(row(Split.TRAIN, "a", 1, true), row(Split.TEST, "b", 1, false)),
        (split, id) -> List.of());
    NodeList suites = parse(xml).getDocumentElement().getElementsByTagName("testsuite");
    assertThat(suites.getLength()).isEqualTo(2);
    assertThat(((Element) suites.item(0)).getAttribute("name")).isEqualTo("train");
    assertThat(((Element) suites.item(1)).getAttribute("name")).isEqualTo("test");
  }
}
