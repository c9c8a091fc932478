package dev.stele.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The web console at /ui in a real headless Chromium, against a server process with Basic
 * authentication and bearer tokens: alice's rules let her read and write {@code alice-*} only,
 * the admin everything, a token with the role payments read {@code alice-payments*}.
 * Signing in, the per-user subject list and search, a subject's page, a schema's page, the diff
 * of two versions with the registry's verdict, the look-up by id, deep links through the sign-in,
 * and the main pages at a phone's width.
 */
class ConsoleAcceptanceTest {
  private static final String ORDER_V1 = ConsoleSession.ORDER_V1;
  private static final String ORDER_V2 = ConsoleSession.ORDER_V2;
  /** id's type changed: incompatible with v2 whichever way round. */
  private static final String ORDER_V3 = """
      {"type":"record","name":"Order","namespace":"shop","fields":[{"name":"id","type":"string"},\
      {"name":"note","type":"string","default":""}]}""";

  @RegisterExtension static final ConsoleSession session = new ConsoleSession();
  private static String url;
  private static Browser browser;
  private static int orderV1Id;
  private static int paymentId;
  private static String patToken;

  @BeforeAll
  static void startServerWithSubjects() throws Exception {
    url = session.url;
    browser = session.browser;
    patToken = session.patToken;

    Http admin = session.admin;
    orderV1Id = register("alice-orders-value", ORDER_V1, null);
    register("alice-orders-value", ORDER_V2, null);
    admin.ok("PUT", "/config/alice-orders-value", Map.of("compatibility", "NONE"));
    register("alice-orders-value", ORDER_V3, null);
    admin.ok("PUT", "/config/alice-orders-value", Map.of("compatibility", "FULL"));
    register("alice-common", """
        {"type":"record","name":"Money","namespace":"shop","fields":[{"name":"cents","type":"long"}]}""", null);
    paymentId = register("alice-payments-value", """
        {"type":"record","name":"Payment","namespace":"shop","fields":[{"name":"amount","type":"shop.Money"}]}""",
        List.of(Map.of("name", "shop.Money", "subject", "alice-common", "version", 1)));
    register("alice-retired-value", """
        {"type":"record","name":"Retired","fields":[{"name":"at","type":"long"}]}""", null);
    admin.ok("DELETE", "/subjects/alice-retired-value", null);
    register("bob-secrets-value", """
        {"type":"record","name":"Secret","fields":[{"name":"password","type":"string"}]}""", null);
  }

  @Test
  void theSignInPageAsksForAUserOrAToken() {
    browser.open(url + "/ui/");
    browser.awaitElement("#user");
    browser.screenshot("signin");
    browser.driver().findElement(By.id("kind-token")).click();
    assertThat(browser.awaitElement("#token").isDisplayed()).isTrue();
    assertThat(browser.driver().findElement(By.id("user")).isDisplayed()).isFalse();
  }

  @Test
  void aliceSeesOnlyTheSubjectsHerRulesLetHerRead() {
    signIn("#/subjects", "alice");

    List<String> shown = awaitSubjects(3);
    assertThat(shown).containsExactly("alice-common", "alice-orders-value", "alice-payments-value");
    assertThat(browser.driver().findElement(By.id("who")).getText()).isEqualTo("Signed in as alice");

    WebElement search = browser.driver().findElement(By.id("subject-search"));
    search.sendKeys("pay");
    browser.await("the search to narrow the list", d -> browser.texts("#subject-list a").equals(List.of("alice-payments-value")));
    assertThat(browser.driver().getCurrentUrl()).endsWith("#/subjects?q=pay");
    assertThat(browser.text()).contains("1–1 of 1 subject (3 in all)");
    search.clear();
    search.sendKeys("alice");
    awaitSubjects(3);
    browser.screenshot("subjects");
  }

  @Test
  void aBearerTokenSignsInWithItsRoles() {
    browser.open(url + "/ui/#/subjects");
    browser.awaitElement("#kind-token").click();
    browser.awaitElement("#token").sendKeys(patToken);
    browser.driver().findElement(By.cssSelector("form.signin button[type=submit]")).click();

    assertThat(awaitSubjects(1)).containsExactly("alice-payments-value");
    assertThat(browser.driver().findElement(By.id("who")).getText()).isEqualTo("Signed in as pat");
    browser.driver().findElement(By.linkText("alice-payments-value")).click();
    browser.awaitText("You may\nread");
    assertThat(browser.text()).doesNotContain("read, write");
  }

