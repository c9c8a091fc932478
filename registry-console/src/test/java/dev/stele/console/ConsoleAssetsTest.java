package dev.stele.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class ConsoleAssetsTest {
  private static final Path SOURCES = Path.of("src/main/resources/dev/stele/console/ui");
  /** README "Web console": what a first visit downloads, compressed. */
  private static final long BUDGET_BYTES = 300 * 1024;

  private final ConsoleAssets assets = ConsoleAssets.load();

  @Test
  void theManifestListsEveryFileInTheDirectoryAndNothingElse() throws IOException {
    List<String> onDisk;
    try (Stream<Path> files = Files.walk(SOURCES)) {
      onDisk = files.filter(Files::isRegularFile).map(p -> SOURCES.relativize(p).toString().replace('\\', '/'))
          .filter(p -> !p.equals(ConsoleAssets.MANIFEST)).sorted().toList();
    }
    assertThat(listed().stream().sorted().toList()).isEqualTo(onDisk);
    assertThat(onDisk).contains("index.html", "js/main.js", "app.css");
  }

  private static List<String> listed() throws IOException {
    return Files.readAllLines(SOURCES.resolve(ConsoleAssets.MANIFEST)).stream()
        .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
  }

  @Test
  void thePageNamesTheVersionedPrefixAndEveryFileItLinksExists() {
    String page = new String(assets.page().bytes(), StandardCharsets.UTF_8);
    assertThat(page).doesNotContain(ConsoleAssets.PLACEHOLDER)
        .contains("src=\"a/" + assets.version() + "/js/main.js\"")
        .contains("href=\"a/" + assets.version() + "/app.css\"");
    assertThat(assets.file("js/main.js")).isPresent();
    assertThat(assets.file("app.css")).isPresent();
    assertThat(assets.file("index.html")).as("the page is served at /ui/ only").isEmpty();
    assertThat(assets.file("../pom.xml")).isEmpty();
  }

  @Test
  void everyModuleImportResolvesToAListedFile() throws IOException {
    // No bundler checks the imports: a typo would only show in a browser.
    List<String> modules = listed().stream().filter(p -> p.endsWith(".js")).toList();
    assertThat(modules).contains("js/main.js", "js/pages/compare.js");
    for (String path : modules) {
      String text = new String(assets.file(path).orElseThrow().bytes(), StandardCharsets.UTF_8);
      var imports = java.util.regex.Pattern.compile("from '(\\.[^']+)'").matcher(text);
      while (imports.find()) {
        String target = Path.of(path).resolveSibling(imports.group(1)).normalize().toString().replace('\\', '/');
        assertThat(assets.file(target)).as(path + " imports " + imports.group(1)).isPresent();
      }
    }
  }

  @Test
  void contentTypesAndGzipForms() throws IOException {
    assertThat(assets.page().contentType()).isEqualTo("text/html; charset=utf-8");
    assertThat(assets.file("js/main.js").orElseThrow().contentType()).isEqualTo("text/javascript; charset=utf-8");
    assertThat(assets.file("app.css").orElseThrow().contentType()).isEqualTo("text/css; charset=utf-8");
    assertThat(assets.file("icon.svg").orElseThrow().contentType()).isEqualTo("image/svg+xml");
    ConsoleAssets.Asset main = assets.file("js/main.js").orElseThrow();
    assertThat(main.gzipped()).isNotNull();
    assertThat(main.gzipped().length).isLessThan(main.bytes().length);
    try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(main.gzipped()))) {
      assertThat(in.readAllBytes()).isEqualTo(main.bytes());
    }
    assertThat(main.etag()).matches("\"[0-9a-f]{16}\"");
  }

  @Test
  void theWholeConsoleStaysWithinItsSizeBudget() {
    assertThat(assets.compressedBytes()).isPositive().isLessThanOrEqualTo(BUDGET_BYTES);
  }

  @Test
  void theVersionIsStableForTheSameFiles() {
    assertThat(ConsoleAssets.load().version()).isEqualTo(assets.version()).matches("[0-9a-f]{12}");
  }
}
