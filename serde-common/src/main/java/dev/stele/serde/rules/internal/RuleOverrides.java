package dev.stele.serde.rules.internal;

import dev.stele.client.Rule;
import dev.stele.client.RuleMode;
import dev.stele.client.internal.ConfigValues;
import dev.stele.serde.rules.RuleBase;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * A client's say over a schema's rules, Confluent's keys: {@code rule.executors.<rule name>.onSuccess},
 * {@code .onFailure} and {@code .disabled}, falling back to {@code rule.executors._<TYPE>_.*} and then
 * {@code rule.executors._default_.*}, then to the rule's own fields. Every other
 * {@code rule.executors.<x>.<y>} key is refused at configure(), as is an action no one provides.
 */
final class RuleOverrides {
  static final String ON_SUCCESS = "onSuccess";
  static final String ON_FAILURE = "onFailure";
  static final String DISABLED = "disabled";
  private static final int MAX_CACHED = 10_000;

  /** Who → setting → value, e.g. {@code _CEL_} → {@code disabled} → {@code true}. */
  private final Map<String, Map<String, String>> settings;
  private final ConcurrentHashMap<Rule, Resolved> resolved = new ConcurrentHashMap<>();

  private record Resolved(String onSuccess, String onFailure, boolean disabled) {}

  private RuleOverrides(Map<String, Map<String, String>> settings) {
    this.settings = settings;
  }

  static RuleOverrides read(Map<String, ?> configs, Predicate<String> isAction) {
    Map<String, Map<String, String>> settings = new HashMap<>();
    String prefix = RuleEngine.RULE_EXECUTORS + ".";
    String actions = RuleEngine.RULE_ACTIONS + ".";
    for (Map.Entry<String, ?> entry : configs.entrySet()) {
      String key = entry.getKey();
      if (key.startsWith(actions) && entry.getValue() != null && !key.endsWith(".class")
          && key.indexOf(RuleObjects.PARAM, actions.length() - 1) < 0) {
        throw new IllegalArgumentException(key + " is not a key of Stele's or Confluent's serdes: under " + actions
            + "<name>. come class and param.*");
      }
      if (!key.startsWith(prefix) || entry.getValue() == null) {
        continue;
      }
      String rest = key.substring(prefix.length());
      int dot = rest.lastIndexOf('.');
      if (rest.indexOf(RuleObjects.PARAM) > 0 || rest.endsWith(".class")) {
        continue;
      }
      String setting = dot < 0 ? "" : rest.substring(dot + 1);
      if (dot <= 0 || !Set.of(ON_SUCCESS, ON_FAILURE, DISABLED).contains(setting)) {
        throw new IllegalArgumentException(key + " is not a key of Stele's or Confluent's serdes: under "
            + prefix + "<name>. come class, param.*, onSuccess, onFailure and disabled");
      }
      String value = ConfigValues.text(entry.getValue()).trim();
      if (setting.equals(DISABLED)) {
        new ConfigValues(Map.of(key, value)).bool(key, false);
      } else {
        for (String action : value.split(",")) {
          if (!isAction.test(action.trim())) {
            throw new IllegalArgumentException(key + "=" + value + ": no rule action of type '" + action.trim()
                + "' here; ERROR, NONE and DLQ are built in, others need rule.actions");
          }
        }
      }
      settings.computeIfAbsent(rest.substring(0, dot), n -> new HashMap<>()).put(setting, value);
    }
    return new RuleOverrides(settings);
  }

  String onSuccess(Rule rule) {
    return settings.isEmpty() ? rule.onSuccess() : resolve(rule).onSuccess;
  }

  String onFailure(Rule rule) {
    return settings.isEmpty() ? rule.onFailure() : resolve(rule).onFailure;
  }

  boolean disabled(Rule rule) {
    return settings.isEmpty() ? rule.disabled() : resolve(rule).disabled;
  }

  private Resolved resolve(Rule rule) {
    if (settings.isEmpty()) {
      return new Resolved(rule.onSuccess(), rule.onFailure(), rule.disabled());
    }
    Resolved found = resolved.get(rule);
    if (found == null) {
      String disabled = setting(rule, DISABLED);
      found = new Resolved(orElse(setting(rule, ON_SUCCESS), rule.onSuccess()),
          orElse(setting(rule, ON_FAILURE), rule.onFailure()),
          disabled != null ? Boolean.parseBoolean(disabled) : rule.disabled());
      if (resolved.size() >= MAX_CACHED) {
        resolved.clear();
      }
      resolved.put(rule, found);
    }
    return found;
  }

  private String setting(Rule rule, String name) {
    for (String who : new String[] {rule.name(), "_" + rule.type().toUpperCase(Locale.ROOT) + "_",
        RuleBase.DEFAULT_NAME}) {
      Map<String, String> of = settings.get(who);
      if (of != null && of.containsKey(name)) {
        return of.get(name);
      }
    }
    return null;
  }

  private static String orElse(String value, String fallback) {
    return value != null ? value : fallback;
  }

  /**
   * The action for the side the serde is on: a WRITEREAD or UPDOWN rule may name two,
   * {@code "<write or upgrade>,<read or downgrade>"}.
   */
  static String side(String configured, RuleMode ruleMode, RuleMode running) {
    if (configured == null || !configured.contains(",")
        || (ruleMode != RuleMode.WRITEREAD && ruleMode != RuleMode.UPDOWN)) {
      return configured;
    }
    String[] parts = configured.split(",");
    return switch (running) {
      case WRITE, UPGRADE -> parts[0].trim();
      default -> parts.length > 1 ? parts[1].trim() : null;
    };
  }
}
