package dev.diaharness.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diaharness.run.RunDirectory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * Optional browser check: opens report.html in headless Chromium (Debian package {@code chromium}) and fails on a
 * console error or an uncaught script error. Runs only where {@code /usr/bin/chromium} exists; elsewhere the XML
 * well-formedness and no-external-reference checks of the other report tests stand in for it.
 */
@EnabledIf("chromiumInstalled")
class ChromiumRenderTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  @TempDir Path temp;

  static boolean chromiumInstalled() {
    return Files.isExecutable(CHROMIUM);
  }

  @Test
  void reportRendersWithoutConsoleErrors() throws Exception {
    RunDirectory dir = RunFixtures.optimizeRun(temp);
    Path html = ReportService.write(dir).html();
    Path log = temp.resolve("chromium.log");
    Process p = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--no-first-run", "--user-data-dir=" + temp.resolve("profile"), "--enable-logging=stderr", "--v=0",
        "--dump-dom", html.toUri().toString())
        .redirectError(log.toFile()).redirectOutput(temp.resolve("dom.html").toFile()).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("chromium finished").isTrue();
    String console = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(console).doesNotContain("Uncaught").doesNotContainPattern("CONSOLE.*(Error|error)");
    assertThat(Files.readString(temp.resolve("dom.html"))).contains("<main>", "Summary");
  }
}
