package dev.diaharness.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

/**
 * Renders a {@link ReportDocument} as one self-contained HTML file: CSS and a small sorting script inline, charts
 * embedded as base64 {@code data:} URIs, no external reference of any kind, so it works offline. The markup is
 * also well-formed XML (every element closed, no named entities beyond XML's), which the tests check with the
 * JDK's XML parser. All text from the run is escaped. Stateless.
 */
public final class HtmlWriter {
  private HtmlWriter() {}

  /** @param runRoot the run folder, against which the images' relative paths are read */
  public static String render(ReportDocument doc, Path runRoot) {
    StringBuilder out = new StringBuilder(64 * 1024);
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
        .append("<title>").append(esc(doc.title())).append("</title>\n<style>\n").append(HtmlAssets.CSS)
        .append("</style>\n</head>\n<body>\n<main>\n<h1 id=\"top\">").append(esc(doc.title())).append("</h1>\n");
    Anchors anchors = Anchors.of(doc.blocks());
    contents(out, anchors);
    doc.blocks().forEach(b -> block(out, b, runRoot, anchors));
    out.append("</main>\n<script>\n//<![CDATA[\n").append(HtmlAssets.SCRIPT).append("//]]>\n</script>\n")
        .append("</body>\n</html>\n");
    return out.toString();
  }

  /** The table of contents: every section and subsection heading, linked to its anchor. */
  private static void contents(StringBuilder out, Anchors anchors) {
    if (anchors.toc().isEmpty()) {
      return;
    }
    out.append("<nav class=\"toc\">\n<strong>Contents</strong>\n<ul>\n");
    boolean open = false;
    for (Anchors.Entry e : anchors.toc()) {
      if (e.level() == 2) {
        if (open) {
          out.append("</ul></li>\n");
        }
        out.append("<li><a href=\"#").append(e.id()).append("\">").append(esc(e.text())).append("</a><ul>");
        open = true;
      } else {
        if (!open) {
          out.append("<li><ul>");
          open = true;
        }
        out.append("<li><a href=\"#").append(e.id()).append("\">").append(esc(e.text())).append("</a></li>");
      }
    }
    if (open) {
      out.append("</ul></li>\n");
    }
    out.append("</ul>\n</nav>\n");
  }

  private static void block(StringBuilder out, Block b, Path root, Anchors anchors) {
    if (b instanceof Block.Heading h) {
      out.append("<h").append(h.level()).append(" id=\"").append(anchors.next()).append("\">").append(esc(h.text()));
      if (h.level() == 2) {
        out.append(" <a class=\"top\" href=\"#top\" title=\"back to the contents\">\u2191</a>");
      }
      out.append("</h").append(h.level()).append(">\n");
    } else if (b instanceof Block.Paragraph p) {
      out.append("<p>").append(esc(p.text())).append("</p>\n");
    } else if (b instanceof Block.Warning w) {
      out.append("<p class=\"warning\"><strong>Warning:</strong> ").append(esc(w.text())).append("</p>\n");
    } else if (b instanceof Block.Bullets l) {
      out.append("<ul>\n");
      l.items().forEach(i -> out.append("<li>").append(esc(i)).append("</li>\n"));
      out.append("</ul>\n");
    } else if (b instanceof Block.Table t) {
      table(out, t);
    } else if (b instanceof Block.Code c) {
      out.append("<pre><code class=\"language-").append(esc(c.language())).append("\">")
          .append(esc(c.text().stripTrailing())).append("</code></pre>\n");
    } else if (b instanceof Block.Image i) {
      image(out, i, root);
    } else if (b instanceof Block.Details d) {
      out.append("<details>\n<summary>").append(esc(d.summary())).append("</summary>\n");
      d.body().forEach(x -> block(out, x, root, anchors));
      out.append("</details>\n");
    } else if (b instanceof Block.Capped c) {
      c.items().forEach(x -> block(out, x, root, anchors));
    } else {
      throw new IllegalArgumentException("unknown block " + b.getClass());
    }
  }

  private static void table(StringBuilder out, Block.Table t) {
    out.append(t.sortable() ? "<table class=\"sortable\">\n" : "<table>\n").append("<thead>\n");
    row(out, "th", t.header());
    out.append("</thead>\n<tbody>\n");
    t.rows().forEach(r -> row(out, "td", r));
    out.append("</tbody>\n</table>\n");
  }

  private static void row(StringBuilder out, String cell, List<String> cells) {
    out.append("<tr>");
    cells.forEach(c -> out.append('<').append(cell).append('>').append(esc(c)).append("</").append(cell)
        .append('>'));
    out.append("</tr>\n");
  }

  private static void image(StringBuilder out, Block.Image i, Path root) {
    Path file = root.resolve(i.relativePath());
    try {
      String data = Base64.getEncoder().encodeToString(Files.readAllBytes(file));
      out.append("<figure><img alt=\"").append(esc(i.alt())).append("\" src=\"data:image/png;base64,")
          .append(data).append("\"/><figcaption>").append(esc(i.alt())).append("</figcaption></figure>\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot embed the chart " + file, e);
    }
  }

  /** Escapes text for element content and attribute values alike. */
  static String esc(String text) {
    StringBuilder sb = new StringBuilder(text.length() + 16);
    for (int k = 0; k < text.length(); k++) {
      char ch = text.charAt(k);
      switch (ch) {
        case '&': sb.append("&amp;"); break;
        case '<': sb.append("&lt;"); break;
        case '>': sb.append("&gt;"); break;
        case '"': sb.append("&quot;"); break;
        case '\'': sb.append("&#39;"); break;
        default:
          // control characters other than tab/newline are not allowed in XML (and mean nothing in a report)
          sb.append(ch < 0x20 && ch != '\n' && ch != '\t' && ch != '\r' ? '\uFFFD' : ch);
      }
    }
    return sb.toString();
  }
}