  @Test
  void aForgedTokenIsRefused() {
    browser.open(url + "/ui/#/subjects");
    browser.awaitElement("#kind-token").click();
    String[] parts = patToken.split("\\.");
    browser.awaitElement("#token").sendKeys(parts[0] + "." + parts[1] + ".AAAA" + parts[2].substring(4));
    browser.driver().findElement(By.cssSelector("form.signin button[type=submit]")).click();
    browser.awaitText("The token was refused.");
  }

  @Test
  void softDeletedSubjectsAreShownOnRequest() {
    signIn("#/subjects", "alice");
    awaitSubjects(3);
    browser.driver().findElement(By.id("show-deleted")).click();
    assertThat(awaitSubjects(4)).contains("alice-retired-value");

    browser.driver().findElement(By.linkText("alice-retired-value")).click();
    browser.awaitElement("#versions");
    assertThat(browser.texts("#versions tbody tr")).singleElement().asString().startsWith("v1 soft-deleted");
    browser.driver().findElement(By.linkText("v1")).click();
    browser.awaitText("alice-retired-value v1");
    assertThat(browser.text()).contains("\"name\": \"Retired\"");
  }

  @Test
  void aFieldSearchFindsSubjectsByAFieldAmongThoseTheUserMayRead() {
    signIn("#/subjects", "alice");
    awaitSubjects(3);
    new Select(browser.driver().findElement(By.id("field-in"))).selectByVisibleText("name");
    browser.driver().findElement(By.id("field-search")).sendKeys("CENTS", Keys.ENTER);
    browser.await("the matches", d -> !browser.texts("#field-results > li").isEmpty());
    assertThat(browser.driver().getCurrentUrl()).endsWith("#/fields?q=CENTS&in=name");
    // The payment's field is of the referenced type, whose fields it holds.
    assertThat(browser.texts("#field-results > li > a")).containsExactly("alice-common v1", "alice-payments-value v1");
    assertThat(browser.texts("#field-results .fields li")).containsOnly("shop.Money.cents: long");
    browser.screenshot("fields");

    session.open("#/fields?q=password");
    browser.awaitText("No subject you may read has such a field");
    session.signOut();
    signIn("#/fields?q=password", "admin");
    browser.await("the admin's match", d -> browser.texts("#field-results > li > a").equals(List.of("bob-secrets-value v1")));
    session.open("#/fields?q=long&in=type");
    // alice-retired-value has a long too, but no live version: not found.
    browser.await("a search by type", d -> browser.texts("#field-results > li > a")
        .equals(List.of("alice-common v1", "alice-payments-value v1")));
  }

  @Test
  void theAdminSeesEverySubject() {
    signIn("#/subjects", "admin");
    assertThat(awaitSubjects(4)).contains("bob-secrets-value");
  }

  @Test
  void aWrongPasswordIsRefusedOnThePage() {
    browser.open(url + "/ui/#/signin");
    browser.awaitElement("#user").sendKeys("alice");
    browser.driver().findElement(By.id("password")).sendKeys("not-her-password");
    browser.driver().findElement(By.cssSelector("form.signin button[type=submit]")).click();
    browser.await("the refusal", d -> browser.text().contains("Wrong user name or password."));
    assertThat(browser.script("return sessionStorage.length")).isEqualTo(0L);
  }

  @Test
  void aDeepLinkOpensItsPageOnceSignedIn() {
    browser.open(url + "/ui/#/subjects/alice-orders-value/versions/2");
    browser.awaitElement("#user");
    assertThat(browser.driver().getCurrentUrl()).contains("#/signin?next=");
    fillSignIn("alice");

    browser.awaitText("alice-orders-value v2");
    assertThat(browser.driver().getCurrentUrl()).endsWith("#/subjects/alice-orders-value/versions/2");
    assertThat(browser.text()).contains("\"name\": \"note\"", "\"default\": \"\"");
  }

