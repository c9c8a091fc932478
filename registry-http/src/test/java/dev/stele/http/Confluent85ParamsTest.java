package dev.stele.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Confluent 8.5's parameters and answer fields: references resolved and answered in the
 * referrer's context ({@code referenceFormat}), {@code force} and {@code format} on register and
 * lookup, {@code ts} and {@code deleted} in answers that carry a version.
 */
class Confluent85ParamsTest extends HttpTestBase {
  private static final String ADDRESS = "{\"schema\": \"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"Address\\\","
      + "\\\"fields\\\":[{\\\"name\\\":\\\"street\\\",\\\"type\\\":\\\"string\\\"}]}\"}";
  private static final String ORDER_TEXT = "{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"Order\\\","
      + "\\\"fields\\\":[{\\\"name\\\":\\\"to\\\",\\\"type\\\":\\\"Address\\\"}]}";
  private static final String ORDER = "{\"schema\": \"" + ORDER_TEXT + "\", \"references\": "
      + "[{\"name\": \"Address\", \"subject\": \"address-value\", \"version\": 1}]}";

  private int orderInContext() {
    assertThat(post("/subjects/:.ctx:address-value/versions", ADDRESS).status()).isEqualTo(200);
    Reply order = post("/subjects/:.ctx:order-value/versions", ORDER);
    assertThat(order.status()).as(order.body()).isEqualTo(200);
    return order.json().get("id").asInt();
  }

  @Test
  void referencesResolveInTheReferrersContext() {
    int order = orderInContext();
    assertJson(get("/subjects/:.ctx:address-value/versions/1/referencedby"), 200, "[" + order + "]");
    assertThat(post("/subjects/:.ctx:order-value", ORDER).json().get("id").asInt()).isEqualTo(order);
    assertJson(post("/compatibility/subjects/:.ctx:order-value/versions/latest", ORDER), 200,
        "{\"is_compatible\":true}");
    assertError(delete("/subjects/:.ctx:address-value/versions/1"), 422, 42206);
    // In the default context the same reference names the default context's subject: none here.
    assertError(post("/subjects/order-value/versions", ORDER), 422, 42201);
  }

  @Test
  void referenceFormatQualifiedAnswersEachReferenceWithItsContext() {
    int order = orderInContext();
    String asStored = "[{\"name\":\"Address\",\"subject\":\"address-value\",\"version\":1}]";
    String qualified = "[{\"name\":\"Address\",\"subject\":\":.ctx:address-value\",\"version\":1}]";
    assertThat(get("/subjects/:.ctx:order-value/versions/1").json().get("references"))
        .isEqualTo(json(asStored));
    assertThat(get("/subjects/:.ctx:order-value/versions/1?referenceFormat=qualified").json()
        .get("references")).isEqualTo(json(qualified));
    assertThat(get("/schemas/ids/" + order + "?subject=:.ctx:order-value&referenceFormat=qualified")
        .json().get("references")).isEqualTo(json(qualified));
    // Without it, the references are answered as stored.
    assertThat(get("/schemas/ids/" + order + "?subject=:.ctx:order-value").json().get("references"))
        .isEqualTo(json(asStored));
  }

  @Test
  void forceRegistersWithoutTheCompatibilityCheck() {
    assertThat(post("/subjects/s/versions", USER).status()).isEqualTo(200);
    assertError(post("/subjects/s/versions", USER_INT), 409, 409);
    assertThat(post("/subjects/s/versions?force=false", USER_INT).status()).isEqualTo(409);
    assertJson(post("/subjects/s/versions?force=true", USER_INT), 200, "{\"id\":2}");
    assertJson(get("/subjects/s/versions"), 200, "[1,2]");
  }

  @Test
  void formatRendersTheSchemaOfLookupAndRegisterAnswers() {
    orderInContext();
    String resolved = post("/subjects/:.ctx:order-value?format=resolved", ORDER).json().get("schema").asText();
    assertThat(resolved).contains("\"street\"");
    assertThat(post("/subjects/:.ctx:order-value", ORDER).json().get("schema").asText()).doesNotContain("street");
    // A registration answered in full (metadata involved) carries the schema in that format.
    String withMetadata = ORDER.substring(0, ORDER.length() - 1)
        + ", \"metadata\": {\"properties\": {\"owner\": \"x\"}}}";
    Reply registered = post("/subjects/:.ctx:order-value/versions?format=resolved", withMetadata);
    assertThat(registered.status()).as(registered.body()).isEqualTo(200);
    assertThat(registered.json().get("schema").asText()).isEqualTo(resolved);
  }

  @Test
  void theLogicalFormatIsRefusedNotAnsweredNatively() {
    assertThat(post("/subjects/s/versions", STRING).status()).isEqualTo(200);
    String refusal = "format=logical (Confluent's logical types) is not supported by Stele: it has no"
        + " converter between logical types and the schema formats";
    assertError(post("/subjects/s/versions?format=logical", STRING), 422, 42201, refusal);
    assertError(post("/subjects/s?format=LOGICAL", STRING), 422, 42201, refusal);
    assertError(get("/subjects/s/versions/1?format=logical"), 422, 42201, refusal);
    assertError(get("/schemas/ids/1?format=logical"), 422, 42201, refusal);
  }

  @Test
  void versionAnswersCarryTheirTimeAndWhetherTheyAreDeleted() {
    long before = System.currentTimeMillis();
    assertThat(post("/subjects/s/versions", STRING).status()).isEqualTo(200);
    JsonNode version = get("/subjects/s/versions/1").json();
    assertThat(version.get("ts").asLong()).isBetween(before - 1000, System.currentTimeMillis());
    assertThat(version.get("deleted").asBoolean()).isFalse();
    assertThat(post("/subjects/s", STRING).json().get("deleted").isBoolean()).isTrue();
    assertThat(get("/schemas").json().get(0).get("ts").asLong()).isEqualTo(version.get("ts").asLong());
    assertThat(delete("/subjects/s/versions/1").status()).isEqualTo(200);
    assertThat(get("/subjects/s/versions/1?deleted=true").json().get("deleted").asBoolean()).isTrue();
    assertThat(get("/schemas?deleted=true").json().get(0).get("deleted").asBoolean()).isTrue();
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
