package dev.stele.acceptance;

import static dev.stele.acceptance.AssociationsAcceptanceTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stele.testkit.server.ServerProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Confluent 8.5's server behaviours around associations on the real server process (issue #13):
 * {@code GET /schemas} filtered by {@code resourceType}, {@code associationType} and
 * {@code lifecycle} (NONE: subjects without one) with each subject's associations in the answer;
 * a STRONG association and a schema reference kept apart from both sides (42206, 42205); and
 * {@code GET /schemas/ids/{id}} naming its version with {@code ?subject=}, with {@code ts} and
 * {@code deleted}.
 */
class AssociationReadsAcceptanceTest {
  private static final String STRING = "{\"type\":\"string\"}";
  private static final String ADDRESS =
      "{\"type\":\"record\",\"name\":\"Address\",\"fields\":[{\"name\":\"street\",\"type\":\"string\"}]}";
  private static final String ORDER = "{\"type\":\"record\",\"name\":\"Order\",\"fields\":"
      + "[{\"name\":\"to\",\"type\":\"Address\"}]}";
  /** A record named Pay, as the STRONG association of the other associations test registers. */
  private static final String PAY = AssociationsAcceptanceTest.RECORD;

  @TempDir Path work;

  @Test
  void schemasAreFilteredByAssociationAndStrongSubjectsAreNotReferenced() throws IOException {
    try (ServerProcess server = ServerProcess.start(work, Map.of())) {
      Http http = new Http(server.url());
      // Its own schema: an id held by another live version would answer that one's deleted.
      int plain = http.ok("POST", "/subjects/plain-value/versions", Map.of("schema", "\"bytes\""))
          .get("id").asInt();
      http.ok("POST", "/subjects/orders-value/versions", Map.of("schema", STRING));
      http.ok("POST", "/associations", Map.of("resourceName", "orders", "resourceNamespace", "lkc-1",
          "resourceId", "topic-id-1", "associations",
          List.of(Map.of("subject", "orders-value", "associationType", "value"))));
      http.ok("POST", "/associations", Map.of("resourceName", "payments", "resourceNamespace", "lkc-1",
          "resourceId", "topic-id-2", "associations", List.of(Map.of("schema", Map.of("schema", PAY)))));

      // Without a filter no entry carries associations; with one, each carries its subject's.
      assertThat(subjects(http, "")).containsExactly(":.lkc-1:payments-value", "orders-value", "plain-value");
      for (JsonNode entry : http.ok("GET", "/schemas", null)) {
        assertThat(entry.has("associations")).isFalse();
      }
      JsonNode weak = http.ok("GET", "/schemas?lifecycle=WEAK", null);
      assertThat(weak).hasSize(1);
      assertThat(weak.get(0).get("subject").asText()).isEqualTo("orders-value");
      JsonNode association = weak.get(0).get("associations").get(0);
      assertThat(association.get("resourceName").asText()).isEqualTo("orders");
      assertThat(association.get("resourceId").asText()).isEqualTo("topic-id-1");
      assertThat(association.get("lifecycle").asText()).isEqualTo("WEAK");
      assertThat(subjects(http, "?lifecycle=STRONG")).containsExactly(":.lkc-1:payments-value");
      assertThat(subjects(http, "?lifecycle=NONE")).containsExactly("plain-value");
      assertThat(subjects(http, "?lifecycle=NONE&lifecycle=WEAK")).containsExactly("orders-value", "plain-value");
      assertThat(subjects(http, "?resourceType=topic")).containsExactly(":.lkc-1:payments-value", "orders-value");
      assertThat(subjects(http, "?associationType=key")).isEmpty();
      assertThat(subjects(http, "?associationType=key&lifecycle=NONE"))
          .containsExactly(":.lkc-1:payments-value", "orders-value", "plain-value");
      assertThat(subjects(http, "?lifecycle=WEAK&subjectPrefix=plain")).isEmpty();
      assertThat(http.get("/schemas?lifecycle=gone").status()).isEqualTo(422);

      // A subject its topic owns cannot be referenced, from its context or by its qualified name.
      Map<String, Object> toPay = Map.of("name", "Pay", "subject", "payments-value", "version", 1);
      String wrapper = "{\"type\":\"record\",\"name\":\"W\",\"fields\":[{\"name\":\"p\",\"type\":\"Pay\"}]}";
      assertError(http.post("/subjects/:.lkc-1:wrap-value/versions", Map.of("schema", wrapper,
          "references", List.of(toPay))), 422, 42205,
          "Subject 'payments-value' has a strong association and cannot be referenced");
      assertThat(http.post("/subjects/wrap-value/versions", Map.of("schema", wrapper, "references",
          List.of(Map.of("name", "Pay", "subject", ":.lkc-1:payments-value", "version", 1)))).status())
          .isEqualTo(422);

      // Nor can a referenced subject become topic-owned.
      int address = http.ok("POST", "/subjects/:.lkc-1:addr-value/versions", Map.of("schema", ADDRESS))
          .get("id").asInt();
      http.ok("POST", "/subjects/:.lkc-1:order-value/versions", Map.of("schema", ORDER, "references",
          List.of(Map.of("name", "Address", "subject", "addr-value", "version", 1))));
      assertError(http.post("/associations", Map.of("resourceName", "addr", "resourceNamespace", "lkc-1",
          "resourceId", "topic-id-3", "associations", List.of(Map.of("schema", Map.of("schema", ADDRESS))))),
          422, 42206, "One or more references exist to the schema addr-value.");

      // 8.5's SchemaString: the version named with ?subject=, when and whether deleted always.
      JsonNode named = http.ok("GET", "/schemas/ids/" + address + "?subject=:.lkc-1:addr-value", null);
      assertThat(named.get("subject").asText()).isEqualTo(":.lkc-1:addr-value");
      assertThat(named.get("version").asInt()).isEqualTo(1);
      assertThat(named.get("ts").asLong()).isPositive();
      assertThat(named.get("deleted").asBoolean()).isFalse();
      JsonNode bare = http.ok("GET", "/schemas/ids/" + plain, null);
      assertThat(bare.has("subject")).isFalse();
      assertThat(bare.get("ts").asLong()).isPositive();
      http.ok("DELETE", "/subjects/plain-value/versions/1", null);
      assertThat(http.ok("GET", "/schemas/ids/" + plain, null).get("deleted").asBoolean()).isTrue();
      server.stop();
    }
  }

  private static List<String> subjects(Http http, String query) throws IOException {
    List<String> subjects = new ArrayList<>();
    for (JsonNode entry : http.ok("GET", "/schemas" + query, null)) {
      subjects.add(entry.get("subject").asText());
    }
    return subjects;
  }
}
