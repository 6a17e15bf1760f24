package dev.diaharness.bigquery;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.DatasetId;
import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.FieldList;
import com.google.cloud.bigquery.FieldValue;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.LegacySQLTypeName;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.Table;
import com.google.cloud.bigquery.TableId;
import com.google.cloud.bigquery.TableResult;
import dev.diaharness.core.InputException;
import dev.diaharness.sql.JoinKeys;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * {@code data pull}: copies a dataset's tables to local Parquet. A table of at most {@code maxRows} rows comes whole
 * (tabledata.list, which BigQuery does not bill). A larger one is sampled so that joins stay meaningful: tables are
 * pulled children first (a table referencing another comes before it, see {@link JoinKeys}); a sampled table gets
 * every row whose key a table pulled before it references (one query per 5,000 keys, billed), topped up with
 * randomly placed blocks of rows (tabledata.list at random start indexes, like {@code TABLESAMPLE SYSTEM}) to
 * {@code maxRows}. Every sampled foreign key therefore resolves. Not thread-safe; one pull at a time.
 */
public final class DatasetPull {
  private static final int PAGE = 10_000;
  private static final int KEYS_PER_QUERY = 5_000;
  private static final int BLOCK = 1_000;

  /** One table to pull, from its metadata. */
  public record TablePlan(String table, Schema schema, long rows, long bytes, boolean whole) {}

  /** Progress of one table: rows written so far of the rows it will have. */
  public interface Progress {
    void rows(String table, long done, long total);
  }

  private final BigQueryQueries queries;
  private final long maxBytesBilled;
  private final String runLabel;
  private final Random random;

  public DatasetPull(BigQueryQueries queries, long maxBytesBilled, String runId, long seed) {
    this.queries = queries;
    this.maxBytesBilled = maxBytesBilled;
    this.runLabel = BigQueryExecution.labelValue(runId);
    this.random = new Random(seed);
  }

  /**
   * The tables to pull (all of the dataset's, or {@code only}) with their size, from metadata alone.
   *
   * @throws InputException when the dataset or a named table does not exist
   */
  public List<TablePlan> plan(List<String> only, long maxRows) {
    BigQuerySettings s = queries.settings();
    BigQuery client = queries.client();
    List<String> names = new ArrayList<>(only);
    try {
      if (names.isEmpty()) {
        if (client.getDataset(DatasetId.of(s.project(), s.dataset())) == null) {
          throw new InputException("BigQuery dataset " + s.project() + "." + s.dataset() + " does not exist");
        }
        client.listTables(DatasetId.of(s.project(), s.dataset())).iterateAll()
            .forEach(t -> names.add(t.getTableId().getTable()));
      }
    } catch (BigQueryException e) {
      throw AccessDenied.check(e, s);
    }
    List<TablePlan> plans = new ArrayList<>();
    for (String name : names) {
      Table table = queries.table(tableId(name)).orElseThrow(() -> new InputException("--tables: no table "
          + name + " in " + s.project() + "." + s.dataset()));
      Schema schema = table.getDefinition().getSchema();
      long rows = table.getNumRows() == null ? 0 : table.getNumRows().longValue();
      long bytes = table.getNumBytes() == null ? 0 : table.getNumBytes();
      plans.add(new TablePlan(name, schema, rows, bytes, rows <= maxRows));
    }
    return plans;
  }

