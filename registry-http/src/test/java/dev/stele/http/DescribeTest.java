package dev.stele.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.registry.model.RawJson;
import dev.stele.registry.model.SchemaPayload;
import dev.stele.registry.model.SchemaRejectedException;
import dev.stele.registry.model.Submission;
import dev.stele.schema.SchemaReference;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Confluent registry's 42201 wording (../shared/conformance scenarios reg-avro-invalid,
 * refs-bad, avro-invalid-2): the request quoted in Java toString shapes, with or without the
 * references and type after it; each quoted part at most an excerpt.
 */
class DescribeTest {
  private static final String SCHEMA = "{\"type\":\"record\",\"name\":\"X\"}";

  @Test
  void aSchemaThatDoesNotParseQuotesTheRequestItsReferencesAndType() {
    SchemaPayload payload = new SchemaPayload(SCHEMA, "AVRO", List.of(new SchemaReference("a", "b", 2)),
        new RawJson("{\"properties\":{\"k\":\"v\"}}"), null);
    SchemaRejectedException e = new SchemaRejectedException(new Submission("s", payload, 7, 3), "AVRO",
        "No fields", true);
    assertThat(Describe.rejected(e)).isEqualTo("Invalid schema {subject=s,version=3,id=7,schemaType=AVRO,"
        + "references=[{name='a', subject='b', version=2}],metadata={\"properties\":{\"k\":\"v\"}},ruleSet=null,"
        + "schema=" + SCHEMA + ",schemaTags=null} with refs [{name='a', subject='b', version=2}] of type AVRO,"
        + " details: No fields");
  }

  @Test
  void aSchemaThatParsedButFailedALaterStepLeavesOutTheReferences() {
    SchemaRejectedException e = new SchemaRejectedException(
        new Submission("s", SchemaPayload.of(SCHEMA, null), null, null), "AVRO", "cannot normalize", false);
    assertThat(Describe.rejected(e)).isEqualTo("Invalid schema {subject=s,version=0,id=-1,schemaType=AVRO,"
        + "references=[],metadata=null,ruleSet=null,schema=" + SCHEMA + ",schemaTags=null}, details: "
        + "cannot normalize");
  }

  @Test
  void theErrorMapperWordsARejectionForTheWire() {
    SchemaRejectedException e = new SchemaRejectedException(
        new Submission("s", SchemaPayload.of(SCHEMA, "JSON"), null, null), "JSON", "bad", true);
    ErrorMapper.Answer answer = ErrorMapper.map(e);
    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.code()).isEqualTo(42201);
    assertThat(answer.message()).isEqualTo(Describe.rejected(e)).startsWith("Invalid schema {subject=s,");
  }

  @Test
  void aNullReferenceInTheRequestShowsAsNull() {
    assertThat(Describe.references(java.util.Arrays.asList(null, new SchemaReference("a", "b", 1))))
        .isEqualTo("[null, {name='a', subject='b', version=1}]");
  }

  /** Issue #17: a 42201 once echoed 639 KB; every quoted part of the request is an excerpt. */
  @Test
  void quotedPartsOfTheRequestAreExcerpts() {
    String big = "{\"type\":\"record\",\"name\":\"" + "x".repeat(10_000) + "\"}";
    List<SchemaReference> refs = java.util.Collections.nCopies(100, new SchemaReference("a", "b", 1));
    SchemaPayload payload = new SchemaPayload(big, "AVRO", refs,
        new RawJson("{\"properties\":{\"k\":\"" + "v".repeat(1_000) + "\"}}"), null);
    SchemaRejectedException e = new SchemaRejectedException(new Submission("s", payload, null, null), "AVRO",
        "d".repeat(3_000), true);
    String refsExcerpt = Describe.references(refs).substring(0, 200) + "...(3400 more characters)";
    assertThat(Describe.rejected(e)).isEqualTo("Invalid schema {subject=s,version=0,id=-1,schemaType=AVRO,"
        + "references=" + refsExcerpt + ",metadata={\"properties\":{\"k\":\"" + "v".repeat(180)
        + "...(823 more characters),ruleSet=null,schema=" + big.substring(0, 200) + "...(9827 more characters)"
        + ",schemaTags=null} with refs " + refsExcerpt + " of type AVRO, details: " + "d".repeat(2_000)
        + "...(1000 more characters)");
  }

  @Test
  void aSchemaOfTwoHundredCharactersIsQuotedWhole() {
    String schema = "\"" + "s".repeat(198) + "\"";
    SchemaRejectedException e = new SchemaRejectedException(
        new Submission("s", SchemaPayload.of(schema, null), null, null), "AVRO", "bad", false);
    assertThat(Describe.rejected(e)).contains(",schema=" + schema + ",schemaTags=null}");
  }
}
