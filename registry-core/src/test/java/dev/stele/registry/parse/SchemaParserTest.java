package dev.stele.registry.parse;

import static dev.stele.registry.Nodes.failsWith;

import dev.stele.format.avro.AvroFormat;
import dev.stele.registry.model.ErrorCode;
import dev.stele.registry.model.SchemaPayload;
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
    parser.parse(new SchemaParser.Submitted("s", payload, null, null), state, true, normalize);
  }

  @Test
  void aSchemaThatCannotBeNormalizedAtAllIsReportedWithoutItsReferences() {
    failsWith(ErrorCode.INVALID_SCHEMA, () -> parse(ARRAY_OF_INT_BAD_DEFAULT, List.of(), true))
        .hasMessage("Invalid schema {subject=s,version=0,id=-1,schemaType=AVRO,references=[],metadata=null,"
            + "ruleSet=null,schema=" + ARRAY_OF_INT_BAD_DEFAULT + ",schemaTags=null}, details: "
            + "Cannot invoke \"Object.getClass()\" because \"datum\" is null");
  }

  @Test
  void aNormalizedFormThatFailsItsChecksIsReportedAsAParseFailure() {
    failsWith(ErrorCode.INVALID_SCHEMA, () -> parse(INT_BAD_DEFAULT, List.of(), true))
        .hasMessageEndingWith("schemaTags=null} with refs [] of type AVRO, details: "
            + "Invalid default for field f: \"1\" not a \"int\"");
  }

  @Test
  void aReferenceVersionOutsideTheValidRangeIsTheRegistrysInvalidVersion() {
    failsWith(ErrorCode.INVALID_SCHEMA, () -> parse("\"string\"", List.of(new SchemaReference("a", "b", 0)), false))
        .hasMessageEndingWith("details: io.confluent.kafka.schemaregistry.exceptions.InvalidVersionException: 0");
    failsWith(ErrorCode.INVALID_SCHEMA, () -> parse("\"string\"", List.of(new SchemaReference("a", "b", -2)), false))
        .hasMessageEndingWith("InvalidVersionException: -2");
  }
}