  /** Pulls the planned tables into {@code folder}; returns what was written, in pull order. */
  public List<PullManifest.Table> pull(List<TablePlan> plans, String schemaDescription, long maxRows, Path folder,
      Progress progress) throws InterruptedException {
    Map<String, TablePlan> byName = new LinkedHashMap<>();
    plans.forEach(p -> byName.put(p.table().toLowerCase(Locale.ROOT), p));
    Map<String, List<String>> columns = new HashMap<>();
    byName.forEach((name, p) -> columns.put(name, p.schema().getFields().stream()
        .map(f -> f.getName().toLowerCase(Locale.ROOT)).toList()));
    List<JoinKeys.Reference> references = JoinKeys.find(schemaDescription, columns);
    Map<String, Map<String, Set<String>>> needed = new HashMap<>();
    List<PullManifest.Table> written = new ArrayList<>();
    Map<String, Long> rows = new LinkedHashMap<>();
    byName.forEach((name, p) -> rows.put(name, p.rows()));
    for (String name : JoinKeys.childrenFirst(rows, references)) {
      TablePlan plan = byName.get(name);
      List<JoinKeys.Reference> outgoing = references.stream().filter(r -> r.child().equals(name)).toList();
      PullManifest.Table table = plan.whole()
          ? whole(plan, folder, outgoing, needed, progress)
          : sampled(plan, folder, maxRows, needed.getOrDefault(name, Map.of()), outgoing, needed, progress);
      written.add(table);
    }
    return written;
  }

  private PullManifest.Table whole(TablePlan plan, Path folder, List<JoinKeys.Reference> outgoing,
      Map<String, Map<String, Set<String>>> needed, Progress progress) {
    FieldList fields = plan.schema().getFields();
    try (ParquetTableWriter writer = new ParquetTableWriter(fields, file(folder, plan))) {
      TableResult pages = listData(plan, BigQuery.TableDataListOption.pageSize(PAGE));
      for (FieldValueList row : pages.iterateAll()) {
        writer.write(row);
        note(row, fields, outgoing, needed);
        if (writer.rows() % PAGE == 0) {
          progress.rows(plan.table(), writer.rows(), plan.rows());
        }
      }
      long rows = writer.finish();
      progress.rows(plan.table(), rows, rows);
      return manifestEntry(plan, rows, false, "whole", plan.bytes());
    }
  }

  private PullManifest.Table sampled(TablePlan plan, Path folder, long maxRows, Map<String, Set<String>> keys,
      List<JoinKeys.Reference> outgoing, Map<String, Map<String, Set<String>>> needed, Progress progress)
      throws InterruptedException {
    FieldList fields = plan.schema().getFields();
    Set<List<String>> seen = new HashSet<>();
    long billed = 0;
    long referenced = 0;
    long target = Math.max(maxRows, keys.values().stream().mapToLong(Set::size).max().orElse(0));
    try (ParquetTableWriter writer = new ParquetTableWriter(fields, file(folder, plan))) {
      for (Map.Entry<String, Set<String>> key : keys.entrySet()) {
        Field keyField = fields.get(indexOf(fields, key.getKey()));
        List<String> values = new ArrayList<>(new TreeSet<>(key.getValue()));
        for (int from = 0; from < values.size(); from += KEYS_PER_QUERY) {
          String in = values.subList(from, Math.min(values.size(), from + KEYS_PER_QUERY)).stream()
              .map(v -> literal(keyField, v)).collect(Collectors.joining(", "));
          BigQueryQueries.Raw raw = queries.runRaw("SELECT * FROM `" + source(plan) + "` WHERE `" + keyField.getName()
              + "` IN (" + in + ")", maxBytesBilled, Map.of(BigQueryExecution.RUN_LABEL, runLabel));
          billed += raw.bytesBilled();
          for (FieldValueList row : raw.result().iterateAll()) {
            if (seen.add(fingerprint(row))) {
              writer.write(row);
              note(row, fields, outgoing, needed);
              referenced++;
            }
          }
          progress.rows(plan.table(), writer.rows(), target);
        }
      }
      long blockRows = topUp(plan, writer, seen, target, fields, outgoing, needed, progress);
      long rows = writer.finish();
      progress.rows(plan.table(), rows, rows);
      long blockBytes = plan.rows() == 0 ? 0 : plan.bytes() * blockRows / plan.rows();
      String method = "sampled: " + referenced + " row(s) referenced by tables pulled before it, " + blockRows
          + " in random blocks of up to " + BLOCK + " (of " + plan.rows() + ")";
      return manifestEntry(plan, rows, true, method, billed + blockBytes);
    }
  }

