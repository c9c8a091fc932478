package dev.stele.registry;

import static dev.stele.registry.Nodes.await;
import static dev.stele.registry.Nodes.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.registry.model.ErrorCode;
import dev.stele.registry.model.Requests;
import dev.stele.registry.model.SchemaPayload;
import dev.stele.schema.SchemaReference;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A reference's subject without a context lives in the referrer's context, as the Confluent
 * registry qualifies it: {@code address-value} referenced from {@code :.ctx:order-value} is
 * {@code :.ctx:address-value}, on register, lookup, compatibility checks and reads.
 */
class ContextReferencesTest {
  private static final String ADDRESS =
      "{\"type\":\"record\",\"name\":\"Address\",\"fields\":[{\"name\":\"street\",\"type\":\"string\"}]}";
  private static final String ORDER = "{\"type\":\"record\",\"name\":\"Order\",\"fields\":"
      + "[{\"name\":\"to\",\"type\":\"Address\"}]}";
  private static final List<SchemaReference> TO_ADDRESS =
      List.of(new SchemaReference("Address", "address-value", 1));

  private final Nodes nodes = new Nodes();

  private int registerOrder(String subject, List<SchemaReference> refs) {
    return nodes.register(new Requests.Register(subject, new SchemaPayload(ORDER, null, refs, null, null),
        false, null, null)).id();
  }

  @Test
  void anUnqualifiedReferenceResolvesInTheReferrersContext() {
    nodes.register(":.ctx:address-value", ADDRESS);
    int order = registerOrder(":.ctx:order-value", TO_ADDRESS);

    assertThat(nodes.registry().referencedBy(
        new Requests.ReferencedBy(":.ctx:address-value", "1", false, 0, -1))).containsExactly(order);
    assertThat(nodes.registry().lookup(new Requests.Lookup(":.ctx:order-value",
        new SchemaPayload(ORDER, null, TO_ADDRESS, null, null), false, false)).id()).isEqualTo(order);
    assertThat(nodes.registry().checkCompatibility(new Requests.CheckCompatibility(":.ctx:order-value",
        null, new SchemaPayload(ORDER, null, TO_ADDRESS, null, null), false, false)).isCompatible()).isTrue();
    // The referenced version is in use, so it cannot go.
    failsWith(ErrorCode.REFERENCE_EXISTS, () -> await(nodes.registry().deleteVersion(
        new Requests.DeleteVersion(":.ctx:address-value", "1", false))));
    // The reference is stored as written.
    assertThat(nodes.version(":.ctx:order-value", "1").schema().references()).isEqualTo(TO_ADDRESS);
  }

  @Test
  void theDefaultContextsSubjectOfTheSameNameIsNotTheOne() {
    nodes.register("address-value", ADDRESS);
    failsWith(ErrorCode.INVALID_SCHEMA, () -> registerOrder(":.ctx:order-value", TO_ADDRESS))
        .hasMessageContaining("No schema reference found for subject \":.ctx:address-value\" and version 1");
    // Spelled out, a reference reaches another context, and its own references are read there.
    nodes.register(":.other:address-value", ADDRESS);
    registerOrder(":.other:order-value", List.of(new SchemaReference("Address", "address-value", -1)));
    String nested = "{\"type\":\"record\",\"name\":\"Shipment\",\"fields\":[{\"name\":\"o\",\"type\":\"Order\"}]}";
    nodes.register(new Requests.Register(":.ctx:shipment-value", new SchemaPayload(nested, null,
        List.of(new SchemaReference("Order", ":.other:order-value", 1)), null, null), false, null, null));
  }

  @Test
  void storedReferencesAreReadInTheirContextAfterARestart() {
    nodes.register(":.ctx:address-value", ADDRESS);
    registerOrder(":.ctx:order-value", TO_ADDRESS);
    Nodes restarted = nodes.restart();
    String evolved = "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"to\",\"type\":\"Address\"},"
        + "{\"name\":\"n\",\"type\":\"int\",\"default\":0}]}";
    // A compatibility check parses the stored version 1, whose reference is read in .ctx.
    assertThat(restarted.register(new Requests.Register(":.ctx:order-value",
        new SchemaPayload(evolved, null, TO_ADDRESS, null, null), false, null, null)).version()).isEqualTo(2);
  }
}
