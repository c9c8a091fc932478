package dev.stele.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The console's pages that change the registry, or judge a schema before it does, in a real
 * headless Chromium against a secured server process: the compatibility playground at every
 * level, registering a version (and the registry's refusals shown as such), soft and permanent
 * deletes behind a dialog that names what is lost, config and mode editing, the buttons each
 * user's rights give (admin: all; alice: read and write; reader: read only), and the cluster
 * page (admins only).
 */
class ConsoleChangesAcceptanceTest {
  private static final String ORDER_V1 = ConsoleSession.ORDER_V1;
  private static final String ORDER_V2 = ConsoleSession.ORDER_V2;
  /** A field without a default: new readers cannot read v1's data, old readers can read it. */
  private static final String ORDER_TOTAL = """
      {"type":"record","name":"Order","namespace":"shop","fields":[{"name":"id","type":"int"},\
      {"name":"note","type":"string","default":""},{"name":"total","type":"long"}]}""";
  private static final String ORDER_ID_STRING = """
      {"type":"record","name":"Order","namespace":"shop","fields":[{"name":"id","type":"string"}]}""";

  @RegisterExtension static final ConsoleSession session = new ConsoleSession();
  private static Browser browser;

  @BeforeAll
  static void startServerWithSubjects() throws Exception {
    browser = session.browser;
    session.register("alice-orders-value", ORDER_V1, null);
    session.register("alice-orders-value", ORDER_V2, null);
  }

  @Test
  void thePlaygroundJudgesAPastedSchemaAtTheSubjectsLevelAndAtEveryLevel() throws Exception {
    session.signIn("#/subjects/alice-orders-value", "alice");
    browser.awaitElement("#to-playground").click();
    WebElement text = browser.awaitElement("#schema-text");
    assertThat(text.getAttribute("value")).as("the latest version, to edit").isEqualTo(ORDER_V2.strip());
    text.clear();
    text.sendKeys(ORDER_TOTAL);
    browser.driver().findElement(By.id("check")).click();

    WebElement own = browser.awaitElement("#own-verdict");
    assertThat(own.getText()).startsWith("At the subject's level (BACKWARD): incompatible")
        .contains("READER_FIELD_MISSING_DEFAULT_VALUE", "/fields/2");
    assertThat(browser.texts("#levels tbody tr td:first-child")).containsExactly("NONE", "BACKWARD this subject",
        "BACKWARD_TRANSITIVE", "FORWARD", "FORWARD_TRANSITIVE", "FULL", "FULL_TRANSITIVE");
    assertThat(browser.texts("#levels tbody tr td.verdict .word")).containsExactly("compatible", "incompatible",
        "incompatible", "compatible", "compatible", "incompatible", "incompatible");
    assertThat(browser.driver().getCurrentUrl()).endsWith("#/subjects/alice-orders-value/check");
    browser.screenshot("playground");
    assertThat(versions("alice-orders-value")).as("checking writes nothing").isEqualTo("[1,2]");
  }

  @Test
  void anUploadedFileIsJudgedAsItsType() throws Exception {
    Path file = Files.writeString(session.work.resolve("order.avsc"), ORDER_ID_STRING);
    session.signIn("#/subjects/alice-orders-value/check", "alice");
    browser.awaitElement("#schema-file").sendKeys(file.toString());
    browser.await("the file read into the editor", d -> ORDER_ID_STRING.equals(
        d.findElement(By.id("schema-text")).getAttribute("value")));
    assertThat(new Select(browser.driver().findElement(By.id("schema-type"))).getFirstSelectedOption().getText())
        .isEqualTo("AVRO");
    browser.driver().findElement(By.id("check")).click();
    assertThat(browser.awaitElement("#own-verdict").getText()).contains("incompatible", "TYPE_MISMATCH");
  }

  @Test
  void aRefusedRegistrationShowsTheRegistrysWordsAndAnAcceptedOneItsVersion() throws Exception {
    session.register("alice-register-value", ORDER_V1, null);
    session.signIn("#/subjects/alice-register-value", "alice");
    browser.awaitElement("#to-register").click();
    browser.awaitText("Register a new version of alice-register-value");

    type(ORDER_ID_STRING);
    browser.driver().findElement(By.id("register")).click();
    WebElement refusal = browser.awaitElement("#refusal");
    assertThat(refusal.getText()).startsWith("Not registered:")
        .contains("Schema being registered is incompatible with an earlier schema", "TYPE_MISMATCH", "(409)");
    browser.screenshot("register-refused");

    type("{\"type\":\"record\",");
    browser.driver().findElement(By.id("register")).click();
    browser.await("the 422", d -> browser.text().contains("(42201)"));
    assertThat(browser.awaitElement("#refusal").getText()).contains("Invalid schema");

    type(ORDER_V2);
    browser.driver().findElement(By.id("register")).click();
    assertThat(browser.awaitElement("#registered").getText()).startsWith("Registered: alice-register-value v2 (id ");
    browser.driver().findElement(By.linkText("alice-register-value v2")).click();
    browser.awaitText("\"name\": \"note\"");
    assertThat(versions("alice-register-value")).isEqualTo("[1,2]");
  }

  @Test
  void aReadOnlySubjectRefusesARegistrationWithItsCode() throws Exception {
    session.register("alice-frozen-value", ORDER_V1, null);
    session.admin.ok("PUT", "/mode/alice-frozen-value", Map.of("mode", "READONLY"));
    session.signIn("#/subjects/alice-frozen-value/register", "alice");
    type(ORDER_V2);
    browser.awaitElement("#register").click();
    assertThat(browser.awaitElement("#refusal").getText()).contains("(42205)");
  }

  @Test
  void eachUserGetsTheButtonsTheirRightsAllow() {
    session.signIn("#/subjects/alice-orders-value", "reader");
    browser.awaitElement("#versions");
    assertThat(shown("#to-playground", "#to-register", "#delete-subject", "#config-form", "#mode-form"))
        .containsExactly("#to-playground");
    assertThat(browser.text()).contains("You may\nread", "Compatibility (effective)\nBACKWARD");
    session.open("#/subjects/alice-orders-value/versions/1");
    browser.awaitText("alice-orders-value v1");
    assertThat(shown("#delete-version")).isEmpty();
    session.open("#/subjects/alice-orders-value/register");
    browser.awaitElement("#check");
    assertThat(shown("#register")).isEmpty();
    assertThat(browser.text()).contains("Your rights do not let you register versions of this subject.");
    browser.driver().findElement(By.id("nav-settings")).click();
    browser.awaitElement("#read-only");
    assertThat(browser.driver().findElement(By.id("nav-cluster")).isDisplayed()).isFalse();
    assertThat(shown("#config-form", "#mode-form")).isEmpty();

    session.signOut();
    session.signIn("#/subjects/alice-orders-value", "alice");
    browser.awaitElement("#versions");
    assertThat(shown("#to-playground", "#to-register", "#delete-subject", "#config-form", "#mode-form"))
        .containsExactly("#to-playground", "#to-register");
    assertThat(browser.driver().findElement(By.id("nav-settings")).isDisplayed()).as("no global read right").isFalse();

    session.signOut();
    session.signIn("#/subjects/alice-orders-value", "admin");
    browser.awaitElement("#versions");
    assertThat(shown("#to-playground", "#to-register", "#delete-subject", "#config-form", "#mode-form"))
        .containsExactly("#to-playground", "#to-register", "#delete-subject", "#config-form", "#mode-form");
  }

  @Test
  void theDialogNamesWhatIsLostAndCancelKeepsIt() throws Exception {
    int id = session.register("alice-kept-value", ORDER_V1, null);
    session.signIn("#/subjects/alice-kept-value", "admin");
    browser.awaitElement("#delete-subject").click();
    browser.awaitElement("#delete-dialog");
    assertThat(browser.texts("#delete-lost li")).containsExactly("v1 (id " + id + ")");
    assertThat(browser.driver().findElement(By.id("delete-warning")).getText()).startsWith("Soft delete");
    browser.driver().findElement(By.id("delete-permanent")).click();
    assertThat(browser.driver().findElement(By.id("delete-warning")).getText()).contains("This cannot be undone.");
    assertThat(browser.driver().findElement(By.id("delete-confirm")).getText()).isEqualTo("Delete permanently");
    browser.screenshot("delete-dialog");
    browser.driver().findElement(By.id("delete-cancel")).click();
    browser.await("the dialog to close", d -> d.findElements(By.id("delete-dialog")).isEmpty());
    assertThat(versions("alice-kept-value")).isEqualTo("[1]");
  }

  @Test
  void aVersionIsSoftDeletedThenTheSubjectPermanently() throws Exception {
    int v1 = session.register("alice-drop-value", ORDER_V1, null);
    int v2 = session.register("alice-drop-value", ORDER_V2, null);
    session.signIn("#/subjects/alice-drop-value/versions/2", "admin");
    browser.awaitElement("#delete-version").click();
    assertThat(browser.awaitElement("#delete-lost").getText()).isEqualTo("v2 (id " + v2 + ")");
    browser.driver().findElement(By.id("delete-confirm")).click();
    browser.await("the subject page without v2", d -> d.getCurrentUrl().endsWith("#/subjects/alice-drop-value")
        && browser.texts("#versions tbody tr").size() == 1);
    assertThat(versions("alice-drop-value")).isEqualTo("[1]");
    assertThat(session.admin.ok("GET", "/subjects/alice-drop-value/versions?deleted=true", null).toString())
        .as("soft: still there for an admin").isEqualTo("[1,2]");

    browser.awaitElement("#delete-subject").click();
    assertThat(browser.texts("#delete-lost li")).containsExactly("v1 (id " + v1 + ")");
    browser.driver().findElement(By.id("delete-permanent")).click();
    browser.driver().findElement(By.id("delete-confirm")).click();
    browser.await("the subjects page", d -> d.getCurrentUrl().endsWith("#/subjects"));
    assertThat(session.admin.get("/subjects/alice-drop-value/versions?deleted=true").status()).isEqualTo(404);
  }

  @Test
  void theAdminSetsAndClearsASubjectsLevelAndModeAndTheGlobalLevel() throws Exception {
    session.register("alice-tuned-value", ORDER_V1, null);
    session.signIn("#/subjects/alice-tuned-value", "admin");
    browser.awaitElement("#config-form");
    assertThat(browser.text()).contains("Compatibility (this subject)\nnot set");
    save("config", "FULL_TRANSITIVE");
    browser.awaitText("Compatibility (this subject)\nFULL_TRANSITIVE");
    assertThat(browser.text()).contains("Compatibility (effective)\nFULL_TRANSITIVE");
    save("mode", "READONLY");
    browser.awaitText("Mode (this subject)\nREADONLY");
    assertThat(session.admin.ok("GET", "/mode/alice-tuned-value", null).get("mode").asText()).isEqualTo("READONLY");
    save("mode", "not set (inherit)");
    browser.awaitText("Mode (this subject)\nnot set");
    save("config", "not set (inherit)");
    browser.awaitText("Compatibility (effective)\nBACKWARD");

    session.open("#/settings");
    browser.awaitElement("#config-form");
    try {
      save("config", "FORWARD");
      browser.awaitText("Compatibility (global)\nFORWARD");
      browser.screenshot("settings");
      assertThat(session.admin.ok("GET", "/config", null).get("compatibilityLevel").asText()).isEqualTo("FORWARD");
    } finally {
      session.admin.ok("DELETE", "/config", null);
    }
  }

  @Test
  void theSubjectPageShowsTheTagsOfTheLatestVersion() throws Exception {
    session.register("alice-tagged-value", """
        {"type":"record","name":"User","fields":[{"name":"email","type":"string","confluent:tags":["PII"]}]}""", null);
    session.signIn("#/subjects/alice-tagged-value", "reader");
    assertThat(browser.awaitElement("#tags").getText()).isEqualTo("User.email field: PII");
  }

  @Test
  void theClusterPageIsTheAdminsAndTellsTheStoreLeaderAndOffset() throws Exception {
    session.signIn("#/subjects", "admin");
    browser.awaitElement("#nav-cluster").click();
    browser.awaitElement("#cluster-store");
    assertThat(browser.driver().getCurrentUrl()).endsWith("#/cluster");
    assertThat(browser.text()).contains("Store\nembedded (SQLite)", "This node leads\nyes", "This node is ready\nyes",
        "Leader\nthis node");
    long offset = Long.parseLong(browser.driver().findElement(By.id("cluster-offset")).getText());
    assertThat(offset).as("the subjects registered so far are records in the log").isGreaterThan(0);
    // The embedded store's one instance: this node, leading, ready, at the URL it was reached at.
    assertThat(browser.texts("#instances thead th")).containsExactly("Instance", "Role", "State", "May lead",
        "Log offset");
    assertThat(browser.texts("#instances tbody tr")).hasSize(1);
    assertThat(browser.texts("#instances tbody td")).containsExactly(session.url + " this node", "leader", "ready",
        "yes", String.valueOf(offset));
    assertThat(browser.driver().findElements(By.id("instances-problem"))).as("every instance is listed").isEmpty();
    browser.screenshot("cluster");
    browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
    try {
      long inner = (Long) browser.script("return window.innerWidth");
      long scroll = (Long) browser.script("return document.documentElement.scrollWidth");
      assertThat(scroll).as("the cluster page's width on a phone").isLessThanOrEqualTo(inner);
      assertThat(browser.driver().findElement(By.cssSelector("#instances td:nth-child(4)")).isDisplayed())
          .as("whether an instance may lead is shown on a phone too").isTrue();
      browser.screenshot("phone-cluster");
    } finally {
      browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
    }

    session.signOut();
    session.signIn("#/subjects", "reader");
    browser.awaitElement("#subject-list");
    assertThat(browser.driver().findElement(By.id("nav-cluster")).isDisplayed()).isFalse();
    session.open("#/cluster");
    browser.awaitText("Something went wrong");
    assertThat(browser.text()).contains("(403)");
  }

  /** Picks a value of a setting's form and saves it; the page is drawn again. */
  private static void save(String setting, String choice) {
    new Select(browser.awaitElement("#" + setting + "-choice")).selectByVisibleText(choice);
    browser.driver().findElement(By.id(setting + "-save")).click();
    // Read in one script: the page is drawn again once saved, which would stale a held element.
    browser.await("the " + setting + " saved", d -> (Boolean) browser.script(
        "const s = document.getElementById(arguments[0]); return !s || s.textContent !== 'Saving…'", setting + "-status"));
  }

  private static void type(String schema) {
    WebElement text = browser.awaitElement("#schema-text");
    text.clear();
    text.sendKeys(schema);
  }

  /** Which of these elements the page shows, in the order asked. */
  private static List<String> shown(String... css) {
    return java.util.Arrays.stream(css).filter(c -> !browser.driver().findElements(By.cssSelector(c)).isEmpty()).toList();
  }

  private static String versions(String subject) throws Exception {
    return session.admin.ok("GET", "/subjects/" + subject + "/versions", null).toString();
  }
}
