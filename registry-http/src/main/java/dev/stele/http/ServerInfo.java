package dev.stele.http;

import java.util.Objects;

/**
 * What {@code /v1/metadata/id} and {@code /v1/metadata/version} report.
 *
 * @param kafkaClusterId the id of the Kafka cluster holding the log ("" with the embedded store)
 * @param schemaRegistryGroupId {@code schema.registry.group.id}
 */
public record ServerInfo(String kafkaClusterId, String schemaRegistryGroupId, String version, String commitId) {
  public ServerInfo {
    Objects.requireNonNull(kafkaClusterId, "kafkaClusterId");
    Objects.requireNonNull(schemaRegistryGroupId, "schemaRegistryGroupId");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(commitId, "commitId");
  }
}
