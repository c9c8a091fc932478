package dev.stele.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.schema.SchemaFormat.Roles;
import org.junit.jupiter.api.Test;

/** The words the messages use for the two sides of a check. */
class SchemaFormatTest {

  @Test
  void aBackwardCheckReadsWithTheNewSchema() {
    assertThat(Roles.NEW_READS_OLD.readerWord()).isEqualTo("new");
    assertThat(Roles.NEW_READS_OLD.writerWord()).isEqualTo("old");
  }

  @Test
  void aForwardCheckReadsWithTheOldSchema() {
    assertThat(Roles.OLD_READS_NEW.readerWord()).isEqualTo("old");
    assertThat(Roles.OLD_READS_NEW.writerWord()).isEqualTo("new");
  }
}
