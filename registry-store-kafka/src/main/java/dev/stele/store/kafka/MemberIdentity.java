package dev.stele.store.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stele.registry.cluster.NodeIdentity;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JSON that election members exchange in the group protocol's user data, in the shapes of
 * the Confluent registry's identity and assignment (../shared/API.md §3.5), so a reader of the
 * group's metadata sees familiar fields: member identity
 * {@code {"version":1,"host":..,"port":..,"master_eligibility":..,"scheme":..,"leader":false,
 * "elections":0}} (the last two are Stele's);
 * assignment {@code {"version":1,"error":0,"master":<member id>,"master_identity":{..}}}.
 */
final class MemberIdentity {
  static final int NO_ERROR = 0;
  static final int DUPLICATE_URLS = 1;
  private static final ObjectMapper JSON = new ObjectMapper();

  private MemberIdentity() {}

  static ByteBuffer encode(NodeIdentity identity) {
    return encode(identity, false, 0);
  }

  /**
   * @param leads whether the member leads now: what a sticky election keeps
   * @param elections how many elections the member called on a crashed leader: only a change of
   *     a member's metadata makes Kafka hold an election when that member rejoins
   */
  static ByteBuffer encode(NodeIdentity identity, boolean leads, int elections) {
    ObjectNode node = identityNode(identity);
    node.put("leader", leads);
    node.put("elections", elections);
    return ByteBuffer.wrap(bytes(node));
  }

  /** Whether a member's identity says it leads now ({@code "leader":true}); false if unreadable. */
  static boolean claimsLeadership(ByteBuffer data) {
    try {
      return read(data).path("leader").asBoolean(false);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** @throws IllegalArgumentException for user data that is not an identity */
  static NodeIdentity decode(ByteBuffer data) {
    JsonNode node = read(data);
    return fromNode(node);
  }

  /** The assignment every member receives: who leads (null: nobody) and why not. */
  static ByteBuffer assignment(String leaderMemberId, NodeIdentity leader, int error) {
    return assignment(leaderMemberId, leader, error, List.of());
  }

  /**
   * As {@link #assignment(String, NodeIdentity, int)}, naming every member of the election too
   * ({@code "members":[identity...]}), so each member, not only the one Kafka had run the
   * election, knows the cluster ({@code GET /v1/cluster}). A field Confluent's shape lacks: the
   * group is Stele's own protocol (Confluent nodes cannot join it), and readers parse the JSON as
   * a tree, so a Stele that does not know the field ignores it.
   */
  static ByteBuffer assignment(String leaderMemberId, NodeIdentity leader, int error,
      List<NodeIdentity> members) {
    ObjectNode node = JSON.createObjectNode();
    node.put("version", 1);
    node.put("error", error);
    node.put("master", leaderMemberId);
    if (leader != null) {
      node.set("master_identity", identityNode(leader));
    } else {
      node.putNull("master_identity");
    }
    if (!members.isEmpty()) {
      ArrayNode list = node.putArray("members");
      members.forEach(m -> list.add(identityNode(m)));
    }
    return ByteBuffer.wrap(bytes(node));
  }

  /**
   * The members an assignment names; empty when it names none (an assignment made by a Stele
   * that did not send them) or one is unreadable.
   */
  static List<NodeIdentity> membersOf(ByteBuffer assignment) {
    List<NodeIdentity> members = new ArrayList<>();
    for (JsonNode identity : read(assignment).path("members")) {
      members.add(fromNode(identity));
    }
    return List.copyOf(members);
  }

  /** The leader an assignment names; empty when none. */
  static Optional<NodeIdentity> leaderOf(ByteBuffer assignment) {
    JsonNode node = read(assignment);
    JsonNode identity = node.get("master_identity");
    if (node.path("error").asInt() != NO_ERROR || identity == null || identity.isNull()) {
      return Optional.empty();
    }
    return Optional.of(fromNode(identity));
  }

  private static ObjectNode identityNode(NodeIdentity identity) {
    ObjectNode node = JSON.createObjectNode();
    node.put("version", 1);
    node.put("host", identity.host());
    node.put("port", identity.port());
    node.put("master_eligibility", identity.eligible());
    node.put("scheme", identity.scheme());
    node.put("leader", false);
    return node;
  }

  private static NodeIdentity fromNode(JsonNode node) {
    if (!node.path("host").isTextual() || !node.path("port").canConvertToInt()) {
      throw new IllegalArgumentException("not a member identity: " + node);
    }
    return new NodeIdentity(node.path("scheme").asText("http"), node.get("host").asText(),
        node.get("port").asInt(), node.path("master_eligibility").asBoolean(false));
  }

  private static JsonNode read(ByteBuffer data) {
    if (data == null || !data.hasRemaining()) {
      throw new IllegalArgumentException("no user data");
    }
    ByteBuffer copy = data.duplicate();
    byte[] bytes = new byte[copy.remaining()];
    copy.get(bytes);
    try {
      return JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalArgumentException("user data is not JSON: " + e.getMessage(), e);
    }
  }

  private static byte[] bytes(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
