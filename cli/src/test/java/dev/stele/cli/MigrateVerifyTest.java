package dev.stele.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The verification pass of migrate: what counts as a difference. */
class MigrateVerifyTest {
  private static ObjectNode line(String subject, int version, int id, boolean deleted) {
    return Dump.line("schema").put("subject", subject).put("version", version).put("id", id)
        .put("schema", "\"int\"").put("deleted", deleted);
  }

  @Test
  void aMissingVersionAnotherIdOrAnotherDeletedStateIsADifference() {
    List<ObjectNode> exported = List.of(line("a", 1, 1, false), line("a", 2, 2, true), line("b", 1, 3, false));
    Map<Dump.Key, ObjectNode> target = Map.of(
        new Dump.Key("a", 1), line("a", 1, 1, false),
        new Dump.Key("a", 2), line("a", 2, 2, false),
        new Dump.Key("c", 1), line("c", 1, 3, false));
    assertThat(MigrateCommand.verify(exported, target)).containsExactly(
        "a version 2: expected {id=2, deleted=true, schema=\"int\"}, the target has {id=2, deleted=false, schema=\"int\"}",
        "b version 1: missing on the target");
    assertThat(MigrateCommand.verify(exported.subList(0, 1), target)).isEmpty();
  }
}
