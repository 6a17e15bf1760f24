package dev.diaharness.dataset;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Writes set files for tests. */
final class SetFiles {
  private SetFiles() {}

  static Path text(Path file, String content) throws IOException {
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  /** A one-sheet workbook; a cell value may be a String, Number or Boolean; null leaves the cell empty. */
  static Path xlsx(Path file, List<List<Object>> rows) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      Workbook workbook = new Workbook(out, "dia-harness-test", "1.0");
      Worksheet sheet = workbook.newWorksheet("Sheet1");
      for (int r = 0; r < rows.size(); r++) {
        for (int c = 0; c < rows.get(r).size(); c++) {
          Object value = rows.get(r).get(c);
          if (value instanceof String s) {
            sheet.value(r, c, s);
          } else if (value instanceof Number n) {
            sheet.value(r, c, n);
          } else if (value instanceof Boolean b) {
            sheet.value(r, c, b);
          }
        }
      }
      workbook.finish();
    }
    return file;
  }
}
