package dev.stele.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stele.testkit.server.ChildJvm;
import dev.stele.testkit.server.SecuredServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

/**
 * What the console's tests share: a server process with Basic users and bearer tokens
 * ({@link ConsoleUsers}), a headless Chromium, and the steps every test takes (starting signed
 * out, signing in through the page, registering through the API).
 */
final class ConsoleSession implements AutoCloseable {
  final SecuredServer server;
  final String url;
  final Browser browser;
  final String patToken;
  final Http admin;

  private ConsoleSession(SecuredServer server, String url, Browser browser, String patToken) {
    this.server = server;
    this.url = url;
    this.browser = browser;
    this.patToken = patToken;
    this.admin = new Http(url).withAuthorization(ConsoleUsers.basic("admin"));
  }

  static ConsoleSession start(Path work) throws Exception {
    ConsoleUsers users = ConsoleUsers.write(work);
    String url = "http://127.0.0.1:" + ChildJvm.freePort();
    Path properties = work.resolve("stele.properties");
    Files.writeString(properties, String.join("\n", "listeners=" + url,
        "stele.data.dir=" + work.resolve("data"), "authentication.method=BEARER",
        "stele.auth.jwt.public.key.file=" + users.pem(),
        "authentication.realm=Stele", "stele.auth.users.file=" + users.usersFile(), ""));
    SecuredServer server = SecuredServer.start(work, properties);
    try {
      return new ConsoleSession(server, url, Browser.start(1280, 900), users.patToken());
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }

  /** Each test starts signed out: the credentials live in the tab's sessionStorage. */
  void signOut() {
    browser.driver().manage().window().setSize(new Dimension(1280, 900));
    browser.open(url + "/ui/");
    browser.script("sessionStorage.clear()");
    // A page of its own for each test: opening /ui/#/... over /ui/ would only change the hash.
    browser.open("about:blank");
  }

  void open(String hash) {
    browser.open(url + "/ui/" + hash);
  }

  void signIn(String hash, String user) {
    open(hash);
    browser.awaitElement("#user");
    fillSignIn(user);
  }

  void fillSignIn(String user) {
    browser.driver().findElement(By.id("user")).sendKeys(user);
    browser.driver().findElement(By.id("password")).sendKeys(user + "-secret");
    browser.driver().findElement(By.cssSelector("form.signin button[type=submit]")).click();
    browser.await("the sign-in to go through", d -> !d.getCurrentUrl().contains("#/signin"));
  }

  /** Registers through the API as the admin; answers the id. */
  int register(String subject, String schema, List<Map<String, Object>> references) throws Exception {
    Map<String, Object> body = references == null ? Map.of("schema", schema)
        : Map.of("schema", schema, "references", references);
    JsonNode answer = admin.ok("POST", "/subjects/" + subject + "/versions", body);
    return answer.get("id").asInt();
  }

  @Override
  public void close() {
    try {
      browser.close();
    } finally {
      server.close();
    }
  }
}
