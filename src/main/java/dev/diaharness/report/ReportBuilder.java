package dev.diaharness.report;

import dev.diaharness.optimize.Trajectory;
import dev.diaharness.report.chart.ChartResult;
import dev.diaharness.run.RunManifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Assembles the report document of a run from its {@link RunRecord} and its charts: header, summary, charts, one
 * section per iteration, config evolution (optimize runs), recommendations, how to reproduce. Every heading is
 * followed by content. Stateless.
 */
public final class ReportBuilder {
  private ReportBuilder() {}

  public static ReportDocument build(RunRecord run, List<ChartResult> charts) {
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Paragraph("Built from the files of the run folder " + run.root().getFileName()
        + " alone: run.json, metrics.json, the trajectory and the eval rows."));
    blocks.addAll(HeaderSection.blocks(run));
    blocks.addAll(SummarySection.blocks(run));
    blocks.addAll(TagBlocks.blocks(run));
    blocks.addAll(charts(charts));
    blocks.addAll(iterations(run));
    if (run.isOptimization() && !run.iterations().isEmpty()) {
      blocks.addAll(ConfigBlocks.evolution(run));
    }
    blocks.addAll(Recommendations.blocks(run));
    blocks.addAll(reproduce(run));
    String kind = run.isOptimization() ? "Optimization" : "Evaluation";
    return new ReportDocument(kind + " report: " + run.runId(), blocks);
  }

  private static List<Block> charts(List<ChartResult> charts) {
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Heading(2, "Charts"));
    blocks.add(new Block.Paragraph("Drawn from metrics.json and the eval rows; the PNG files are in charts/."));
    for (ChartResult c : charts) {
      if (c.file().isPresent()) {
        blocks.add(new Block.Heading(3, c.title()));
        blocks.add(new Block.Image(c.title(), c.file().get()));
      } else {
        blocks.add(new Block.Paragraph(c.note()));
      }
    }
    return blocks;
  }

  private static List<Block> iterations(RunRecord run) {
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Heading(2, "Iterations"));
    if (run.iterations().isEmpty()) {
      blocks.add(new Block.Paragraph("No iteration was evaluated."));
      return blocks;
    }
    blocks.add(new Block.Paragraph("Per iteration: metrics, flaky questions, every question, failures with "
        + "evidence" + (run.isOptimization() ? ", the evaluated config, the changes proposed from it, and what "
        + "changed since the previous iteration." : ".")));
    for (IterationData it : run.iterations()) {
      blocks.add(new Block.Heading(3, "Iteration " + it.iteration()));
      blocks.addAll(MetricsBlocks.metrics(run, it));
      blocks.addAll(MetricsBlocks.flaky(run, it));
      blocks.addAll(MetricsBlocks.questions(run, it));
      blocks.addAll(FailureBlocks.blocks(run, it));
      it.record().ifPresent(r -> {
        blocks.addAll(ConfigBlocks.config(r));
        run.previous(it.iteration()).ifPresent(p -> {
          blocks.add(new Block.Paragraph("Compared with iteration " + p.iteration() + " (training, paired by "
              + "question):"));
          blocks.add(ConfigBlocks.comparison(r, p.iteration()));
        });
        blocks.addAll(ConfigBlocks.changes(r));
      });
    }
    return blocks;
  }

  private static List<Block> reproduce(RunRecord run) {
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Heading(2, "How to reproduce"));
    Optional<String> commandLine = run.manifest().map(RunManifest::commandLine)
        .or(() -> run.trajectory().map(Trajectory::commandLine)).filter(s -> !s.isBlank());
    if (commandLine.isPresent()) {
      blocks.add(new Block.Paragraph("The exact command line of this run:"));
      blocks.add(new Block.Code("sh", commandLine.get()));
    } else {
      blocks.add(new Block.Paragraph("The command line was not recorded (run.json is missing)."));
    }
    String resultsDir = run.manifest().map(m -> m.flags().get("--results-dir")).orElse(null);
    blocks.add(new Block.Paragraph("Regenerate the charts and this report from the run's files:"));
    blocks.add(new Block.Code("sh", "dia-harness report " + (resultsDir == null ? "results" : resultsDir) + "/"
        + run.root().getFileName()));
    return blocks;
  }
}
