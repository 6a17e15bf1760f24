package dev.diaharness.report;

import java.util.List;

/**
 * Renders a {@link ReportDocument} as Markdown. Text from the run is untrusted: HTML-special characters become
 * entities and Markdown syntax characters are backslash-escaped, so a question can neither inject HTML nor
 * change the layout; code blocks use a fence longer than any backtick run inside them. Stateless.
 */
public final class MarkdownWriter {
  private MarkdownWriter() {}

  public static String render(ReportDocument doc) {
    StringBuilder out = new StringBuilder();
    out.append("# ").append(inline(doc.title())).append("\n\n");
    doc.blocks().forEach(b -> block(out, b));
    return out.toString();
  }

  private static void block(StringBuilder out, Block b) {
    if (b instanceof Block.Heading h) {
      out.append("#".repeat(h.level())).append(' ').append(inline(h.text())).append("\n\n");
    } else if (b instanceof Block.Paragraph p) {
      out.append(inline(p.text())).append("\n\n");
    } else if (b instanceof Block.Warning w) {
      out.append("> **Warning:** ").append(inline(w.text())).append("\n\n");
    } else if (b instanceof Block.Bullets l) {
      l.items().forEach(i -> out.append("- ").append(inline(i)).append('\n'));
      out.append('\n');
    } else if (b instanceof Block.Table t) {
      table(out, t);
    } else if (b instanceof Block.Code c) {
      String fence = fence(c.text());
      out.append(fence).append(c.language()).append('\n').append(c.text().stripTrailing()).append('\n')
          .append(fence).append("\n\n");
    } else if (b instanceof Block.Image i) {
      out.append("![").append(inline(i.alt())).append("](").append(i.relativePath()).append(")\n\n");
    } else if (b instanceof Block.Details d) {
      out.append("**").append(inline(d.summary())).append("**\n\n");
      d.body().forEach(x -> block(out, x));
    } else if (b instanceof Block.Capped c) {
      c.items().stream().limit(c.markdownLimit()).forEach(x -> block(out, x));
      if (c.items().size() > c.markdownLimit()) {
        out.append("*").append(inline("… " + (c.items().size() - c.markdownLimit()) + " more: " + c.pointer()))
            .append("*\n\n");
      }
    } else {
      throw new IllegalArgumentException("unknown block " + b.getClass());
    }
  }

  private static void table(StringBuilder out, Block.Table t) {
    row(out, t.header());
    out.append('|');
    t.header().forEach(h -> out.append(" --- |"));
    out.append('\n');
    t.rows().forEach(r -> row(out, r));
    out.append('\n');
  }

  private static void row(StringBuilder out, List<String> cells) {
    out.append('|');
    cells.forEach(c -> out.append(' ').append(inline(c)).append(" |"));
    out.append('\n');
  }

  /** One line of escaped text: line breaks become spaces, so untrusted text cannot start a block. */
  static String inline(String text) {
    StringBuilder sb = new StringBuilder(text.length() + 16);
    for (char ch : text.replaceAll("\\R", " ").toCharArray()) {
      switch (ch) {
        case '&': sb.append("&amp;"); break;
        case '<': sb.append("&lt;"); break;
        case '>': sb.append("&gt;"); break;
        case '\\': case '`': case '*': case '_': case '[': case ']': case '|': case '#': case '!':
          sb.append('\\').append(ch);
          break;
        default: sb.append(ch);
      }
    }
    return sb.toString();
  }

  private static String fence(String code) {
    int longest = 0;
    int run = 0;
    for (char ch : code.toCharArray()) {
      run = ch == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    return "`".repeat(Math.max(3, longest + 1));
  }
}
