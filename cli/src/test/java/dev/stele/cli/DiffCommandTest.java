package dev.stele.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stele diff}: the verdict both ways, with the reasons each way. */
class DiffCommandTest {
  @TempDir
  Path dir;

  @Test
  void anAddedRequiredFieldBreaksBackwardOnly() {
    Cli.Run run = Cli.run("diff", "-o", "json", file("v1.avsc", CheckCommandTest.USER_V1),
        file("v2.avsc", CheckCommandTest.USER_EMAIL));
    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.INCOMPATIBLE);
    JsonNode diff = run.json();
    assertThat(diff.get("identical").asBoolean()).isFalse();
    assertThat(diff.get("full").asBoolean()).isFalse();
    assertThat(diff.at("/backward/is_compatible").asBoolean()).isFalse();
    assertThat(diff.at("/backward/messages/0").asText()).contains("READER_FIELD_MISSING_DEFAULT_VALUE");
    assertThat(diff.at("/forward/is_compatible").asBoolean()).isTrue();
  }

  @Test
  void theTextNamesEachDirectionAndItsReasons() {
    String before = "syntax = \"proto3\";\nmessage Order { int32 id = 1; }\n";
    Cli.Run run = Cli.run("diff", file("a.proto", before), file("b.proto", before.replace("int32", "string")));
    assertThat(run.code()).isEqualTo(ExitCodes.INCOMPATIBLE);
    assertThat(run.out()).contains("backward (new reads old): incompatible", "forward (old reads new): incompatible",
        "FIELD_SCALAR_KIND_CHANGED", "full: incompatible").doesNotContain("{oldSchema");
    // What changed: the normalized forms' unified diff, the old line taken out, the new one put in.
    assertThat(run.out().lines().filter(line -> line.startsWith("-")).toList()).anyMatch(line -> line.contains("int32"));
    assertThat(run.out().lines().filter(line -> line.startsWith("+")).toList()).anyMatch(line -> line.contains("string"));
  }

  @Test
  void schemasThatDifferOnlyInSpellingAreIdenticalAndFullyCompatible() {
    String schema = "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}}}";
    String respelled = "{ \"properties\": {\"a\": {\"type\": \"string\"}}, \"type\": \"object\" }";
    Cli.Run run = Cli.run("diff", file("a.json", schema), file("b.json", respelled));
    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).startsWith("identical (normalized)").contains("full: compatible");
  }

  private String file(String name, String text) {
    return Cli.write(dir, name, text).toString();
  }
}
