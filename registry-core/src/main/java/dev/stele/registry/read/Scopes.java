package dev.stele.registry.read;

import dev.stele.registry.model.Config;
import dev.stele.registry.model.Mode;
import dev.stele.registry.model.NodeOptions;
import dev.stele.registry.model.QualifiedSubject;
import dev.stele.registry.state.RegistryState;
import java.util.ArrayList;
import java.util.List;

/**
 * How a subject's effective config and mode are found (../shared/API.md §2.6, §2.11), as the
 * Confluent 7.9 registry does: the first scope that has a config of its own wins whole (its
 * fields are not merged with wider scopes'), and a level it leaves unset is the server default.
 * The scopes, most specific first: the subject; then its context ({@code :.ctx:}) or, in the
 * default context, the global scope; then the {@code :.__GLOBAL:} context.
 */
public final class Scopes {
  public static final String GLOBAL_CONTEXT_SCOPE = ":.__GLOBAL:";

  private Scopes() {}

  /** The scopes to consult for a subject (null = global), most specific first. */
  public static List<String> chain(String subject) {
    List<String> chain = new ArrayList<>(3);
    if (subject != null) {
      QualifiedSubject qualified = QualifiedSubject.parse(subject);
      if (!qualified.name().isEmpty()) {
        chain.add(subject);
      }
      chain.add(qualified.inDefaultContext() ? null : ":" + qualified.context() + ":");
    } else {
      chain.add(null);
    }
    chain.add(GLOBAL_CONTEXT_SCOPE);
    return chain;
  }

  /** The effective config of a subject (null = global scope). */
  public static Config effectiveConfig(RegistryState state, String subject, NodeOptions options) {
    for (String scope : chain(subject)) {
      Config config = state.config(scope);
      if (config != null) {
        return withDefaultLevel(config, options);
      }
    }
    return Config.ofLevel(options.defaultLevel());
  }

  /** A config with the server's default level where it sets none. */
  public static Config withDefaultLevel(Config config, NodeOptions options) {
    return config.compatibilityLevel() != null ? config : config.withLevel(options.defaultLevel());
  }

  /**
   * The mode a subject is in. A global READONLY_OVERRIDE wins over every other scope's mode,
   * including a subject's own: it is the switch that freezes the whole registry.
   */
  public static Mode effectiveMode(RegistryState state, String subject) {
    if (state.mode(null) == Mode.READONLY_OVERRIDE) {
      return Mode.READONLY_OVERRIDE;
    }
    for (String scope : chain(subject)) {
      Mode mode = state.mode(scope);
      if (mode != null) {
        return mode;
      }
    }
    return Mode.READWRITE;
  }
}
