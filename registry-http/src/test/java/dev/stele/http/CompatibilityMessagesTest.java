package dev.stele.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.registry.model.ErrorCode;
import dev.stele.registry.model.IncompatibleSchemaException;
import dev.stele.registry.model.Results;
import dev.stele.schema.CompatibilityLevel;
import dev.stele.schema.Incompatibility;
import dev.stele.schema.IncompatibilityKind;
import dev.stele.schema.SchemaFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The message list of ../shared/conformance scenario compat-types and config-levels-enforced. */
class CompatibilityMessagesTest {

  @Test
  void compatibleIsNoMessages() {
    assertThat(CompatibilityMessages.render(
        new Results.Compatibility(List.of(), List.of(), CompatibilityLevel.BACKWARD, false))).isEmpty();
  }

  @Test
  void eachFailingVersionListsItsIncompatibilitiesThenItselfThenTheConfig() {
    Results.Compatibility result = new Results.Compatibility(List.of(
        new Results.VersionConflict(2, "old2", List.of(incompatibility("a"), incompatibility("b"))),
        new Results.VersionConflict(1, "old1", List.of(incompatibility("c")))),
        List.of(), CompatibilityLevel.FULL_TRANSITIVE, true);
    assertThat(CompatibilityMessages.render(result)).containsExactly(
        "a", "b", "{oldSchemaVersion: 2}", "{oldSchema: 'old2'}",
        "c", "{oldSchemaVersion: 1}", "{oldSchema: 'old1'}",
        "{validateFields: 'true', compatibility: 'FULL_TRANSITIVE'}");
  }

  @Test
  void aConflictThatDoesNotQuoteTheOldVersionListsOnlyItsIncompatibilities() {
    Results.Compatibility result = new Results.Compatibility(List.of(
        new Results.VersionConflict(4, "old4", List.of(incompatibility("a")), false)),
        List.of(), CompatibilityLevel.FULL, false);
    assertThat(CompatibilityMessages.render(result)).containsExactly(
        "a", "{validateFields: 'false', compatibility: 'FULL'}");
  }

  @Test
  void aLongOldSchemaIsTruncatedAndSaysSo() {
    String old = "x".repeat(10 * 1024 + 1);
    Results.Compatibility result = new Results.Compatibility(List.of(
        new Results.VersionConflict(1, old, List.of(incompatibility("a")))),
        List.of(), CompatibilityLevel.BACKWARD, false);
    assertThat(CompatibilityMessages.render(result).get(2))
        .isEqualTo("{oldSchema: <truncated to 10240 characters> '" + "x".repeat(10 * 1024) + "'}");
    Results.Compatibility exact = new Results.Compatibility(List.of(
        new Results.VersionConflict(1, old.substring(1), List.of(incompatibility("a")))),
        List.of(), CompatibilityLevel.BACKWARD, false);
    assertThat(CompatibilityMessages.render(exact).get(2)).isEqualTo("{oldSchema: '" + old.substring(1) + "'}");
  }

  @Test
  void problemsComeFirst() {
    Results.Compatibility result = new Results.Compatibility(List.of(),
        List.of(new Results.Problem.DifferentSchemaType(),
            new Results.Problem.Unparsable(ErrorCode.INVALID_SCHEMA.exception("Invalid schema x"))),
        CompatibilityLevel.BACKWARD, false);
    assertThat(CompatibilityMessages.render(result)).containsExactly(
        "Incompatible because of different schema type", "Invalid schema x",
        "{validateFields: 'false', compatibility: 'BACKWARD'}");
  }

  @Test
  void anIncompatibleRegistrationIsWordedAsTheConfluentRegistryDoes() {
    Results.Compatibility result = new Results.Compatibility(List.of(
        new Results.VersionConflict(1, "old1", List.of(incompatibility("a")))),
        List.of(), CompatibilityLevel.BACKWARD, false);
    assertThat(CompatibilityMessages.incompatible(new IncompatibleSchemaException("s", result))).isEqualTo(
        "Schema being registered is incompatible with an earlier schema for subject \"s\", details: "
            + "[a, {oldSchemaVersion: 1}, {oldSchema: 'old1'}, {validateFields: 'false', compatibility: 'BACKWARD'}]");
  }

  /** A kind whose template is the whole message: the formats' wording is not at issue here. */
  private record Worded(String name, String template) implements IncompatibilityKind {}

  private static Incompatibility incompatibility(String message) {
    return new Incompatibility(new Worded("KIND", message), "/", SchemaFormat.Roles.NEW_READS_OLD);
  }
}
