package dev.stele.registry.model;

import dev.stele.schema.CompatibilityLevel;
import java.util.Objects;

/**
 * What a registry node takes from the server config.
 *
 * @param defaultLevel {@code schema.compatibility.level}: the level where no config sets one
 * @param limits the bounds on a submitted schema's shape
 */
public record NodeOptions(CompatibilityLevel defaultLevel, SchemaLimits limits) {
  public static final NodeOptions DEFAULTS = new NodeOptions(CompatibilityLevel.BACKWARD);

  public NodeOptions {
    Objects.requireNonNull(defaultLevel, "defaultLevel");
    Objects.requireNonNull(limits, "limits");
  }

  public NodeOptions(CompatibilityLevel defaultLevel) {
    this(defaultLevel, SchemaLimits.DEFAULTS);
  }
}
