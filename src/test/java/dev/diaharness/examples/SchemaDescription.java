package dev.diaharness.examples;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tables and columns a schema description states, parsed from the example's layout: a line
 * {@code Table t: ... (N rows).} per table and {@code   - column (TYPE[, nullable]): meaning} per column, where a
 * meaning with {@code one of 'a', 'b'} lists every value the column holds.
 */
record SchemaDescription(List<Column> columns, Map<String, Long> rowCounts) {
  private static final Pattern TABLE = Pattern.compile("^Table (\\w+):.*?\\(([\\d,]+) rows\\)");
  private static final Pattern COLUMN =
      Pattern.compile("^\\s+- (\\w+) \\((STRING|INT64|FLOAT64|DATE|TIMESTAMP|BOOL)(, nullable)?\\): (.+)$");
  private static final Pattern ONE_OF = Pattern.compile("one of ((?:'[^']*'(?:, )?)+)");
  private static final Pattern QUOTED = Pattern.compile("'([^']*)'");

  /** One described column; {@code values} is empty unless the meaning lists them. */
  record Column(String table, String name, String type, boolean nullable, List<String> values) {
    String qualified() {
      return table + "." + name;
    }
  }

  static SchemaDescription parse(String text) {
    List<Column> columns = new ArrayList<>();
    Map<String, Long> rowCounts = new LinkedHashMap<>();
    String table = null;
    for (String line : text.split("\n")) {
      Matcher t = TABLE.matcher(line);
      if (t.find()) {
        table = t.group(1);
        rowCounts.put(table, Long.parseLong(t.group(2).replace(",", "")));
        continue;
      }
      Matcher c = COLUMN.matcher(line);
      if (c.matches()) {
        if (table == null) {
          throw new IllegalArgumentException("column before any table: " + line);
        }
        columns.add(new Column(table, c.group(1), c.group(2), c.group(3) != null, values(c.group(4))));
      } else if (line.startsWith("  ")) {
        throw new IllegalArgumentException("indented line that is not a column: " + line);
      }
    }
    return new SchemaDescription(columns, rowCounts);
  }

  private static List<String> values(String meaning) {
    Matcher oneOf = ONE_OF.matcher(meaning);
    List<String> values = new ArrayList<>();
    if (oneOf.find()) {
      Matcher q = QUOTED.matcher(oneOf.group(1));
      while (q.find()) {
        values.add(q.group(1));
      }
    }
    return values;
  }
}
