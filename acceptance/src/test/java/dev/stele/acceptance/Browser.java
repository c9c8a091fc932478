package dev.stele.acceptance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, which
 * .ci/install-deps installs) driven over WebDriver. The driver's path is given, so Selenium
 * never looks for one to download.
 */
final class Browser implements AutoCloseable {
  static final Path CHROMIUM = Path.of(System.getProperty("stele.chromium", "/usr/bin/chromium"));
  static final Path DRIVER = Path.of(System.getProperty("stele.chromedriver", "/usr/bin/chromedriver"));
  /** Pages answer from a local server in milliseconds; this only bounds a broken page. */
  private static final Duration WAIT = Duration.ofSeconds(15);

  private final ChromeDriver driver;

  private Browser(ChromeDriver driver) {
    this.driver = driver;
  }

  static Browser start(int width, int height) {
    for (Path file : List.of(CHROMIUM, DRIVER)) {
      if (!Files.isExecutable(file)) {
        throw new AssertionError(file + " is missing: run .ci/install-deps (apt packages chromium,"
            + " chromium-driver)");
      }
    }
    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
        // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
        .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
            "--window-size=" + width + "," + height, "--lang=en-US");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(width, height));
    return new Browser(driver);
  }

  WebDriver driver() {
    return driver;
  }

  /** Emulates the system's light or dark preference ({@code prefers-color-scheme}). */
  void colorScheme(String scheme) {
    driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
        List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
  }

  void open(String url) {
    driver.get(url);
  }

  /** Waits until {@code condition} gives something other than null or false; returns it. */
  <T> T await(String what, Function<WebDriver, T> condition) {
    try {
      return new WebDriverWait(driver, WAIT).withMessage(what).until(condition);
    } catch (RuntimeException e) {
      throw new AssertionError("waiting for " + what + " at " + driver.getCurrentUrl()
          + "\n--- page text ---\n" + text(), e);
    }
  }

  WebElement awaitElement(String css) {
    return await("an element " + css, d -> {
      List<WebElement> found = d.findElements(By.cssSelector(css));
      return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
    });
  }

  /** Waits for the main area's text to contain {@code text}. */
  void awaitText(String text) {
    await("the text '" + text + "'", d -> text().contains(text));
  }

  String text() {
    List<WebElement> main = driver.findElements(By.id("main"));
    return main.isEmpty() ? driver.getPageSource() : main.get(0).getText();
  }

  /** The texts of the elements {@code css} selects, read at once (a list redrawn meanwhile is not half read). */
  @SuppressWarnings("unchecked")
  List<String> texts(String css) {
    return (List<String>) script("return [...document.querySelectorAll(arguments[0])].map(e => e.innerText.replace(/\t/g, ' '))", css);
  }

  Object script(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /**
   * The pictures the README shows: with {@code -Dstele.console.screenshots=DIR} (e.g. the
   * repository's {@code docs/console}) a run also writes these there, so they are remade by a
   * run rather than by hand.
   */
  private static final java.util.Set<String> PUBLISHED = java.util.Set.of("signin", "subjects", "subject",
      "schema", "compare", "compare-dark", "playground", "register-refused", "delete-dialog", "settings", "fields");

  /**
   * Saves the whole page as {@code name}.png under the build's report directory
   * ({@code console/}), for a person to look at after a run (and, for the README's pictures, in
   * {@code stele.console.screenshots} when set); returns the file.
   */
  Path screenshot(String name) {
    Path dir = Path.of(System.getProperty("stele.report.dir", "target"), "console");
    try {
      Files.createDirectories(dir);
      Path file = dir.resolve(name + ".png");
      // The whole page, not just the window: Chromium's own capture, through the DevTools protocol.
      Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
          Map.of("format", "png", "captureBeyondViewport", true));
      Files.write(file, java.util.Base64.getDecoder().decode((String) shot.get("data")));
      String published = System.getProperty("stele.console.screenshots", "");
      if (!published.isBlank() && PUBLISHED.contains(name)) {
        Files.createDirectories(Path.of(published));
        Files.copy(file, Path.of(published, name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      return file;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The relative luminance (0 black, 1 white) of an element's computed colour property. */
  double luminance(String css, String property) {
    String value = driver.findElement(By.cssSelector(css)).getCssValue(property);
    java.util.regex.Matcher rgb = java.util.regex.Pattern.compile("(\\d+), (\\d+), (\\d+)").matcher(value);
    if (!rgb.find()) {
      throw new AssertionError(property + " is not a colour: " + value);
    }
    double[] channel = new double[3];
    for (int i = 0; i < 3; i++) {
      double c = Integer.parseInt(rgb.group(i + 1)) / 255.0;
      channel[i] = c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * channel[0] + 0.7152 * channel[1] + 0.0722 * channel[2];
  }

  @Override
  public void close() {
    driver.quit();
  }
}
