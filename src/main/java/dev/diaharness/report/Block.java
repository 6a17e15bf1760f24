package dev.diaharness.report;

import java.util.List;

/**
 * One block of a report document, rendered alike to Markdown and HTML. All text is plain text from the run (and
 * therefore untrusted): each writer escapes it for its format. Immutable.
 */
public sealed interface Block {
  /** A section heading; {@code level} 2 = section, 3 = subsection, 4 = part of a subsection. */
  record Heading(int level, String text) implements Block {}

  record Paragraph(String text) implements Block {}

  /** A line a reader should not miss (overfitting, a run that ended on an error). */
  record Warning(String text) implements Block {}

  record Bullets(List<String> items) implements Block {
    public Bullets {
      items = List.copyOf(items);
    }
  }

  /** A table; {@code sortable} tables get click-to-sort headers in HTML. */
  record Table(List<String> header, List<List<String>> rows, boolean sortable) implements Block {
    public Table {
      header = List.copyOf(header);
      rows = rows.stream().map(List::copyOf).toList();
    }
  }

  /** Preformatted text: SQL, a diff, JSON evidence. */
  record Code(String language, String text) implements Block {}

  /** A chart PNG, by its path relative to the run folder. */
  record Image(String alt, String relativePath) implements Block {}

  /**
   * A long list (e.g. the failures of an iteration): HTML shows every item; Markdown, meant to be read as a file,
   * shows the first {@code markdownLimit} and then {@code pointer}, which says where the rest is.
   */
  record Capped(int markdownLimit, String pointer, List<Block> items) implements Block {
    public Capped {
      items = List.copyOf(items);
    }
  }

  /** A collapsible group (HTML {@code <details>}); Markdown shows the summary in bold and the body below. */
  record Details(String summary, List<Block> body) implements Block {
    public Details {
      body = List.copyOf(body);
    }
  }
}
