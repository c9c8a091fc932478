package dev.stele.http;

import static dev.stele.http.Access.SIGNED_IN;
import static dev.stele.http.Effect.READS;

import io.vertx.core.buffer.Buffer;

/** {@code /} and {@code /v1/metadata}: liveness answers and what this server is. */
final class RootRoutes {
  private final Buffer clusterId;
  private final Buffer version;
  /**
   * Confluent 8.x's deployment attributes: its server answers those its extensions set, none
   * without any; Stele has no such extensions.
   */
  private static final Buffer DEPLOYMENT = Buffer.buffer("{\"attributes\":[]}");

  RootRoutes(ServerInfo info) {
    this.clusterId = Json.render(out -> {
      out.writeStartObject();
      out.writeObjectFieldStart("scope");
      out.writeArrayFieldStart("path");
      out.writeEndArray();
      out.writeObjectFieldStart("clusters");
      out.writeStringField("kafka-cluster", info.kafkaClusterId());
      out.writeStringField("schema-registry-cluster", info.schemaRegistryGroupId());
      out.writeEndObject();
      out.writeEndObject();
      out.writeEndObject();
    });
    this.version = Json.render(out -> {
      out.writeStartObject();
      out.writeStringField("version", info.version());
      out.writeStringField("commitId", info.commitId());
      out.writeEndObject();
    });
  }

  void declare(RouteTable routes) {
    routes.get("/", READS, SIGNED_IN, call -> call.ok(Render.emptyObject()));
    routes.post("/", READS, SIGNED_IN, this::post);
    routes.get("/v1/metadata/id", READS, SIGNED_IN, call -> call.ok(clusterId));
    routes.get("/v1/metadata/version", READS, SIGNED_IN, call -> call.ok(version));
    routes.get("/v1/metadata/deployment", READS, SIGNED_IN, call -> call.ok(DEPLOYMENT));
  }

  /** Accepts any string map (clients probe with it); the body's shape is still checked. */
  private void post(Call call) {
    RequestBodies.rootBody(call.body());
    call.ok(Render.emptyObject());
  }
}
