package dev.stele.format.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.schema.InvalidSchemaException;
import dev.stele.schema.ResolvedReference;
import dev.stele.schema.SchemaFormat.Roles;
import dev.stele.schema.SchemaReference;
import dev.stele.schema.SchemaSource;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Schemas that use named types defined by referenced schemas (Avro references by full name). */
class AvroReferencesTest {
  private static final AvroFormat AVRO = new AvroFormat();

  private static final String DEP = "{\"type\":\"record\",\"name\":\"Dep\",\"namespace\":\"com.x\","
      + "\"fields\":[{\"name\":\"v\",\"type\":\"int\"}]}";
  private static final String HOLDER = "{\"type\":\"record\",\"name\":\"Holder\",\"namespace\":"
      + "\"com.x\",\"fields\":[{\"name\":\"d\",\"type\":\"com.x.Dep\"}]}";

  private static ResolvedReference ref(String name, String schema, ResolvedReference... own) {
    return new ResolvedReference(
        new SchemaReference(name, name + "-value", 1), "AVRO", schema, List.of(own));
  }

  private static AvroSchema parse(String text, ResolvedReference... refs)
      throws InvalidSchemaException {
    return AVRO.parse(new SchemaSource(text, List.of(refs), true));
  }

  @Test
  void keepsReferencedTypesAsNamesAndInlinesThemWhenResolved() throws InvalidSchemaException {
    AvroSchema holder = parse(HOLDER, ref("com.x.Dep", DEP));

    // as the Confluent registry returned it in the conformance transcript
    assertThat(holder.canonical()).isEqualTo("{\"type\":\"record\",\"name\":\"Holder\","
        + "\"namespace\":\"com.x\",\"fields\":[{\"name\":\"d\",\"type\":\"Dep\"}]}");
    assertThat(holder.formatted("resolved")).isEqualTo("{\"type\":\"record\",\"name\":\"Holder\","
        + "\"namespace\":\"com.x\",\"fields\":[{\"name\":\"d\",\"type\":{\"type\":\"record\","
        + "\"name\":\"Dep\",\"fields\":[{\"name\":\"v\",\"type\":\"int\"}]}}]}");
    assertThat(holder.avro().getField("d").schema().getField("v")).isNotNull();
    assertThat(holder.references()).containsExactly(
        new SchemaReference("com.x.Dep", "com.x.Dep-value", 1));
  }

  @Test
  void refusesAReferencedTypeWithoutItsReference() {
    assertThatThrownBy(() -> parse(HOLDER))
        .isInstanceOf(InvalidSchemaException.class)
        .hasMessage("\"com.x.Dep\" is not a defined name. The type of the \"d\" field must be a"
            + " defined name or a {\"type\": ...} expression.");
  }

  @Test
  void loadsReferencesOfReferencesFirst() throws InvalidSchemaException {
    String leaf = "{\"type\":\"enum\",\"name\":\"Leaf\",\"symbols\":[\"A\"]}";
    String middle = "{\"type\":\"record\",\"name\":\"Middle\",\"fields\":[{\"name\":\"l\","
        + "\"type\":\"Leaf\"}]}";
    String top = "{\"type\":\"record\",\"name\":\"Top\",\"fields\":[{\"name\":\"m\","
        + "\"type\":\"Middle\"},{\"name\":\"l\",\"type\":\"Leaf\"}]}";
    ResolvedReference leafRef = ref("Leaf", leaf);

    // a diamond: Leaf is reached twice and loaded once
    AvroSchema parsed = parse(top, ref("Middle", middle, leafRef), leafRef);

    assertThat(parsed.canonical()).isEqualTo(top);
    assertThat(parsed.formatted("resolved")).contains("{\"type\":\"enum\",\"name\":\"Leaf\"");
  }

  @Test
  void inlinesATypeNestedInsideAReferencedSchema() throws InvalidSchemaException {
    // Only a reference's top-level type counts as known when the registry writes the text.
    String outer = "{\"type\":\"record\",\"name\":\"Outer\",\"fields\":[{\"name\":\"i\","
        + "\"type\":{\"type\":\"fixed\",\"name\":\"Inner\",\"size\":2}}]}";
    String user = "{\"type\":\"record\",\"name\":\"User\",\"fields\":[{\"name\":\"i\","
        + "\"type\":\"Inner\"},{\"name\":\"o\",\"type\":\"Outer\"}]}";

    assertThat(parse(user, ref("Outer", outer)).canonical()).isEqualTo(
        "{\"type\":\"record\",\"name\":\"User\",\"fields\":[{\"name\":\"i\",\"type\":{\"type\":"
            + "\"fixed\",\"name\":\"Inner\",\"size\":2}},{\"name\":\"o\",\"type\":\"Outer\"}]}");
  }

  @Test
  void refusesTwoReferencesDefiningOneName() {
    String other = "{\"type\":\"record\",\"name\":\"Dep\",\"namespace\":\"com.x\","
        + "\"fields\":[{\"name\":\"w\",\"type\":\"long\"}]}";

    assertThatThrownBy(() -> parse(HOLDER, ref("com.x.Dep", DEP), ref("again", other)))
        .isInstanceOf(InvalidSchemaException.class)
        .hasMessage("Can't redefine: com.x.Dep");
  }

  @Test
  void refusesAReferenceToAnotherFormat() {
    ResolvedReference json = new ResolvedReference(
        new SchemaReference("com.x.Dep", "dep", 1), "JSON", "{\"type\":\"object\"}", List.of());

    assertThatThrownBy(() -> AVRO.parse(new SchemaSource(HOLDER, List.of(json), true)))
        .isInstanceOf(InvalidSchemaException.class)
        .hasMessage("Reference com.x.Dep is a JSON schema, not AVRO");
  }

  @Test
  void normalizesWithoutInliningReferences() throws InvalidSchemaException {
    AvroSchema holder = parse(HOLDER, ref("com.x.Dep", DEP));
    AvroSchema normalized = holder.normalize();

    assertThat(normalized.canonical()).isEqualTo(holder.canonical());
    assertThat(normalized.references()).isEqualTo(holder.references());
    assertThat(normalized.formatted("resolved")).isEqualTo(holder.formatted("resolved"));
  }

  @Test
  void checksCompatibilityThroughReferencedTypes() throws InvalidSchemaException {
    String longDep = DEP.replace("\"int\"", "\"long\"");
    AvroSchema readsLong = parse(HOLDER, ref("com.x.Dep", longDep));
    AvroSchema writesInt = parse(HOLDER, ref("com.x.Dep", DEP));

    assertThat(AVRO.checkCanRead(readsLong, writesInt, Roles.NEW_READS_OLD).isCompatible())
        .isTrue();
    assertThat(AVRO.checkCanRead(writesInt, readsLong, Roles.NEW_READS_OLD).incompatibilities())
        .extracting(found -> found.kind() + "@" + found.location())
        .containsExactly("TYPE_MISMATCH@/fields/0/type/fields/0/type");
  }
}
