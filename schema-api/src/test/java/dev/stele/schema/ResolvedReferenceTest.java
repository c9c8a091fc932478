package dev.stele.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResolvedReferenceTest {

  private static ResolvedReference ref(String name, String type, ResolvedReference... deeper) {
    return new ResolvedReference(new SchemaReference(name, name, 1), type, "text of " + name,
        List.of(deeper));
  }

  @Test
  void findsNoneWhenEveryTargetIsOfTheTypeOrUndeclared() {
    List<ResolvedReference> refs = List.of(ref("a", "AVRO", ref("b", null)), ref("c", "AVRO"));
    assertThat(ResolvedReference.firstOfOtherType(refs, "AVRO")).isEmpty();
    assertThat(ResolvedReference.firstOfOtherType(List.of(), "AVRO")).isEmpty();
  }

  @Test
  void findsTheFirstOfAnotherTypeDepthFirstInRequestOrder() {
    ResolvedReference deep = ref("deep", "JSON");
    ResolvedReference later = ref("later", "PROTOBUF");
    List<ResolvedReference> refs = List.of(ref("a", "AVRO", ref("b", "AVRO", deep)), later);
    assertThat(ResolvedReference.firstOfOtherType(refs, "AVRO")).containsSame(deep);
    assertThat(ResolvedReference.firstOfOtherType(List.of(later, refs.get(0)), "AVRO"))
        .containsSame(later);
  }

  @Test
  void aReferenceOfAnotherTypeIsFoundBeforeItsOwnReferences() {
    ResolvedReference inner = ref("inner", "PROTOBUF");
    ResolvedReference outer = ref("outer", "JSON", inner);
    assertThat(ResolvedReference.firstOfOtherType(List.of(outer), "AVRO")).containsSame(outer);
  }

  @Test
  void holdsACopyOfItsReferences() {
    List<ResolvedReference> deeper = new ArrayList<>(List.of(ref("b", "AVRO")));
    ResolvedReference ref = new ResolvedReference(new SchemaReference("a", "a", 1), "AVRO", "x",
        deeper);
    deeper.clear();
    assertThat(ref.references()).hasSize(1);
  }
}
