package dev.diaharness.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diaharness.run.RunDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Browser check: opens report.html in headless Chromium (Debian package {@code chromium}), runs its script and fails
 * on any console message or uncaught script error. Where Chromium is missing the test is skipped on a developer's
 * machine but fails in CI (environment variable {@code CI} set), since {@code .ci/run} installs it: a test skipped in
 * CI would be a test we do not have.
 */
class ChromiumRenderTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  /** Headless as root in a container: no sandbox, no GPU, no network or profile side traffic. */
  static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
      "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--enable-logging=stderr", "--v=0");

  /** Clicks the first sortable header after the report's own script has run, so the dump shows that it worked. */
  static final String CLICK_FIRST_HEADER =
      "<script>document.querySelector('table.sortable th').click();</script>\n</body>";

  @TempDir Path temp;

  @BeforeAll
  static void chromiumIsThere() {
    boolean installed = Files.isExecutable(CHROMIUM);
    boolean ci = !System.getenv().getOrDefault("CI", "").isBlank();
    org.junit.jupiter.api.Assumptions.assumeTrue(installed || ci,
        CHROMIUM + " is not installed (Debian package chromium); in CI this test fails instead");
    assertThat(installed).as(CHROMIUM + " is missing in CI: .ci/run installs it with apt-get install -y chromium")
        .isTrue();
  }

  @Test
  void reportRendersAndSortsWithoutConsoleMessages() throws Exception {
    RunDirectory dir = RunFixtures.optimizeRun(temp);
    Path html = ReportService.write(dir).html();
    String page = Files.readString(html, StandardCharsets.UTF_8);
    assertThat(page).contains("class=\"sortable\"").contains("</body>");
    Path clicked = html.resolveSibling("clicked.html");
    Files.writeString(clicked, page.replace("</body>", CLICK_FIRST_HEADER), StandardCharsets.UTF_8);

    Rendered rendered = render(clicked);
    assertThat(rendered.consoleLines()).as("console output of the report").isEmpty();
    assertThat(rendered.dom()).contains("<main>", "Summary").contains("data-order=\"asc\"");
  }

  /** The check itself: a page with a console message and a script error must not pass as clean. */
  @Test
  void seesConsoleMessagesAndScriptErrors() throws Exception {
    Path bad = temp.resolve("bad.html");
    Files.writeString(bad, "<html><body><main>x</main><script>console.error('boom'); notDefined();</script>"
        + "</body></html>");
    Rendered rendered = render(bad);
    assertThat(rendered.consoleLines()).anyMatch(l -> l.contains("boom"))
        .anyMatch(l -> l.contains("Uncaught ReferenceError"));
  }

  /** The DOM after scripts ran, and Chromium's console lines (their level is not printed, so any line counts). */
  record Rendered(String dom, List<String> consoleLines) {}

  Rendered render(Path html) throws IOException, InterruptedException {
    Path work = Files.createTempDirectory(temp, "chromium");
    Path log = work.resolve("chromium.log");
    Path dom = work.resolve("dom.html");
    List<String> command = new java.util.ArrayList<>();
    command.add(CHROMIUM.toString());
    command.addAll(FLAGS);
    command.add("--user-data-dir=" + work.resolve("profile")); // fresh profile: no state from another run
    command.add("--dump-dom");
    command.add(html.toUri().toString());
    Process p = new ProcessBuilder(command).redirectError(log.toFile()).redirectOutput(dom.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish within 120 s; log: " + Files.readString(log));
    }
    List<String> console = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
        .filter(l -> l.contains(":CONSOLE")).toList();
    return new Rendered(Files.readString(dom, StandardCharsets.UTF_8), console);
  }
}
