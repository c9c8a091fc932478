package dev.stele.registry.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.stele.format.avro.AvroFormat;
import dev.stele.registry.model.ErrorCode;
import dev.stele.registry.model.SchemaPayload;
import dev.stele.registry.model.SchemaRejectedException;
import dev.stele.registry.model.Submission;
import dev.stele.registry.state.RegistryState;
import dev.stele.schema.SchemaFormats;
import dev.stele.schema.SchemaReference;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Confluent registry's two wordings of an invalid schema (../shared/conformance scenario avro-defaults, refs-bad). */
class SchemaParserTest {
  private static final String ARRAY_OF_INT_BAD_DEFAULT = "{\"type\":\"record\",\"name\":\"R\",\"fields\":"
      + "[{\"name\":\"f\",\"type\":{\"type\":\"array\",\"items\":\"int\"},\"default\":[\"x\"]}]}";
  private static final String INT_BAD_DEFAULT = "{\"type\":\"record\",\"name\":\"R\",\"fields\":"
      + "[{\"name\":\"f\",\"type\":\"int\",\"default\":\"1\"}]}";
  /** Defaults unchecked at parse time, as the Confluent registry's defaults have it. */
  private final SchemaParser parser = new SchemaParser(SchemaFormats.of(new AvroFormat(false)));
  private final RegistryState state = new RegistryState();

  private void parse(String schema, List<SchemaReference> refs, boolean normalize) {
    SchemaPayload payload = new SchemaPayload(schema, null, refs, null, null);
    parser.parse(new Submission("s", payload, null, null), state, true, normalize);
  }

  @Test
  void aSchemaThatCannotBeNormalizedAtAllIsReportedWithoutItsReferences() {
    assertThat(rejection(() -> parse(ARRAY_OF_INT_BAD_DEFAULT, List.of(), true))).satisfies(e -> {
      assertThat(e.withReferences()).as("worded without 'with refs'").isFalse();
      assertThat(e.schemaType()).isEqualTo("AVRO");
      assertThat(e.submission().subject()).isEqualTo("s");
      assertThat(e.details()).isEqualTo("Cannot invoke \"Object.getClass()\" because \"datum\" is null");
    });
  }

  @Test
  void aNormalizedFormThatFailsItsChecksIsReportedAsAParseFailure() {
    assertThat(rejection(() -> parse(INT_BAD_DEFAULT, List.of(), true))).satisfies(e -> {
      assertThat(e.withReferences()).as("worded as a parse failure").isTrue();
      assertThat(e.details()).isEqualTo("Invalid default for field f: \"1\" not a \"int\"");
    });
  }

  @Test
  void aReferenceVersionOutsideTheValidRangeSaysWhichVersionsAreValid() {
    assertThat(rejection(() -> parse("\"string\"", List.of(new SchemaReference("a", "b", 0)), false)).details())
        .isEqualTo("Invalid reference: {name='a', subject='b', version=0}: the version must be between 1 and"
            + " 2147483647, or -1 for the latest");
    assertThat(rejection(() -> parse("\"string\"", List.of(new SchemaReference("a", "b", -2)), false)).details())
        .isEqualTo("Invalid reference: {name='a', subject='b', version=-2}: the version must be between 1 and"
            + " 2147483647, or -1 for the latest");
    assertThat(rejection(() -> parse("\"string\"", List.of(new SchemaReference(null, "b", 1)), false)).details())
        .isEqualTo("Invalid reference: {name='null', subject='b', version=1}");
  }

  @Test
  void aShapeBuiltToExplodeIsRefusedBeforeTheFormatParsesIt() {
    StringBuilder branches = new StringBuilder();
    for (int i = 0; i <= 700; i++) {
      branches.append(i == 0 ? "" : ",").append("{\"type\":\"fixed\",\"name\":\"F").append(i).append("\",\"size\":1}");
    }
    String union = "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"u\",\"type\":[" + branches + "]}]}";
    Throwable thrown = catchThrowable(() -> parse(union, List.of(), false));
    assertThat(thrown).isInstanceOf(dev.stele.registry.model.RegistryException.class)
        .hasMessageContaining("a union of 701 branches (at most 700)")
        .hasMessageContaining("stele.schema.max.union.branches");
  }

  /** Issue #17: the type is part of the request, so only an excerpt of it is quoted back. */
  @Test
  void anUnknownSchemaTypeIsQuotedAsAnExcerpt() {
    String type = "X".repeat(5_000);
    assertThat(catchThrowable(() -> parser.format(type)))
        .isInstanceOfSatisfying(dev.stele.registry.model.RegistryException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SCHEMA))
        .hasMessage("Invalid schema type " + "X".repeat(200) + "...(4800 more characters)");
    assertThat(catchThrowable(() -> parser.format("avro"))).hasMessage("Invalid schema type avro");
  }

  /** The 42201 a call fails with, with what the edge needs to word it. */
  private static SchemaRejectedException rejection(Runnable call) {
    Throwable thrown = catchThrowable(call::run);
    assertThat(thrown).isInstanceOf(SchemaRejectedException.class);
    SchemaRejectedException e = (SchemaRejectedException) thrown;
    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SCHEMA);
    return e;
  }
}