  @Test
  void anotherUsersSubjectDoesNotExistForAlice() {
    signIn("#/subjects/bob-secrets-value", "alice");
    browser.awaitText("Something went wrong");
    assertThat(browser.text()).contains("40401").doesNotContain("password");
  }

  @Test
  void theSubjectPageShowsVersionsIdsConfigModeAndRights() {
    signIn("#/subjects/alice-orders-value", "alice");
    browser.awaitElement("#versions");

    List<String> rows = browser.texts("#versions tbody tr");
    assertThat(rows).hasSize(3);
    assertThat(rows.get(2)).startsWith("v1 " + orderV1Id + " AVRO");
    assertThat(browser.text()).contains("Compatibility (effective)\nFULL", "Compatibility (this subject)\nFULL",
        "Mode (effective)\nREADWRITE", "You may\nread, write");
    browser.screenshot("subject");
  }

  @Test
  void referencesAndReferencedByLinkBothWays() {
    signIn("#/subjects/alice-payments-value", "alice");
    browser.awaitText("shop.Money → alice-common v1");
    assertThat(browser.text()).contains("Compatibility (this subject)\nnot set", "Compatibility (effective)\nBACKWARD");

    // The version's page writes the referenced type out in place on request.
    browser.driver().findElement(By.linkText("v1")).click();
    browser.awaitText("alice-payments-value v1");
    assertThat(browser.text()).doesNotContain("\"cents\"");
    browser.driver().findElement(By.cssSelector("button[data-view=resolved]")).click();
    browser.await("the referenced type inlined", d -> browser.text().contains("\"name\": \"cents\""));
    browser.driver().navigate().back();
    browser.awaitText("shop.Money → alice-common v1");

    browser.driver().findElement(By.linkText("alice-common v1")).click();
    browser.awaitText("alice-common v1");
    browser.driver().findElement(By.linkText("alice-common")).click();
    browser.awaitText("Referenced by");
    browser.await("the referring id", d -> !d.findElements(By.linkText("id " + paymentId)).isEmpty());
  }

  @Test
  void theDiffShowsTheVerdictBothWaysWithTheMessageAtTheChangedLine() {
    signIn("#/subjects/alice-orders-value/compare?a=2&b=3", "alice");
    WebElement forward = browser.awaitElement("#verdict-forward");

    assertThat(forward.getText()).startsWith("v3 registered after v2: incompatible").contains("TYPE_MISMATCH");
    assertThat(browser.driver().findElement(By.id("verdict-backward")).getText())
        .startsWith("v2 registered after v3: incompatible");
    assertThat(browser.texts("#diff tr.changed")).singleElement().asString()
        .contains("\"type\": \"int\"").contains("\"type\": \"string\"");
    // The message sits right under the line its path ('/fields/0/type') points to.
    List<String> notes = browser.texts("#diff tr.changed + tr.note");
    assertThat(notes).isNotEmpty();
    assertThat(notes.get(0)).contains("TYPE_MISMATCH", "/fields/0/type");
    assertThat(browser.text()).contains("Compatibility at FULL");
    browser.screenshot("compare");
  }

  @Test
  void aCompatiblePairSaysSo() {
    signIn("#/subjects/alice-orders-value", "alice");
    browser.awaitElement("#versions");
    browser.driver().findElement(By.cssSelector("a[href$='compare?a=1&b=2']")).click();
    assertThat(browser.awaitElement("#verdict-forward").getText()).isEqualTo("v2 registered after v1: compatible");
    assertThat(browser.texts("#diff tr.added")).anySatisfy(row -> assertThat(row).contains("\"name\": \"note\""));
    assertThat(browser.texts("#diff tr.note")).as("no message on a compatible pair").isEmpty();
  }

  @Test
  void aSchemaIsLookedUpById() {
    signIn("#/lookup", "alice");
    WebElement id = browser.awaitElement("#schema-id");
    id.sendKeys(Integer.toString(orderV1Id));
    id.submit();

    browser.awaitText("Schema id " + orderV1Id);
    assertThat(browser.driver().getCurrentUrl()).endsWith("#/schemas/" + orderV1Id);
    assertThat(browser.texts("#used-by a")).containsExactly("alice-orders-value v1");
    assertThat(browser.text()).contains("\"name\": \"Order\"");
  }

