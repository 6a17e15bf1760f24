package dev.diaharness.cli;

import picocli.CommandLine.Command;

/** {@code data}: the user's tables — {@code data pull} copies them from BigQuery to local Parquet. */
@Command(name = "data", mixinStandardHelpOptions = true, subcommands = DataPullCommand.class,
    description = "The tables to score on: 'data pull' copies (a join-preserving sample of) a BigQuery dataset "
        + "to local Parquet.")
final class DataCommand {}
