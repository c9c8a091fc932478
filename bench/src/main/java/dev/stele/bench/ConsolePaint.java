package dev.stele.bench;

import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * {@code console}: how long the web console's subjects page takes to paint, in Debian's headless
 * Chromium: from the navigation's start until the frame after the list is drawn (the console
 * marks {@code stele:painted} then), with the server's whole subject list fetched, sorted and
 * filtered. The first load fetches every file; the later ones find them in the cache, as a
 * returning user does (the page itself is revalidated each time).
 */
final class ConsolePaint {
  private static final double TARGET_MS = 1000;

  private ConsolePaint() {}

  static boolean run(Http http, Args args) {
    String url = args.string("url", "http://127.0.0.1:8081");
    int runs = args.integer("runs", 5);
    String query = args.string("query", "");
    ChromeOptions options = new ChromeOptions()
        .setBinary(new File(args.string("chromium", "/usr/bin/chromium")))
        .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
            "--window-size=1280,900");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(args.string("chromedriver", "/usr/bin/chromedriver")))
        .usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    try {
      List<Double> paints = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        driver.get("about:blank");
        driver.get(url + "/ui/#/subjects" + (query.isEmpty() ? "" : "?q=" + query));
        Object painted = new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> driver.executeScript(
            "const m = performance.getEntriesByName('stele:painted'); return m.length ? m[0].startTime : null"));
        @SuppressWarnings("unchecked")
        Map<String, Object> fetch = (Map<String, Object>) driver.executeScript("""
            const r = performance.getEntriesByType('resource').find(e => new URL(e.name).pathname === '/subjects');
            return r ? {ms: r.responseEnd - r.startTime, bytes: r.encodedBodySize} : {ms: -1, bytes: -1};""");
        String shown = (String) driver.executeScript("return document.getElementById('subject-count').textContent");
        double ms = ((Number) painted).doubleValue();
        paints.add(ms);
        System.out.println(LoadMain.format("run %d (%s): painted at %.0f ms; GET /subjects %.0f ms, %,d bytes; %s",
            i + 1, i == 0 ? "cold cache" : "warm cache", ms, ((Number) fetch.get("ms")).doubleValue(),
            ((Number) fetch.get("bytes")).longValue(), shown));
      }
      List<Double> warm = paints.subList(Math.min(1, paints.size()), paints.size());
      double worst = paints.stream().mapToDouble(Double::doubleValue).max().orElse(0);
      double warmMedian = warm.isEmpty() ? worst : warm.stream().sorted().toList().get(warm.size() / 2);
      System.out.println(LoadMain.format("subjects page: cold %.0f ms, warm median %.0f ms, worst %.0f ms; target <= %.0f ms: %s",
          paints.get(0), warmMedian, worst, TARGET_MS, worst <= TARGET_MS ? "met" : "MISSED"));
      return true;
    } finally {
      driver.quit();
    }
  }
}
