package dev.stele.registry.write;

import static dev.stele.registry.Nodes.USER;
import static dev.stele.registry.Nodes.await;
import static dev.stele.registry.Nodes.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.registry.Nodes;
import dev.stele.registry.model.Association.Lifecycle;
import dev.stele.registry.model.AssociationRequests.Info;
import dev.stele.registry.model.AssociationRequests.Upsert;
import dev.stele.registry.model.ErrorCode;
import dev.stele.registry.model.Requests;
import dev.stele.registry.model.SchemaPayload;
import dev.stele.schema.SchemaReference;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A STRONG association and a reference kept apart: the sides the server-process test does not
 * reach (a referrer in the same request, a soft-deleted referrer, IMPORT mode).
 */
class StrongReferencesTest {
  private static final String WRAPPER = "{\"type\":\"record\",\"name\":\"W\",\"fields\":"
      + "[{\"name\":\"u\",\"type\":\"User\"}]}";
  private final Nodes nodes = new Nodes();

  @Test
  void aReferrerInTheSameRequestCounts() {
    SchemaPayload referrer = new SchemaPayload(WRAPPER, null,
        List.of(new SchemaReference("User", "t-value", 1)), null, null);
    Upsert request = upsert("t", List.of(
        new Info(null, "value", Lifecycle.STRONG, true, SchemaPayload.of(USER, null), false),
        new Info(null, "key", Lifecycle.STRONG, true, referrer, false)));
    failsWith(ErrorCode.SUBJECT_REFERENCED, () -> await(nodes.registry().associations().upsert(request)))
        .hasMessage("One or more references exist to the schema t-value.");
    // Refused before any of the request's schemas is registered.
    assertThat(nodes.registry().subjects(new Requests.ListSubjects(":*:", true, false, 0, -1))).isEmpty();
  }

  @Test
  void aSoftDeletedReferrerStillCountsAndImportModeIsNoWayAround() {
    nodes.register(":.lkc-1:u-value", USER);
    nodes.register(new Requests.Register(":.lkc-1:w-value", new SchemaPayload(WRAPPER, null,
        List.of(new SchemaReference("User", "u-value", 1)), null, null), false, null, null));
    await(nodes.registry().deleteVersion(new Requests.DeleteVersion(":.lkc-1:w-value", "1", false)));
    Upsert request = upsert("u", List.of(
        new Info(null, "value", Lifecycle.STRONG, true, SchemaPayload.of(USER, null), false)));
    failsWith(ErrorCode.SUBJECT_REFERENCED, () -> await(nodes.registry().associations().upsert(request)));

    // And the other side, in IMPORT mode too.
    await(nodes.registry().associations().upsert(upsert("v", List.of(
        new Info(null, "value", Lifecycle.STRONG, true, SchemaPayload.of(USER, null), false)))));
    nodes.mode(":.lkc-1:x-value", "IMPORT");
    failsWith(ErrorCode.OPERATION_NOT_PERMITTED, () -> nodes.register(new Requests.Register(
        ":.lkc-1:x-value", new SchemaPayload(WRAPPER, null,
            List.of(new SchemaReference("User", "v-value", 1)), null, null), false, 7, 1)))
        .hasMessage("Subject 'v-value' has a strong association and cannot be referenced");
  }

  private static Upsert upsert(String topic, List<Info> infos) {
    return new Upsert(true, false, null, topic, "lkc-1", "id-" + topic, "topic", infos);
  }
}
