package dev.stele.registry.read;

import dev.stele.registry.model.Config;
import dev.stele.registry.model.NodeOptions;
import dev.stele.schema.CompatibilityLevel;
import dev.stele.schema.CompatibilityPolicy;
import java.util.Objects;

/**
 * What a compatibility verdict is judged under, besides the schemas: the level (direction and
 * history), the policy (how widely the format counts a change compatible) and whether
 * {@code confluent:reserved} fields are checked. One value, so that a precheck's verdict is
 * reused only under the same terms.
 */
public record CheckTerms(CompatibilityLevel level, CompatibilityPolicy policy, boolean validateFields) {
  public CheckTerms {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(policy, "policy");
  }

  /** A subject's terms: its effective config, the server's defaults where the config is silent. */
  public static CheckTerms of(Config config, CompatibilityLevel level, NodeOptions options) {
    return new CheckTerms(level, config.policy(), options.validatesFields(config));
  }
}