  @Test
  void theSchemaPageOffersBothFormsAndCopy() {
    signIn("#/subjects/alice-orders-value/versions/1", "alice");
    browser.awaitText("alice-orders-value v1");
    assertThat(browser.text()).contains("\"namespace\": \"shop\"");
    browser.screenshot("schema");

    browser.driver().findElement(By.cssSelector("button[data-view=raw]")).click();
    browser.await("the schema as registered", d -> browser.text().contains(ORDER_V1.strip()));
    browser.driver().findElement(By.id("copy")).click();
    browser.await("the copy to be reported", d -> browser.text().contains("Copied.") || browser.text().contains("select the text"));
    browser.driver().findElement(By.cssSelector("button[data-view=normalized]")).click();
    browser.await("the normalized form", d -> "true".equals(d.findElement(By.cssSelector("button[data-view=normalized]"))
        .getAttribute("aria-pressed")));
    assertThat(browser.text()).contains("\"name\": \"Order\"");
  }

  @Test
  void theMainPagesFitAPhonesWidth() {
    signIn("#/subjects", "alice");
    awaitSubjects(3);
    browser.driver().manage().window().setSize(new Dimension(390, 844));
    for (String hash : List.of("#/subjects", "#/subjects/alice-orders-value", "#/subjects/alice-orders-value/versions/3",
        "#/subjects/alice-orders-value/compare?a=2&b=3", "#/schemas/" + orderV1Id,
        "#/subjects/alice-orders-value/check", "#/fields?q=id")) {
      browser.open(url + "/ui/" + hash);
      browser.await("the page " + hash, d -> !browser.text().contains("Loading…") && !d.findElements(By.cssSelector("main h1")).isEmpty());
      long inner = (Long) browser.script("return window.innerWidth");
      long scroll = (Long) browser.script("return document.documentElement.scrollWidth");
      assertThat(inner).isLessThanOrEqualTo(390);
      assertThat(scroll).as("the page's width at " + hash).isLessThanOrEqualTo(inner);
      browser.screenshot("phone-" + hash.replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", ""));
    }
  }

  @Test
  void theKeyboardReachesSearchRowsAndPages() {
    signIn("#/subjects", "alice");
    awaitSubjects(3);
    WebElement body = browser.driver().findElement(By.tagName("body"));

    body.sendKeys("/");
    assertThat(browser.script("return document.activeElement.id")).isEqualTo("subject-search");
    browser.driver().switchTo().activeElement().sendKeys("orders", Keys.ESCAPE);
    browser.await("the search to narrow the list", d -> browser.texts("#subject-list a").size() == 1);
    body.sendKeys("j");
    assertThat(browser.driver().switchTo().activeElement().getText()).isEqualTo("alice-orders-value");
    browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
    browser.awaitElement("#versions");
    assertThat(browser.driver().getCurrentUrl()).endsWith("#/subjects/alice-orders-value");

    browser.driver().findElement(By.tagName("body")).sendKeys("g", "l");
    browser.awaitElement("#schema-id");
    assertThat(browser.driver().getCurrentUrl()).endsWith("#/lookup");
  }

  @Test
  void aDarkSystemGetsTheDarkTheme() {
    browser.colorScheme("dark");
    try {
      signIn("#/subjects/alice-orders-value/compare?a=2&b=3", "alice");
      browser.awaitElement("#verdict-forward");
      assertThat(browser.luminance("body", "background-color")).isLessThan(0.1);
      assertThat(browser.luminance("body", "color")).isGreaterThan(0.6);
      browser.screenshot("compare-dark");
    } finally {
      browser.colorScheme("light");
    }
    browser.open(url + "/ui/#/lookup");
    browser.awaitElement("h1");
    assertThat(browser.luminance("body", "background-color")).isGreaterThan(0.8);
  }

  private static void signIn(String hash, String user) {
    session.signIn(hash, user);
  }

  private static void fillSignIn(String user) {
    session.fillSignIn(user);
  }

  private static List<String> awaitSubjects(int count) {
    browser.await(count + " subjects listed", d -> browser.texts("#subject-list a").size() == count);
    return browser.texts("#subject-list a");
  }

  private static int register(String subject, String schema, List<Map<String, Object>> references)
      throws Exception {
    return session.register(subject, schema, references);
  }
}
