package dev.stele.serde.rules.cel.internal;

import dev.cel.runtime.CelVariableResolver;
import java.util.Optional;

/**
 * A rule's CEL variables by name, each made when the expression asks for it; null for a name that
 * is not bound. Both evaluators read it: the fast path directly, dev.cel through {@link #resolver}.
 */
@FunctionalInterface
public interface Variables {
  Object find(String name);

  default CelVariableResolver resolver() {
    return name -> Optional.ofNullable(find(name));
  }
}
