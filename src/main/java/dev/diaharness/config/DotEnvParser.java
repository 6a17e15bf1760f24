package dev.diaharness.config;

import dev.diaharness.core.InputException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code .env} file the way python-dotenv does for the common cases, so the Python tool's files keep working:
 * {@code KEY=VALUE} lines, {@code #} comments, blank lines, an optional {@code export } prefix, values in single
 * quotes (literal) or double quotes (escapes {@code \n \t \" \\}), an unquoted value ends at {@code " #"}, and
 * {@code ${VAR}} / {@code ${VAR:-default}} in unquoted and double-quoted values is interpolated from the real
 * environment, then from earlier lines (unset = empty, as python-dotenv). Multi-line values are not supported.
 * Stateless.
 */
final class DotEnvParser {
  private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");
  private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

  private DotEnvParser() {}

  static Map<String, String> parse(Path file, Map<String, String> real) {
    Map<String, String> values = new LinkedHashMap<>();
    List<String> lines = readLines(file);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (i == 0 && line.startsWith("\uFEFF")) {
        line = line.substring(1).strip();
      }
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      parseLine(file, i + 1, line, real, values);
    }
    return values;
  }

  private static List<String> readLines(Path file) {
    try {
      return List.of(Files.readString(file, StandardCharsets.UTF_8).split("\\R", -1));
    } catch (CharacterCodingException e) {
      throw InputException.inFile(file, "not valid UTF-8 text");
    } catch (IOException e) {
      throw InputException.inFile(file, "cannot read the file: " + e.getMessage());
    }
  }

  private static void parseLine(Path file, int lineNo, String line, Map<String, String> real,
      Map<String, String> values) {
    if (line.startsWith("export ") || line.startsWith("export\t")) {
      line = line.substring("export".length()).strip();
    }
    int eq = line.indexOf('=');
    if (eq < 0) {
      throw lineError(file, lineNo, "expected KEY=VALUE");
    }
    String key = line.substring(0, eq).strip();
    if (!KEY.matcher(key).matches()) {
      throw lineError(file, lineNo, "'" + key + "' is not a variable name");
    }
    values.put(key, value(file, lineNo, line.substring(eq + 1).strip(), real, values));
  }

  private static String value(Path file, int lineNo, String raw, Map<String, String> real,
      Map<String, String> earlier) {
    if (raw.startsWith("'")) {
      int end = raw.indexOf('\'', 1);
      if (end < 0) {
        throw lineError(file, lineNo, "the single quote is not closed (multi-line values are not supported)");
      }
      requireNothingAfter(file, lineNo, raw.substring(end + 1));
      return raw.substring(1, end);
    }
    if (raw.startsWith("\"")) {
      return interpolate(doubleQuoted(file, lineNo, raw), real, earlier);
    }
    Matcher comment = Pattern.compile("\\s#").matcher(raw);
    String unquoted = comment.find() ? raw.substring(0, comment.start()).strip() : raw;
    return interpolate(unquoted, real, earlier);
  }

  private static String doubleQuoted(Path file, int lineNo, String raw) {
    StringBuilder out = new StringBuilder();
    for (int i = 1; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '"') {
        requireNothingAfter(file, lineNo, raw.substring(i + 1));
        return out.toString();
      }
      if (c == '\\' && i + 1 < raw.length()) {
        char next = raw.charAt(++i);
        out.append(next == 'n' ? '\n' : next == 't' ? '\t' : next == 'r' ? '\r' : next);
      } else {
        out.append(c);
      }
    }
    throw lineError(file, lineNo, "the double quote is not closed (multi-line values are not supported)");
  }

  private static void requireNothingAfter(Path file, int lineNo, String rest) {
    String r = rest.strip();
    if (!r.isEmpty() && !r.startsWith("#")) {
      throw lineError(file, lineNo, "unexpected text after the closing quote");
    }
  }

  private static String interpolate(String value, Map<String, String> real, Map<String, String> earlier) {
    Matcher m = REFERENCE.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String found = real.get(name);
      if (found == null || found.isEmpty()) {
        found = earlier.get(name);
      }
      if (found == null || found.isEmpty()) {
        found = m.group(2) == null ? "" : m.group(2);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(found));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static InputException lineError(Path file, int lineNo, String what) {
    // the line itself is not quoted: it may hold a secret
    return InputException.inFile(file, "line " + lineNo + ": " + what);
  }
}
