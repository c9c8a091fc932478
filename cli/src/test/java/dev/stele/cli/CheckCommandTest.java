package dev.stele.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stele check} on real schemas of the three formats, with no server. */
class CheckCommandTest {
  static final String USER_V1 = "{\"type\":\"record\",\"name\":\"User\",\"fields\":[{\"name\":\"id\",\"type\":\"long\"}]}";
  static final String USER_EMAIL = "{\"type\":\"record\",\"name\":\"User\",\"fields\":[{\"name\":\"id\",\"type\":\"long\"},"
      + "{\"name\":\"email\",\"type\":\"string\"}]}";
  static final String USER_EMAIL_DEFAULT = "{\"type\":\"record\",\"name\":\"User\",\"fields\":[{\"name\":\"id\",\"type\":\"long\"},"
      + "{\"name\":\"email\",\"type\":\"string\",\"default\":\"\"}]}";

  @TempDir
  Path dir;

  @Test
  void anAvroFieldWithoutDefaultIsRefusedBackwardInTheRegistrysWords() {
    Cli.Run run = Cli.run("check", file("v2.avsc", USER_EMAIL).toString(), file("v1.avsc", USER_V1).toString());
    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.INCOMPATIBLE);
    assertThat(run.out()).contains("incompatible (BACKWARD, 1 previous version)",
        "{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'The field 'email' at path '/fields/1'"
            + " in the new schema has no default value and is missing in the old schema', additionalInfo:'email'}",
        "{oldSchemaVersion: 1}", "{oldSchema: '" + USER_V1 + "'}",
        "{validateFields: 'false', compatibility: 'BACKWARD'}");
  }

  @Test
  void withADefaultItIsCompatibleAndForwardNeedsNone() {
    assertThat(Cli.run("check", file("v2.avsc", USER_EMAIL_DEFAULT).toString(), file("v1.avsc", USER_V1).toString())
        .code()).isEqualTo(ExitCodes.OK);
    assertThat(Cli.run("check", "--level", "forward", file("v2.avsc", USER_EMAIL).toString(),
        file("v1.avsc", USER_V1).toString()).code()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void transitiveLevelsReachBackToTheFirstVersion() {
    // v2 drops the field's default... v3 compared with v2 passes, with v1 it does not.
    Path v1 = file("v1.avsc", USER_V1);
    Path v2 = file("v2.avsc", USER_EMAIL_DEFAULT);
    Path v3 = file("v3.avsc", USER_EMAIL);
    assertThat(Cli.run("check", v3.toString(), v1.toString(), v2.toString()).code()).isEqualTo(ExitCodes.OK);
    Cli.Run transitive = Cli.run("check", "-o", "json", "--level", "BACKWARD_TRANSITIVE", v3.toString(),
        v1.toString(), v2.toString());
    assertThat(transitive.code()).isEqualTo(ExitCodes.INCOMPATIBLE);
    JsonNode answer = transitive.json();
    assertThat(answer.get("is_compatible").asBoolean()).isFalse();
    assertThat(answer.get("messages").toString()).contains("{oldSchemaVersion: 1}")
        .contains("compatibility: 'BACKWARD_TRANSITIVE'");
  }

  @Test
  void aJsonSchemaTypeChangeIsRefused() {
    String before = "{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"string\"}},\"additionalProperties\":false}";
    Cli.Run run = Cli.run("check", file("b.json", before.replace("string", "integer")).toString(),
        file("a.json", before).toString());
    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.INCOMPATIBLE);
    assertThat(run.out()).contains("TYPE_CHANGED", "#/properties/n");
    assertThat(Cli.run("check", "--type", "json", file("same", before).toString(), file("a.json", before).toString())
        .code()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void theLenientPolicyAcceptsAPropertyAddedToAnOpenJsonModelAndLogicalIsRefused() {
    Path before = file("a.json", "{\"type\":\"object\"}");
    Path after = file("b.json", "{\"type\":\"object\",\"properties\":{\"b\":{\"type\":\"string\"}}}");
    Cli.Run strict = Cli.run("check", after.toString(), before.toString());
    assertThat(strict.code()).as(strict.toString()).isEqualTo(ExitCodes.INCOMPATIBLE);
    assertThat(strict.out()).contains("OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL");
    Cli.Run lenient = Cli.run("check", "--policy", "lenient", after.toString(), before.toString());
    assertThat(lenient.code()).as(lenient.toString()).isEqualTo(ExitCodes.OK);
    assertThat(lenient.out()).contains("compatible (BACKWARD, LENIENT, 1 previous version)");
    // Avro checks LENIENT as STRICT, as the registry does.
    assertThat(Cli.run("check", "-p", "LENIENT", file("v2.avsc", USER_EMAIL).toString(),
        file("v1.avsc", USER_V1).toString()).code()).isEqualTo(ExitCodes.INCOMPATIBLE);
    Cli.Run logical = Cli.run("check", "--policy", "LOGICAL", after.toString(), before.toString());
    assertThat(logical.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(logical.err()).contains("'LOGICAL' is not a supported compatibility policy");
  }

  @Test
  void aProtobufScalarKindChangeIsRefusedBothWaysUnderFull() {
    String before = "syntax = \"proto3\";\npackage demo;\nmessage Order { int32 id = 1; string note = 2; }\n";
    Cli.Run run = Cli.run("check", "--level", "FULL", file("b.proto", before.replace("int32 id", "string id"))
        .toString(), file("a.proto", before).toString());
    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.INCOMPATIBLE);
    assertThat(run.out()).contains("FIELD_SCALAR_KIND_CHANGED", "#/Order/1", "in the old schema does not match",
        "in the new schema does not match", "compatibility: 'FULL'");
  }

  @Test
  void noPreviousVersionIsCompatibleAndLevelNoneChecksNothing() {
    assertThat(Cli.run("check", file("v2.avsc", USER_EMAIL).toString()).code()).isEqualTo(ExitCodes.OK);
    assertThat(Cli.run("check", "-l", "none", file("v2.avsc", USER_EMAIL).toString(),
        file("v1.avsc", "\"string\"").toString()).code()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void badInputIsAUsageErrorThatSaysWhich() {
    Cli.Run unparsable = Cli.run("check", file("bad.avsc", "{\"type\":").toString(), file("v1.avsc", USER_V1).toString());
    assertThat(unparsable.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(unparsable.err()).contains("bad.avsc: Invalid schema of type AVRO, details:");
    Cli.Run untyped = Cli.run("check", file("schema.txt", USER_V1).toString());
    assertThat(untyped.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(untyped.err()).contains("give --type AVRO, JSON or PROTOBUF");
    Cli.Run missing = Cli.run("check", dir.resolve("nope.avsc").toString());
    assertThat(missing.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(missing.err()).contains("cannot read").contains("nope.avsc");
    Cli.Run level = Cli.run("check", "--level", "sideways", file("v1.avsc", USER_V1).toString());
    assertThat(level.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(level.err()).contains("'sideways' is not a compatibility level");
    assertThat(Cli.run("check", "--type", "XML", file("v1.avsc", USER_V1).toString()).err())
        .contains("unknown schema type 'XML'");
  }

  private Path file(String name, String text) {
    return Cli.write(dir, name, text);
  }
}
