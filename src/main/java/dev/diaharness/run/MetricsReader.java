package dev.diaharness.run;

import dev.diaharness.core.InputException;
import dev.diaharness.core.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/** Reads {@code metrics.json} of a run folder. Stateless. */
public final class MetricsReader {
  private MetricsReader() {}

  /** The file's content, or an empty metrics file when the run has none yet. */
  public static MetricsFile readOrEmpty(RunDirectory run) {
    if (!Files.exists(run.metricsFile())) {
      return new MetricsFile(MetricsFile.CURRENT_VERSION, run.root().getFileName().toString(), List.of(), Map.of(),
          0);
    }
    try {
      return Json.MAPPER.readValue(run.metricsFile().toFile(), MetricsFile.class);
    } catch (IOException e) {
      throw InputException.inFile(run.metricsFile(), "not a readable metrics file: "
          + e.getMessage().lines().findFirst().orElse(""));
    }
  }
}
