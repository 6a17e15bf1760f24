/**
 * SQL as data: parsing and normalization (JSqlParser, BigQuery dialect), component comparison for partial credit, BigQuery to DuckDB translation, the embedded DuckDB database loaded from a folder of tables, sandboxed execution (read-only, time- and row-limited), result comparison and generated database variants (test-suite accuracy).
 */
package dev.diaharness.sql;
