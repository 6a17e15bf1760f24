package dev.diaharness.report;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The HTML anchor of every heading of a report, in document order (depth first, so the writer takes them as it meets
 * the headings), unique within the page; and the entries of the table of contents (sections and subsections).
 * One instance per rendering: {@link #next} consumes the ids.
 */
final class Anchors {
  record Entry(int level, String text, String id) {}

  private final List<Entry> toc;
  private final Deque<String> ids;

  private Anchors(List<Entry> toc, Deque<String> ids) {
    this.toc = toc;
    this.ids = ids;
  }

  static Anchors of(List<Block> blocks) {
    List<Entry> toc = new ArrayList<>();
    Deque<String> ids = new ArrayDeque<>();
    collect(blocks, toc, ids, new HashSet<>(Set.of("top")));
    return new Anchors(List.copyOf(toc), ids);
  }

  private static void collect(List<Block> blocks, List<Entry> toc, Deque<String> ids, Set<String> used) {
    for (Block b : blocks) {
      if (b instanceof Block.Heading h) {
        String id = unique(slug(h.text()), used);
        ids.add(id);
        if (h.level() <= 3) {
          toc.add(new Entry(h.level(), h.text(), id));
        }
      } else if (b instanceof Block.Details d) {
        collect(d.body(), new ArrayList<>(), ids, used); // folded content stays out of the contents
      } else if (b instanceof Block.Capped c) {
        collect(c.items(), new ArrayList<>(), ids, used);
      }
    }
  }

  /** Lower-case letters, digits and dashes only: safe in an attribute and a URL fragment. */
  static String slug(String text) {
    String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    return s.isEmpty() ? "section" : s.length() > 60 ? s.substring(0, 60) : s;
  }

  private static String unique(String base, Set<String> used) {
    String id = base;
    for (int n = 2; !used.add(id); n++) {
      id = base + "-" + n;
    }
    return id;
  }

  List<Entry> toc() {
    return toc;
  }

  /** The id of the next heading the writer meets. */
  String next() {
    return ids.isEmpty() ? "section" : ids.poll();
  }
}
