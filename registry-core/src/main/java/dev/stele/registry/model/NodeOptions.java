package dev.stele.registry.model;

import dev.stele.schema.CompatibilityLevel;

/**
 * What a registry node takes from the server config.
 *
 * @param defaultLevel {@code schema.compatibility.level}: the level where no config sets one
 */
public record NodeOptions(CompatibilityLevel defaultLevel) {
  public static final NodeOptions DEFAULTS = new NodeOptions(CompatibilityLevel.BACKWARD);
}
