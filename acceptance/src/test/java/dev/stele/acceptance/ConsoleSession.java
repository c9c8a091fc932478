package dev.stele.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stele.testkit.server.ChildJvm;
import dev.stele.testkit.server.SecuredServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

/**
 * What the console's tests share, as a JUnit extension each test class registers in a static
 * field: before the class, a server process with Basic users and bearer tokens
 * ({@link ConsoleUsers}) in a directory of its own and a headless Chromium; before each test,
 * signed out; after the class, both stopped and the directory removed. Also the steps every test
 * takes (signing in through the page, registering through the API) and the schemas they share.
 */
final class ConsoleSession implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {
  static final String ORDER_V1 = """
      {"type":"record","name":"Order","namespace":"shop","fields":[{"name":"id","type":"int"}]}""";
  static final String ORDER_V2 = """
      {"type":"record","name":"Order","namespace":"shop","fields":[{"name":"id","type":"int"},\
      {"name":"note","type":"string","default":""}]}""";

  Path work;
  SecuredServer server;
  String url;
  Browser browser;
  String patToken;
  Http admin;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    work = Files.createTempDirectory("stele-console");
    ConsoleUsers users = ConsoleUsers.write(work);
    url = "http://127.0.0.1:" + ChildJvm.freePort();
    Path properties = work.resolve("stele.properties");
    Files.writeString(properties, String.join("\n", "listeners=" + url,
        "stele.data.dir=" + work.resolve("data"), "authentication.method=BEARER",
        "stele.auth.jwt.public.key.file=" + users.pem(),
        "authentication.realm=Stele", "stele.auth.users.file=" + users.usersFile(), ""));
    server = SecuredServer.start(work, properties);
    patToken = users.patToken();
    admin = new Http(url).withAuthorization(ConsoleUsers.basic("admin"));
    browser = Browser.start(1280, 900);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    signOut();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    try {
      if (browser != null) {
        browser.close();
      }
    } finally {
      if (server != null) {
        server.close();
      }
      try (Stream<Path> files = Files.walk(work)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(file);
        }
      }
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
}
