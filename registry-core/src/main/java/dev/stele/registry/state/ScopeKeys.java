package dev.stele.registry.state;

import java.util.HashSet;
import java.util.Set;

/**
 * Map keys for config and mode scopes. The global scope is a null subject in the log; concurrent
 * maps take no null keys, so it gets a key no subject can have (subjects with control characters
 * are refused).
 */
final class ScopeKeys {
  private static final String GLOBAL = "\u0000global";

  private ScopeKeys() {}

  static String key(String scope) {
    return scope == null ? GLOBAL : scope;
  }

  static Set<String> scopes(Set<String> keys) {
    Set<String> scopes = new HashSet<>();
    for (String key : keys) {
      scopes.add(GLOBAL.equals(key) ? null : key);
    }
    return scopes;
  }
}
