package dev.diaharness.run;

import dev.diaharness.core.VersionedJson;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/** Reads {@code metrics.json} of a run folder. Stateless. */
public final class MetricsReader {
  /** The one reader of {@code metrics.json}: refuses a newer version and unknown fields. */
  public static final VersionedJson<MetricsFile> FILES =
      new VersionedJson<>(MetricsFile.class, MetricsFile.CURRENT_VERSION, "metrics file");

  private MetricsReader() {}

  /** The file's content, or an empty metrics file when the run has none yet. */
  public static MetricsFile readOrEmpty(RunDirectory run) {
    if (!Files.exists(run.metricsFile())) {
      return new MetricsFile(MetricsFile.CURRENT_VERSION, run.root().getFileName().toString(), List.of(), Map.of(),
          0);
    }
    return FILES.read(run.metricsFile());
  }
}
