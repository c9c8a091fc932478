package dev.stele.format.jsonschema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.schema.CompatibilityPolicy;
import dev.stele.schema.CompatibilityResult;
import dev.stele.schema.Incompatibility;
import dev.stele.schema.SchemaFormat.Roles;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each change kind that only Confluent's LENIENT set counts compatible: one writer/reader pair
 * that STRICT refuses with that kind and LENIENT accepts. Schemas are written with ' for ".
 */
class LenientPolicyTest {
  private static final String PARTIAL_OBJECTS = "'additionalProperties':{'type':'object'}";
  private static final String OBJECT_WITH_X = "{'type':'object','properties':{'x':{'type':'string'}}}";

  static Stream<Arguments> lenientOnly() {
    return Stream.of(
        row(ChangeKind.ADDITIONAL_PROPERTIES_NARROWED, "{'type':'object'}",
            "{'type':'object','additionalProperties':{'type':'string'}}"),
        row(ChangeKind.ADDITIONAL_PROPERTIES_REMOVED, "{'type':'object'}",
            "{'type':'object','additionalProperties':false}"),
        row(ChangeKind.UNEVALUATED_PROPERTIES_NARROWED, d2020("'type':'object'"),
            d2020("'type':'object','unevaluatedProperties':{'type':'string'}")),
        row(ChangeKind.UNEVALUATED_PROPERTIES_REMOVED, d2020("'type':'object'"),
            d2020("'type':'object','unevaluatedProperties':false")),
        row(ChangeKind.REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL, "{'type':'object'}",
            "{'type':'object','properties':{'b':{'type':'string','default':'x'}},'required':['b']}"),
        row(ChangeKind.OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL, "{'type':'object'}",
            "{'type':'object','properties':{'b':{'type':'string'}}}"),
        row(ChangeKind.PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL,
            "{'type':'object','properties':{'a':{'type':'string'},'b':{'type':'string'}},'additionalProperties':false}",
            "{'type':'object','properties':{'a':{'type':'string'}},'additionalProperties':false}"),
        // The partial model's schema reads the property only under LENIENT (an open object
        // gaining a property), so STRICT finds it not covered.
        row(ChangeKind.PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL,
            "{'type':'object'," + PARTIAL_OBJECTS + "}",
            "{'type':'object','properties':{'a':" + OBJECT_WITH_X + "}," + PARTIAL_OBJECTS + "}"),
        row(ChangeKind.PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL,
            "{'type':'object','properties':{'a':{'type':'object'}},'additionalProperties':" + OBJECT_WITH_X + "}",
            "{'type':'object','additionalProperties':" + OBJECT_WITH_X + "}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lenientOnly")
  void strictRefusesWhatLenientAccepts(ChangeKind kind, String original, String update) {
    JsonSchema writer = Schemas.parse(original);
    JsonSchema reader = Schemas.parse(update);

    CompatibilityResult strict = Schemas.FORMAT.checkCanRead(reader, writer, Roles.NEW_READS_OLD,
        CompatibilityPolicy.STRICT);
    CompatibilityResult lenient = Schemas.FORMAT.checkCanRead(reader, writer, Roles.NEW_READS_OLD,
        CompatibilityPolicy.LENIENT);

    assertThat(strict.incompatibilities()).extracting(Incompatibility::kind).contains(kind);
    assertThat(lenient.incompatibilities()).isEmpty();
  }

  /** The rows above are exactly what LENIENT adds to STRICT, as in Confluent's two sets. */
  @Test
  void theRowsCoverEveryKindLenientAdds() {
    Set<ChangeKind> added = EnumSet.noneOf(ChangeKind.class);
    for (ChangeKind kind : ChangeKind.values()) {
      if (CompatibleChanges.LENIENT.allows(kind) && !CompatibleChanges.STRICT.allows(kind)) {
        added.add(kind);
      }
    }
    assertThat(lenientOnly().map(row -> (ChangeKind) row.get()[0]).collect(Collectors.toSet()))
        .isEqualTo(added);
  }

  @Test
  void lenientStillRefusesWhatNeitherSetAllows() {
    JsonSchema writer = Schemas.parse("{'type':'object','properties':{'a':{'type':'string'}}}");
    JsonSchema reader = Schemas.parse("{'type':'object','properties':{'a':{'type':'integer'}}}");
    assertThat(Schemas.FORMAT.checkCanRead(reader, writer, Roles.NEW_READS_OLD,
        CompatibilityPolicy.LENIENT).incompatibilities())
        .extracting(Incompatibility::kind).containsExactly(ChangeKind.TYPE_CHANGED);
  }

  private static Arguments row(ChangeKind kind, String original, String update) {
    return Arguments.of(kind, original, update);
  }

  private static String d2020(String body) {
    return "{'$schema':'https://json-schema.org/draft/2020-12/schema'," + body + "}";
  }
}
