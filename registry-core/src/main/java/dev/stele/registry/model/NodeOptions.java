package dev.stele.registry.model;

import dev.stele.schema.CompatibilityLevel;
import java.time.Duration;
import java.util.Objects;

/**
 * What a registry node takes from the server config.
 *
 * @param defaultLevel {@code schema.compatibility.level}: the level where no config sets one
 * @param limits the bounds on a submitted schema's shape
 * @param checkBudget {@code stele.compatibility.check.timeout.ms}: how long a registration's
 *     compatibility check may run before the registration is refused
 * @param validateNewSchemas {@code schema.validate.new.schemas}: whether registrations check
 *     a schema as new where no config sets {@code validateNewSchemas} (Confluent's default: true)
 */
public record NodeOptions(CompatibilityLevel defaultLevel, SchemaLimits limits, Duration checkBudget,
    boolean validateNewSchemas) {
  /** Long enough for the first FULL_TRANSITIVE check into a long history after a restart. */
  public static final Duration DEFAULT_CHECK_BUDGET = Duration.ofSeconds(20);
  public static final NodeOptions DEFAULTS = new NodeOptions(CompatibilityLevel.BACKWARD);

  public NodeOptions {
    Objects.requireNonNull(defaultLevel, "defaultLevel");
    Objects.requireNonNull(limits, "limits");
    if (checkBudget.isNegative() || checkBudget.isZero()) {
      throw new IllegalArgumentException("the check budget must be positive");
    }
  }

  public NodeOptions(CompatibilityLevel defaultLevel) {
    this(defaultLevel, SchemaLimits.DEFAULTS, DEFAULT_CHECK_BUDGET);
  }

  public NodeOptions(CompatibilityLevel defaultLevel, SchemaLimits limits, Duration checkBudget) {
    this(defaultLevel, limits, checkBudget, true);
  }

  /** Whether a registration under {@code config} (the effective one) checks the schema as new. */
  public boolean validatesNewSchemas(Config config) {
    return config.validateNewSchemas() != null ? config.validateNewSchemas() : validateNewSchemas;
  }
}
