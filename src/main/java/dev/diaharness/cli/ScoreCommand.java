package dev.diaharness.cli;

import dev.diaharness.core.NotBuiltYetException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code score}: score SQL pairs without an agent. */
@Command(name = "score", mixinStandardHelpOptions = true,
    description = "Score SQL without an agent: one pair, or a JSON-lines file of pairs; print verdicts with evidence.")
final class ScoreCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(names = "--expected", paramLabel = "SQL", description = "The expected SQL.")
  String expected;

  @Option(names = "--generated", paramLabel = "SQL", description = "The SQL to score.")
  String generated;

  @Option(names = "--pairs", paramLabel = "FILE",
      description = "JSON lines of {expected_sql, generated_sql, question?}.")
  Path pairs;

  @Option(names = "--data", paramLabel = "DIR", description = "Folder of tables to execute on.")
  Path data;

  @Option(names = "--config-file", paramLabel = "FILE", description = "Config whose local_data to execute on.")
  Path configFile;

  @Option(names = "--json", description = "One JSON object per pair, one per line.")
  boolean json;

  @Override
  public Integer call() {
    throw new NotBuiltYetException("the SQL scorer (score)");
  }
}
