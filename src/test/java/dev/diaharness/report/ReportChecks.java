package dev.diaharness.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

/** Checks shared by the report tests: HTML parsed as XML, external references, empty sections. */
final class ReportChecks {
  private ReportChecks() {}

  /** Parses report.html with the JDK's XML parser (no DTD loading, no external entities): fails when malformed. */
  static Document parseXml(String html) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    f.setExpandEntityReferences(false);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
  }

  static void assertNoExternalReferences(String html) {
    assertThat(html).doesNotContain("http://", "https://", "//cdn", "<link", "@import", "url(");
    Matcher href = Pattern.compile("\\bhref\\s*=\\s*\"([^\"]*)\"").matcher(html);
    while (href.find()) {
      assertThat(href.group(1)).as("every link is an anchor in the page").matches("#[a-z0-9-]+");
    }
    Matcher src = Pattern.compile("\\bsrc\\s*=\\s*\"([^\"]*)\"").matcher(html);
    while (src.find()) {
      assertThat(src.group(1)).as("every src is an embedded data: URI").startsWith("data:image/png;base64,");
    }
  }

  /** The text of report.html without the embedded images and the sorting script (base64 can spell "NaN"). */
  static String htmlText(String html) {
    return html.replaceAll("data:image/png;base64,[A-Za-z0-9+/=]*", "data:")
        .replaceAll("(?s)<script>.*?</script>", "<script/>");
  }

  /** Markdown headings that are followed directly by another heading (an empty section). */
  static List<String> emptySections(String markdown) {
    List<String> lines = markdown.lines().filter(l -> !l.isBlank()).toList();
    List<String> empty = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      boolean heading = lines.get(i).startsWith("#");
      boolean last = i == lines.size() - 1;
      if (heading && (last || lines.get(i + 1).startsWith("#"))) {
        empty.add(lines.get(i));
      }
    }
    return empty;
  }
}
