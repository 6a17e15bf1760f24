package dev.diaharness.optimize;

import java.util.ArrayList;
import java.util.List;

/**
 * A line-based unified diff (longest common subsequence), for showing proposed changes to a person. Fields are a
 * few hundred lines at most, so the quadratic table is fine. Stateless.
 */
public final class UnifiedDiff {
  private static final int CONTEXT = 2;

  private UnifiedDiff() {}

  public static String of(String label, String before, String after) {
    List<String> a = before.lines().toList();
    List<String> b = after.lines().toList();
    List<String> ops = editScript(a, b);
    if (ops.stream().allMatch(op -> op.startsWith(" "))) {
      return "";
    }
    StringBuilder out = new StringBuilder("--- ").append(label).append(" (current)\n+++ ")
        .append(label).append(" (proposed)\n");
    for (int i = 0; i < ops.size(); i++) {
      if (!ops.get(i).startsWith(" ") || nearChange(ops, i)) {
        out.append(ops.get(i)).append('\n');
      } else if (i > 0 && nearChange(ops, i - 1)) {
        out.append("@@\n");
      }
    }
    return out.toString();
  }

  private static boolean nearChange(List<String> ops, int i) {
    for (int j = Math.max(0, i - CONTEXT); j <= Math.min(ops.size() - 1, i + CONTEXT); j++) {
      if (!ops.get(j).startsWith(" ")) {
        return true;
      }
    }
    return false;
  }

  /** Lines prefixed with ' ', '-' or '+'. */
  private static List<String> editScript(List<String> a, List<String> b) {
    int[][] lcs = new int[a.size() + 1][b.size() + 1];
    for (int i = a.size() - 1; i >= 0; i--) {
      for (int j = b.size() - 1; j >= 0; j--) {
        lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<String> ops = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.size() && j < b.size()) {
      if (a.get(i).equals(b.get(j))) {
        ops.add(" " + a.get(i++));
        j++;
      } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
        ops.add("-" + a.get(i++));
      } else {
        ops.add("+" + b.get(j++));
      }
    }
    while (i < a.size()) {
      ops.add("-" + a.get(i++));
    }
    while (j < b.size()) {
      ops.add("+" + b.get(j++));
    }
    return ops;
  }
}
