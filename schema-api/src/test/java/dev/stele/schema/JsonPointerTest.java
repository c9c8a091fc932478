package dev.stele.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Rows of segments, their JSON pointer and the Confluent path the messages show. */
class JsonPointerTest {

  static Stream<Arguments> paths() {
    return Stream.of(
        Arguments.of(List.of(), "/", "#/"),
        Arguments.of(List.of("properties", "a"), "/properties/a", "#/properties/a"),
        Arguments.of(List.of("items", "0", "type"), "/items/0/type", "#/items/0/type"),
        Arguments.of(List.of("properties", "a/b"), "/properties/a~1b", "#/properties/a/b"),
        Arguments.of(List.of("properties", "a~b"), "/properties/a~0b", "#/properties/a~b"),
        Arguments.of(List.of("properties", "~1"), "/properties/~01", "#/properties/~1"),
        Arguments.of(List.of("properties", ""), "/properties/", "#/properties/"),
        Arguments.of(List.of("Outer", "Inner", "3"), "/Outer/Inner/3", "#/Outer/Inner/3"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("paths")
  void pointsAndSpellsAsConfluentDoes(List<String> segments, String pointer, String hashPath) {
    assertThat(JsonPointer.of(segments)).isEqualTo(pointer);
    assertThat(JsonPointer.hashPath(pointer)).isEqualTo(hashPath);
    assertThat(hashPath).isEqualTo("#/" + String.join("/", segments));
  }
}
