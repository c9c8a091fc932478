package dev.stele.format.jsonschema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.stele.schema.Incompatibility;
import dev.stele.schema.InvalidSchemaException;
import dev.stele.schema.ResolvedReference;
import dev.stele.schema.SchemaFormat.Roles;
import dev.stele.schema.SchemaReference;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code $ref}s to other subjects' schemas (by the reference's name), local and recursive ones. */
class ReferencesTest {
  private static final String DEP = "{'type':'object','properties':{'v':{'type':'integer'}}}";
  private static final String HOLDER =
      "{'type':'object','properties':{'d':{'$ref':'dep.json'}}}";

  @Test
  void aReferenceIsFoundByTheNameTheRefUses() throws Exception {
    JsonSchema holder = Schemas.parse(HOLDER, List.of(Schemas.ref("dep.json", DEP)));
    assertThat(holder.references())
        .containsExactly(new SchemaReference("dep.json", "dep.json-value", 1));
    assertThat(holder.canonical()).isEqualTo(Schemas.json(HOLDER));
  }

  @Test
  void withoutTheReferenceTheSchemaIsInvalid() {
    InvalidSchemaException e = catchThrowableOfType(InvalidSchemaException.class,
        () -> Schemas.parse(HOLDER, List.of()));
    assertThat(e.getMessage()).startsWith(JsonSchemaFormat.INVALID_SCHEMA + ": at /")
        .contains("$ref dep.json").endsWith("(remote schemas are not fetched)");
  }

  @Test
  void aChangeInsideTheReferencedSchemaIsAChangeOfTheHolder() throws Exception {
    JsonSchema before = Schemas.parse(HOLDER, List.of(Schemas.ref("dep.json", DEP)));
    JsonSchema after = Schemas.parse(HOLDER, List.of(Schemas.ref("dep.json",
        "{'type':'object','properties':{'v':{'type':'string'}}}")));
    assertThat(Schemas.FORMAT.checkCanRead(after, before, Roles.NEW_READS_OLD).incompatibilities())
        .extracting(Incompatibility::location).containsExactly("/properties/d/properties/v");
  }

  @Test
  void fragmentsNestedReferencesAndRelativeNames() throws Exception {
    ResolvedReference leaf = Schemas.ref("leaf.json", "{'type':'string'}");
    ResolvedReference defs = Schemas.ref("http://example.com/schemas/defs.json",
        "{'definitions':{'id':{'$ref':'leaf.json'}}}", leaf);
    JsonSchema schema = Schemas.parse("{'$id':'http://example.com/schemas/main.json',"
        + "'type':'object','properties':{'id':{'$ref':'defs.json#/definitions/id'}}}",
        List.of(defs));
    JsonSchema changed = Schemas.parse("{'type':'object','properties':{'id':{'type':'integer'}}}");
    assertThat(Schemas.FORMAT.checkCanRead(changed, schema, Roles.NEW_READS_OLD).incompatibilities())
        .extracting(Incompatibility::kind).containsExactly(ChangeKind.TYPE_CHANGED);
  }

  @Test
  void localDefinitionsDefsAndAnchors() throws Exception {
    JsonSchema draft7 = Schemas.parse("{'definitions':{'x':{'$id':'#xid','type':'string'}},"
        + "'properties':{'a':{'$ref':'#/definitions/x'},'b':{'$ref':'#xid'}}}");
    JsonSchema draft2020 = Schemas.parse("{'$schema':'https://json-schema.org/draft/2020-12/schema',"
        + "'$defs':{'x':{'$anchor':'ex','type':'string'}},"
        + "'properties':{'a':{'$ref':'#/$defs/x'},'b':{'$ref':'#ex'}}}");
    assertThat(Schemas.FORMAT.checkCanRead(draft2020, draft7, Roles.NEW_READS_OLD).incompatibilities())
        .extracting(Incompatibility::kind).isEmpty();
  }

  @Test
  void aReferenceOfAnotherTypeIsRefused() {
    ResolvedReference avro = new ResolvedReference(new SchemaReference("dep.json", "s", 1),
        "AVRO", "\"string\"", List.of());
    InvalidSchemaException e = catchThrowableOfType(InvalidSchemaException.class,
        () -> Schemas.parse(HOLDER, List.of(avro)));
    assertThat(e).hasMessage("Invalid JSON Schema: reference dep.json is a AVRO schema, not JSON");
  }

  @Test
  void aReferencedTextThatIsNotJsonIsRefused() {
    InvalidSchemaException e = catchThrowableOfType(InvalidSchemaException.class,
        () -> Schemas.parse(HOLDER, List.of(Schemas.ref("dep.json", "{'type':"))));
    assertThat(e).hasMessage("Invalid JSON Schema: referenced schema dep.json is not JSON:"
        + " unexpected end of input at line 1, column 9");
  }

  @Test
  void aProblemInsideAReferencedSchemaNamesTheReferenceAndThePlace() {
    InvalidSchemaException e = catchThrowableOfType(InvalidSchemaException.class,
        () -> Schemas.parse(HOLDER, List.of(Schemas.ref("dep.json",
            "{'type':'object','properties':{'v':{'type':'integr'}}}"))));
    assertThat(e).hasMessage("Invalid JSON Schema: in reference dep.json at /properties/v:"
        + " \"integr\" is not a valid type");
  }

  @Test
  void mutuallyRecursiveSchemasAcrossReferences() throws Exception {
    ResolvedReference tree = Schemas.ref("tree.json", "{'type':'object','properties':{"
        + "'children':{'type':'array','items':{'$ref':'tree.json'}}}}");
    JsonSchema schema = Schemas.parse("{'$ref':'tree.json'}", List.of(tree));
    assertThat(Schemas.FORMAT.checkCanRead(schema, schema, Roles.NEW_READS_OLD).isCompatible())
        .isTrue();
  }
}
