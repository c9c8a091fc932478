package dev.stele.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A registry with a bit of everything a restart must keep: versions, a schema shared by two
 * subjects, a reference, soft- and hard-deleted versions and subjects, configs and modes at both
 * scopes, and an IMPORT with an explicit id.
 */
final class RegistryFixture {
  private RegistryFixture() {}

  /** A record schema in Avro's compact form, with one int field per name given. */
  static Map<String, String> schema(String recordName, String... fields) {
    StringBuilder text = new StringBuilder("{\"type\":\"record\",\"name\":\"" + recordName
        + "\",\"fields\":[");
    for (int i = 0; i < fields.length; i++) {
      text.append(i == 0 ? "" : ",").append("{\"name\":\"").append(fields[i])
          .append("\",\"type\":\"int\",\"default\":0}");
    }
    return Map.of("schema", text.append("]}").toString());
  }

  /** Populates the registry and returns every subject name it used (deleted ones too). */
  static Set<String> populate(Http http) throws IOException {
    register(http, "orders-value", schema("Order", "a"));
    register(http, "orders-value", schema("Order", "a", "b"));
    register(http, "orders-value", schema("Order", "a", "b", "c"));
    register(http, "shared-value", schema("Order", "a"));
    register(http, "payments-value", schema("Payment", "x"));
    register(http, "payments-value", schema("Payment", "x", "y"));
    http.ok("DELETE", "/subjects/payments-value/versions/1", null);
    register(http, "users-value", schema("User", "u"));
    http.ok("DELETE", "/subjects/users-value", null);
    register(http, "gone-value", schema("Gone", "g"));
    http.ok("DELETE", "/subjects/gone-value", null);
    http.ok("DELETE", "/subjects/gone-value?permanent=true", null);

    register(http, "address-value", Map.of("schema",
        "{\"type\":\"record\",\"name\":\"Address\",\"namespace\":\"acme\",\"fields\":"
            + "[{\"name\":\"street\",\"type\":\"string\"}]}"));
    register(http, "customer-value", Map.of(
        "schema", "{\"type\":\"record\",\"name\":\"Customer\",\"namespace\":\"acme\",\"fields\":"
            + "[{\"name\":\"home\",\"type\":\"acme.Address\"}]}",
        "references", List.of(Map.of("name", "acme.Address", "subject", "address-value", "version", 1))));

    http.ok("PUT", "/mode/import-value", Map.of("mode", "IMPORT"));
    http.ok("POST", "/subjects/import-value/versions",
        Map.of("schema", schema("Imported", "i").get("schema"), "id", 5000, "version", 3));

    http.ok("PUT", "/config", Map.of("compatibility", "FULL"));
    http.ok("PUT", "/config/orders-value", Map.of("compatibility", "FORWARD_TRANSITIVE"));
    http.ok("PUT", "/config/payments-value", Map.of("compatibility", "NONE", "normalize", true));
    http.ok("PUT", "/mode/payments-value", Map.of("mode", "READONLY"));
    return new TreeSet<>(Set.of("orders-value", "shared-value", "payments-value", "users-value",
        "gone-value", "address-value", "customer-value", "import-value"));
  }

  private static void register(Http http, String subject, Object body) throws IOException {
    http.ok("POST", "/subjects/" + subject + "/versions", body);
  }

  /** The ids in a {@code GET /schemas} answer (status and body as a snapshot holds them). */
  static Set<Integer> ids(String statusAndBody) throws IOException {
    JsonNode list = Http.JSON.readTree(statusAndBody.substring(statusAndBody.indexOf(' ') + 1));
    Set<Integer> ids = new TreeSet<>();
    list.forEach(entry -> ids.add(entry.get("id").asInt()));
    return ids;
  }
}
