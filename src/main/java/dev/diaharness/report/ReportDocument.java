package dev.diaharness.report;

import java.util.List;

/** The content of a report, independent of its format: a title and blocks. Immutable. */
public record ReportDocument(String title, List<Block> blocks) {
  public ReportDocument {
    blocks = List.copyOf(blocks);
  }
}