  /** Adds rows from randomly placed blocks until {@code target} rows are written; returns how many it added. */
  private long topUp(TablePlan plan, ParquetTableWriter writer, Set<List<String>> seen, long target, FieldList fields,
      List<JoinKeys.Reference> outgoing, Map<String, Map<String, Set<String>>> needed, Progress progress) {
    long added = 0;
    int attempts = 0;
    long blocks = Math.max(1, plan.rows() / BLOCK);
    while (writer.rows() < target && attempts++ < 4 * (target / BLOCK + 2)) {
      long start = (long) (random.nextDouble() * blocks) * BLOCK;
      TableResult page = listData(plan, BigQuery.TableDataListOption.startIndex(start),
          BigQuery.TableDataListOption.pageSize(BLOCK));
      for (FieldValueList row : page.getValues()) {
        if (writer.rows() >= target) {
          break;
        }
        if (seen.add(fingerprint(row))) {
          writer.write(row);
          note(row, fields, outgoing, needed);
          added++;
        }
      }
      progress.rows(plan.table(), writer.rows(), target);
    }
    return added;
  }

  private TableResult listData(TablePlan plan, BigQuery.TableDataListOption... options) {
    try {
      return queries.client().listTableData(tableId(plan.table()), plan.schema(), options);
    } catch (BigQueryException e) {
      throw AccessDenied.check(e, queries.settings());
    }
  }

  /** Remembers the keys this row references, for the tables pulled after it. */
  private static void note(FieldValueList row, FieldList fields, List<JoinKeys.Reference> outgoing,
      Map<String, Map<String, Set<String>>> needed) {
    for (JoinKeys.Reference r : outgoing) {
      FieldValue v = row.get(indexOf(fields, r.column()));
      if (v != null && !v.isNull() && v.getAttribute() == FieldValue.Attribute.PRIMITIVE) {
        needed.computeIfAbsent(r.parent(), p -> new HashMap<>()).computeIfAbsent(r.key(), k -> new HashSet<>())
            .add(v.getStringValue());
      }
    }
  }

  private static int indexOf(FieldList fields, String column) {
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).getName().equalsIgnoreCase(column)) {
        return i;
      }
    }
    throw new IllegalStateException("no column " + column);
  }

  private static List<String> fingerprint(FieldValueList row) {
    List<String> values = new ArrayList<>(row.size());
    row.forEach(v -> values.add(v == null || v.isNull() ? null : String.valueOf(v.getValue())));
    return values;
  }

  private static String literal(Field field, String value) {
    LegacySQLTypeName type = field.getType();
    if (type == LegacySQLTypeName.INTEGER || type == LegacySQLTypeName.FLOAT
        || type == LegacySQLTypeName.NUMERIC || type == LegacySQLTypeName.BIGNUMERIC) {
      return value;
    }
    String quoted = "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    return type == LegacySQLTypeName.STRING ? quoted : "CAST(" + quoted + " AS " + type.name() + ")";
  }

  private String source(TablePlan plan) {
    TableId id = tableId(plan.table());
    return id.getProject() + "." + id.getDataset() + "." + id.getTable();
  }

  private TableId tableId(String table) {
    return TableId.of(queries.settings().project(), queries.settings().dataset(), table);
  }

  private static Path file(Path folder, TablePlan plan) {
    return folder.resolve(plan.table().toLowerCase(Locale.ROOT) + ".parquet");
  }

  private PullManifest.Table manifestEntry(TablePlan plan, long rows, boolean sampled, String method, long bytes) {
    List<Map<String, String>> schema = new ArrayList<>();
    for (Field f : plan.schema().getFields()) {
      Map<String, String> column = new LinkedHashMap<>();
      column.put("name", f.getName());
      column.put("type", f.getType().name());
      column.put("mode", f.getMode() == null ? "NULLABLE" : f.getMode().name());
      column.put("duckdb_type", DuckDbTypes.of(f));
      schema.add(column);
    }
    return new PullManifest.Table(plan.table(), source(plan), plan.table().toLowerCase(Locale.ROOT) + ".parquet",
        schema, plan.rows(), rows, sampled, method, bytes);
  }
}
