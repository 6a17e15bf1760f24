package dev.diaharness.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diaharness.report.IterationData;
import dev.diaharness.report.RunReader;
import dev.diaharness.report.RunRecord;
import dev.diaharness.run.RunDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A single iteration gets bars, not lines of one point; repeats of one iteration do not sit on top of each other. */
class ChartShapesTest {
  @TempDir Path temp;

  private RunRecord fixture(String name) throws Exception {
    Path source = Path.of("src", "test", "resources", "runs", name);
    Path target = temp.resolve(name);
    try (Stream<Path> files = Files.walk(source)) {
      for (Path p : files.toList()) {
        Path to = target.resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
    return RunReader.read(RunDirectory.open(target));
  }

  @Test
  void oneIterationIsDrawnAsBarsAndSeveralAsLinesWithIntervals() throws Exception {
    RunRecord several = fixture("run_20260301_120000");
    RunRecord one = new RunRecord(several.root(), several.runId(), several.timestamp(), several.manifest(),
        several.metrics(), several.trajectory(), List.of(several.iterations().get(0)));

    assertThat(several.iterations()).hasSizeGreaterThan(1);
    assertThat(AccuracyChart.chart(several).orElseThrow().getPlot()).isInstanceOf(XYPlot.class);
    CategoryPlot bars = (CategoryPlot) AccuracyChart.chart(one).orElseThrow().getPlot();
    IterationData only = one.iterations().get(0);
    assertThat(bars.getDataset().getValue("train", "iteration " + only.iteration()).doubleValue())
        .isEqualTo(only.train().orElseThrow().accuracy() * 100);
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3, 5, 10, 30})
  void repeatsOfOneIterationGetDistinctPlacesNearTheirSplit(int repeats) {
    Set<Double> places = new HashSet<>();
    for (int k = 0; k < repeats; k++) {
      double x = RepeatChart.jitter(k, repeats);
      assertThat(Math.abs(x)).isLessThanOrEqualTo(0.09 + 1e-9);
      places.add(x);
    }
    assertThat(places).hasSize(repeats);
    assertThat(RepeatChart.jitter(0, 1)).isZero();
  }
}
