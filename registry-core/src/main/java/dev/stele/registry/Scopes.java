package dev.stele.registry;

import dev.stele.registry.state.RegistryState;
import java.util.ArrayList;
import java.util.List;

/**
 * How a subject's effective config and mode are found (../shared/API.md §2.6, §2.11): the
 * subject's own, then its context's ({@code :.ctx:}, for subjects outside the default context),
 * then the global scope, then the {@code :.__GLOBAL:} context, then the server default.
 */
final class Scopes {
  static final String GLOBAL_CONTEXT_SCOPE = ":.__GLOBAL:";

  private Scopes() {}

  /** The scopes to consult for a subject (null = global), most specific first. */
  static List<String> chain(String subject) {
    List<String> chain = new ArrayList<>(4);
    if (subject != null) {
      QualifiedSubject qualified = QualifiedSubject.parse(subject);
      if (!qualified.name().isEmpty()) {
        chain.add(subject);
      }
      if (!qualified.inDefaultContext()) {
        chain.add(":" + qualified.context() + ":");
      }
    }
    chain.add(null);
    chain.add(GLOBAL_CONTEXT_SCOPE);
    return chain;
  }

  /** The effective config: each field from the most specific scope that sets it. */
  static Config effectiveConfig(RegistryState state, String subject, NodeOptions options) {
    Config merged = Config.EMPTY;
    for (String scope : chain(subject)) {
      Config config = state.config(scope);
      if (config != null) {
        merged = merged.over(config);
      }
    }
    return merged.compatibilityLevel() == null ? merged.withLevel(options.defaultLevel()) : merged;
  }

  static Mode effectiveMode(RegistryState state, String subject) {
    for (String scope : chain(subject)) {
      Mode mode = state.mode(scope);
      if (mode != null) {
        return mode;
      }
    }
    return Mode.READWRITE;
  }
}
