package dev.stele.registry.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.registry.model.StoredSchema;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One version is held without an array; every operation must not care how many there are. */
class SubjectHistoryTest {
  private static final StoredSchema SCHEMA = new StoredSchema(1, "AVRO", "\"string\"", List.of(), null, null);

  private static VersionEntry entry(int version, boolean deleted) {
    return new VersionEntry(version, SCHEMA, deleted, 0L);
  }

  private static List<Integer> versions(SubjectHistory history) {
    return history.all().stream().map(VersionEntry::version).toList();
  }

  @Test
  void growsFromNoneToOneToSeveralAndBack() {
    SubjectHistory one = SubjectHistory.EMPTY.with(entry(2, false));
    assertThat(versions(one)).containsExactly(2);
    assertThat(one.get(2)).isEqualTo(entry(2, false));
    assertThat(one.get(1)).isNull();
    assertThat(one.maxVersion()).isEqualTo(2);

    SubjectHistory three = one.with(entry(5, false)).with(entry(1, true));
    assertThat(versions(three)).containsExactly(1, 2, 5);
    assertThat(three.latestLive().version()).isEqualTo(5);
    assertThat(three.live()).extracting(VersionEntry::version).containsExactly(2, 5);

    SubjectHistory back = three.without(1).without(5);
    assertThat(versions(back)).containsExactly(2);
    assertThat(back.without(2).isEmpty()).isTrue();
    assertThat(back.without(7)).isSameAs(back);
  }

  @Test
  void replacesAndSoftDeletesASingleVersion() {
    SubjectHistory one = SubjectHistory.EMPTY.with(entry(1, false));
    assertThat(one.with(entry(1, true)).get(1).deleted()).isTrue();
    SubjectHistory deleted = one.deletedUpTo(1);
    assertThat(deleted.hasLive()).isFalse();
    assertThat(deleted.latestLive()).isNull();
    assertThat(deleted.maxVersion()).isEqualTo(1);
    assertThat(SubjectHistory.EMPTY.maxVersion()).isZero();
    assertThat(SubjectHistory.EMPTY.hasLive()).isFalse();
  }
}
