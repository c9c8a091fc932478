package dev.stele.format.protobuf.compat;

import static dev.stele.format.protobuf.ProtoFixtures.parse;
import static dev.stele.format.protobuf.ProtoFixtures.proto;
import static dev.stele.format.protobuf.ProtoFixtures.ref;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.format.protobuf.ProtoFixtures;
import dev.stele.format.protobuf.ProtobufSchema;
import dev.stele.schema.CompatibilityResult;
import dev.stele.schema.Incompatibility;
import dev.stele.schema.SchemaFormat.Roles;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One row per change kind: the old (writer's) schema, the new (reader's) one, the difference
 * expected at its path (as the messages spell it: {@code #/M/1} is the pointer {@code /M/1}), and
 * whether the change is compatible.
 */
class ProtobufCompatibilityTest {
  private static final String P3 = "syntax = \"proto3\";";
  private static final String P2 = "syntax = \"proto2\";";

  static Stream<Arguments> changes() {
    return Stream.of(
        row(ProtobufChange.PACKAGE_CHANGED, "#/",
            proto(P3, "package a;", "message M { int32 x = 1; }"),
            proto(P3, "package b;", "message M { int32 x = 1; }")),
        row(ProtobufChange.MESSAGE_ADDED, "#/N",
            proto(P3, "message M { int32 x = 1; }"),
            proto(P3, "message M { int32 x = 1; }", "message N { int32 y = 1; }")),
        row(ProtobufChange.MESSAGE_REMOVED, "#/N",
            proto(P3, "message M { int32 x = 1; }", "message N { int32 y = 1; }"),
            proto(P3, "message M { int32 x = 1; }")),
        row(ProtobufChange.MESSAGE_MOVED, "#/M",
            proto(P3, "message M { int32 x = 1; }", "message N { int32 y = 1; }"),
            proto(P3, "message N { int32 y = 1; }", "message M { int32 x = 1; }")),
        row(ProtobufChange.ENUM_ADDED, "#/E",
            proto(P3, "message M { int32 x = 1; }"),
            proto(P3, "message M { int32 x = 1; }", "enum E { A = 0; }")),
        row(ProtobufChange.ENUM_REMOVED, "#/E",
            proto(P3, "message M { int32 x = 1; }", "enum E { A = 0; }"),
            proto(P3, "message M { int32 x = 1; }")),
        row(ProtobufChange.ENUM_CONST_ADDED, "#/E/1",
            proto(P3, "enum E { A = 0; }"), proto(P3, "enum E { A = 0; B = 1; }")),
        row(ProtobufChange.ENUM_CONST_CHANGED, "#/E/1",
            proto(P3, "enum E { A = 0; B = 1; }"), proto(P3, "enum E { A = 0; C = 1; }")),
        row(ProtobufChange.ENUM_CONST_REMOVED, "#/E/1",
            proto(P3, "enum E { A = 0; B = 1; }"), proto(P3, "enum E { A = 0; }")),
        row(ProtobufChange.FIELD_ADDED, "#/M/2",
            proto(P3, "message M { int32 x = 1; }"),
            proto(P3, "message M { int32 x = 1; string y = 2; }")),
        row(ProtobufChange.FIELD_REMOVED, "#/M/2",
            proto(P3, "message M { int32 x = 1; string y = 2; }"),
            proto(P3, "message M { int32 x = 1; }")),
        row(ProtobufChange.FIELD_NAME_CHANGED, "#/M/1",
            proto(P3, "message M { int32 x = 1; }"), proto(P3, "message M { int32 z = 1; }")),
        row(ProtobufChange.FIELD_KIND_CHANGED, "#/M/1",
            proto(P3, "message M { int32 x = 1; }", "message N { int32 y = 1; }"),
            proto(P3, "message M { N x = 1; }", "message N { int32 y = 1; }")),
        row(ProtobufChange.FIELD_SCALAR_KIND_CHANGED, "#/M/1",
            proto(P3, "message M { string a = 1; }"), proto(P3, "message M { int32 a = 1; }")),
        row(ProtobufChange.FIELD_NAMED_TYPE_CHANGED, "#/M/1",
            proto(P3, "message M { N x = 1; }", "message N {}", "message O {}"),
            proto(P3, "message M { O x = 1; }", "message N {}", "message O {}")),
        row(ProtobufChange.FIELD_NUMERIC_LABEL_CHANGED, "#/M/1",
            proto(P2, "message M { optional int32 x = 1; }"),
            proto(P2, "message M { repeated int32 x = 1; }")),
        row(ProtobufChange.FIELD_STRING_OR_BYTES_LABEL_CHANGED, "#/M/1",
            proto(P2, "message M { optional string x = 1; }"),
            proto(P2, "message M { repeated bytes x = 1; }")),
        row(ProtobufChange.REQUIRED_FIELD_ADDED, "#/M/2",
            proto(P2, "message M { optional int32 x = 1; }"),
            proto(P2, "message M { optional int32 x = 1; required int32 y = 2; }")),
        row(ProtobufChange.REQUIRED_FIELD_REMOVED, "#/M/2",
            proto(P2, "message M { optional int32 x = 1; required int32 y = 2; }"),
            proto(P2, "message M { optional int32 x = 1; }")),
        row(ProtobufChange.ONEOF_ADDED, "#/M/o",
            proto(P3, "message M { int32 x = 1; }"),
            proto(P3, "message M { int32 x = 1; oneof o { string y = 2; } }")),
        row(ProtobufChange.ONEOF_REMOVED, "#/M/o",
            proto(P3, "message M { int32 x = 1; oneof o { string y = 2; } }"),
            proto(P3, "message M { int32 x = 1; }")),
        row(ProtobufChange.ONEOF_FIELD_ADDED, "#/M/o/3",
            proto(P3, "message M { oneof o { string y = 2; } }"),
            proto(P3, "message M { oneof o { string y = 2; int32 z = 3; } }")),
        row(ProtobufChange.ONEOF_FIELD_REMOVED, "#/M/o/3",
            proto(P3, "message M { oneof o { string y = 2; int32 z = 3; } }"),
            proto(P3, "message M { oneof o { string y = 2; } }")),
        row(ProtobufChange.ONEOF_FIELD_MOVED_TO_TOP_LEVEL, "#/M/o/3",
            proto(P3, "message M { oneof o { string y = 2; int32 z = 3; } }"),
            proto(P3, "message M { int32 z = 3; oneof o { string y = 2; } }")),
        row(ProtobufChange.MULTIPLE_FIELDS_MOVED_TO_ONEOF, "#/M/o",
            proto(P3, "message M { string y = 2; int32 z = 3; }"),
            proto(P3, "message M { oneof o { string y = 2; int32 z = 3; } }")),
        row(ProtobufChange.FIELD_MOVED_TO_EXISTING_ONEOF, "#/M/o",
            proto(P3, "message M { int32 z = 3; oneof o { string y = 2; } }"),
            proto(P3, "message M { oneof o { string y = 2; int32 z = 3; } }")));
  }

  private static Arguments row(ProtobufChange kind, String path, String oldSchema,
      String newSchema) {
    return Arguments.of(kind, path, oldSchema, newSchema);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changes")
  void reportsEachKindWhereItHappens(ProtobufChange kind, String path, String oldSchema,
      String newSchema) throws Exception {
    ProtobufSchema writer = parse(oldSchema);
    ProtobufSchema reader = parse(newSchema);
    assertThat(ProtobufCompatibility.differences(reader.file(), reader.types(), writer.file(),
        writer.types())).contains(kind + " " + path);
    CompatibilityResult result = ProtoFixtures.FORMAT.checkCanRead(reader, writer,
        Roles.NEW_READS_OLD);
    if (kind.compatible()) {
      assertThat(result.incompatibilities()).isEmpty();
    } else {
      assertThat(result.incompatibilities())
          .extracting(Incompatibility::kind, Incompatibility::location)
          .contains(org.assertj.core.groups.Tuple.tuple(kind, pointer(path)));
    }
  }

  /** The set API.md §4.4 lists as compatible, for every level. */
  @Test
  void compatibleSetIsConfluents() {
    Set<ProtobufChange> compatible = Arrays.stream(ProtobufChange.values())
        .filter(ProtobufChange::compatible).collect(Collectors.toSet());
    assertThat(compatible).isEqualTo(EnumSet.of(ProtobufChange.MESSAGE_ADDED,
        ProtobufChange.MESSAGE_MOVED, ProtobufChange.ENUM_ADDED, ProtobufChange.ENUM_REMOVED,
        ProtobufChange.ENUM_CONST_ADDED, ProtobufChange.ENUM_CONST_CHANGED,
        ProtobufChange.ENUM_CONST_REMOVED, ProtobufChange.FIELD_ADDED,
        ProtobufChange.FIELD_REMOVED, ProtobufChange.FIELD_NAME_CHANGED,
        ProtobufChange.FIELD_STRING_OR_BYTES_LABEL_CHANGED, ProtobufChange.ONEOF_ADDED,
        ProtobufChange.ONEOF_REMOVED, ProtobufChange.ONEOF_FIELD_ADDED,
        ProtobufChange.ONEOF_FIELD_MOVED_TO_TOP_LEVEL));
  }

  /** The corpus's message (reg-proto #16, compat-types #27 and #30), in both directions. */
  @Test
  void messagesNameTheNewAndOldSchemaAsConfluentDoes() throws Exception {
    ProtobufSchema oldSchema = parse(proto(P3, "message M {", "  string a = 1;", "}"));
    ProtobufSchema newSchema = parse(proto(P3, "message M {", "  int32 a = 1;", "}"));
    assertThat(messages(ProtoFixtures.FORMAT.checkCanRead(newSchema, oldSchema,
        Roles.NEW_READS_OLD))).containsExactly("{errorType:\"FIELD_SCALAR_KIND_CHANGED\", "
            + "description:\"The kind of a SCALAR field at path '#/M/1' in the new schema does not"
            + " match its kind in the old schema\"}");
    assertThat(messages(ProtoFixtures.FORMAT.checkCanRead(oldSchema, newSchema,
        Roles.OLD_READS_NEW))).containsExactly("{errorType:\"FIELD_SCALAR_KIND_CHANGED\", "
            + "description:\"The kind of a SCALAR field at path '#/M/1' in the old schema does not"
            + " match its kind in the new schema\"}");
  }

  static Stream<Arguments> compatibleEvolutions() {
    return Stream.of(
        Arguments.of("int32 to int64 and bool: one wire encoding",
            proto(P3, "message M { int32 a = 1; int32 b = 2; }"),
            proto(P3, "message M { int64 a = 1; bool b = 2; }")),
        Arguments.of("enum to int32",
            proto(P3, "message M { E e = 1; }", "enum E { A = 0; }"),
            proto(P3, "message M { int32 e = 1; }", "enum E { A = 0; }")),
        Arguments.of("string to bytes", proto(P3, "message M { string a = 1; }"),
            proto(P3, "message M { bytes a = 1; }")),
        Arguments.of("a map spelled as its entry message",
            proto(P3, "message M { map<string, int32> m = 1; }"),
            proto(P3, "message M {", "  repeated MEntry m = 1;", "  message MEntry {",
                "    option map_entry = true;", "    string key = 1;", "    int32 value = 2;",
                "  }", "}")),
        Arguments.of("recursive messages end",
            proto(P3, "message Node { Node next = 1; int32 v = 2; }"),
            proto(P3, "message Node { Node next = 1; int64 v = 2; string s = 3; }")),
        Arguments.of("one field into a new oneof",
            proto(P3, "message M { string y = 2; }"),
            proto(P3, "message M { oneof o { string y = 2; int32 z = 3; } }")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("compatibleEvolutions")
  void compatibleEvolution(String name, String oldSchema, String newSchema) throws Exception {
    assertThat(ProtoFixtures.FORMAT.checkCanRead(parse(newSchema), parse(oldSchema),
        Roles.NEW_READS_OLD).incompatibilities()).isEmpty();
  }

  @Test
  void aMapValueChangeIsAScalarKindChange() throws Exception {
    CompatibilityResult result = ProtoFixtures.FORMAT.checkCanRead(
        parse(proto(P3, "message M { map<string, string> m = 1; }")),
        parse(proto(P3, "message M { map<string, int32> m = 1; }")), Roles.NEW_READS_OLD);
    assertThat(result.incompatibilities()).extracting(Incompatibility::kind, Incompatibility::location)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(
            ProtobufChange.FIELD_SCALAR_KIND_CHANGED, "/M/1"));
  }

  /** A referenced type that changed between versions is compared inside, and marks the field. */
  @Test
  void aReferencedMessageIsComparedAcrossVersions() throws Exception {
    String holder = proto(P3, "import \"dep.proto\";", "message H { dep.D d = 1; }");
    ProtobufSchema oldSchema = parse(holder, refAt(1, "message D { string v = 1; }"));
    ProtobufSchema newSchema = parse(holder, refAt(2, "message D { int32 v = 1; }"));
    CompatibilityResult result = ProtoFixtures.FORMAT.checkCanRead(newSchema, oldSchema,
        Roles.NEW_READS_OLD);
    assertThat(result.incompatibilities()).extracting(Incompatibility::kind, Incompatibility::location)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ProtobufChange.FIELD_SCALAR_KIND_CHANGED, "/D/1"),
            org.assertj.core.groups.Tuple.tuple(ProtobufChange.FIELD_NAMED_TYPE_CHANGED, "/H/1"));
    // The same subject version on both sides needs no look inside.
    ProtobufSchema same = parse(holder, refAt(1, "message D { string v = 1; }"));
    assertThat(ProtoFixtures.FORMAT.checkCanRead(same, oldSchema, Roles.NEW_READS_OLD)
        .isCompatible()).isTrue();
  }

  private static dev.stele.schema.ResolvedReference refAt(int version, String body) {
    dev.stele.schema.ResolvedReference base =
        ref("dep.proto", "dep", proto(P3, "package dep;", body));
    return new dev.stele.schema.ResolvedReference(
        new dev.stele.schema.SchemaReference("dep.proto", "dep", version), "PROTOBUF",
        base.schema(), List.of());
  }

  /** The location of a row's path: the JSON pointer that the messages spell {@code #/M/1}. */
  private static String pointer(String hashPath) {
    return hashPath.substring(1);
  }

  private static List<String> messages(CompatibilityResult result) {
    return result.incompatibilities().stream().map(Incompatibility::message).toList();
  }
}
