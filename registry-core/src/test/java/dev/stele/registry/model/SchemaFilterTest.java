package dev.stele.registry.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.registry.model.Association.Lifecycle;
import dev.stele.registry.model.AssociationRequests.SchemaFilter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code GET /schemas}' association filter, row by row as Confluent 8.5's {@code getSchemas}
 * applies it: a filter, a subject's associations, and whether the subject's schemas are listed
 * (null: left out) with which associations (by association type).
 */
class SchemaFilterTest {
  private static final Association WEAK_VALUE = association("value", Lifecycle.WEAK, "topic");
  private static final Association STRONG_KEY = association("key", Lifecycle.STRONG, "topic");
  private static final Association WEAK_OTHER_TYPE = association("value", Lifecycle.WEAK, "stream");

  static Stream<Arguments> rows() {
    return Stream.of(
        // No filter: listed, never with associations.
        row(SchemaFilter.NONE, List.of(WEAK_VALUE), List.of()),
        row(SchemaFilter.NONE, List.of(), List.of()),
        // A resource type or association type alone: subjects with matching associations.
        row(filter("topic", List.of(), Set.of(), false), List.of(WEAK_VALUE, WEAK_OTHER_TYPE), List.of("value")),
        row(filter("topic", List.of(), Set.of(), false), List.of(WEAK_OTHER_TYPE), null),
        row(filter(null, List.of("key"), Set.of(), false), List.of(WEAK_VALUE, STRONG_KEY), List.of("key")),
        row(filter(null, List.of("key"), Set.of(), false), List.of(), null),
        // Lifecycles: only the associations of those lifecycles, left out when none is.
        row(filter(null, List.of(), Set.of(Lifecycle.WEAK), false), List.of(WEAK_VALUE, STRONG_KEY), List.of("value")),
        row(filter(null, List.of(), Set.of(Lifecycle.STRONG), false), List.of(WEAK_VALUE), null),
        // NONE: subjects without (matching) associations, listed without any.
        row(filter(null, List.of(), Set.of(), true), List.of(), List.of()),
        row(filter(null, List.of(), Set.of(), true), List.of(WEAK_VALUE), null),
        row(filter(null, List.of("key"), Set.of(), true), List.of(WEAK_VALUE), List.of()),
        row(filter(null, List.of(), Set.of(Lifecycle.WEAK), true), List.of(), List.of()),
        row(filter(null, List.of(), Set.of(Lifecycle.WEAK), true), List.of(WEAK_VALUE), List.of("value")),
        row(filter(null, List.of(), Set.of(Lifecycle.WEAK), true), List.of(STRONG_KEY), null));
  }

  @ParameterizedTest(name = "[{index}] {0} over {1}")
  @MethodSource("rows")
  void listsASubjectAsConfluentDoes(SchemaFilter filter, List<Association> ofSubject, List<String> expected) {
    Optional<List<Association>> selected = filter.select(ofSubject);
    if (expected == null) {
      assertThat(selected).isEmpty();
    } else {
      assertThat(selected).isPresent();
      assertThat(selected.get()).extracting(Association::associationType).containsExactlyElementsOf(expected);
    }
  }

  private static Arguments row(SchemaFilter filter, List<Association> ofSubject, List<String> expected) {
    return Arguments.of(filter, ofSubject, expected);
  }

  private static SchemaFilter filter(String resourceType, List<String> types, Set<Lifecycle> lifecycles,
      boolean unassociated) {
    return new SchemaFilter(resourceType, types, lifecycles, unassociated);
  }

  private static Association association(String type, Lifecycle lifecycle, String resourceType) {
    return new Association("s", "g-" + type, "t", "-", "id", resourceType, type, lifecycle,
        lifecycle == Lifecycle.STRONG, 1L, 1L);
  }
}
