package dev.diaharness.sql;

import java.util.Objects;

/**
 * The outcome of translating one BigQuery statement to DuckDB ({@link BigQueryTranslator}): the DuckDB text, a named
 * construct the translator cannot express, or text that does not parse. Values are immutable and thread-safe.
 */
public sealed interface Translation
    permits Translation.Translated, Translation.Unsupported, Translation.Unparseable {

  /** The statement in DuckDB's dialect, ready for {@link SandboxedExecutor#execute(String)}. */
  record Translated(String duckDbSql) implements Translation {
    public Translated {
      Objects.requireNonNull(duckDbSql, "duckDbSql");
    }
  }

  /**
   * A construct with no faithful DuckDB equivalent here.
   *
   * @param construct the construct's name as written in BigQuery, e.g. {@code ML.PREDICT} or {@code UNNEST}
   * @param reason one line saying why it is not translated
   */
  record Unsupported(String construct, String reason) implements Translation {
    public Unsupported {
      Objects.requireNonNull(construct, "construct");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** The text is not a statement the BigQuery parser understands; {@code reason} is the parser's first line. */
  record Unparseable(String reason) implements Translation {
    public Unparseable {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
