package dev.stele.client;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One rule of a schema's rule set, as the registry stores it (API.md §1.4, Confluent's
 * {@code Rule}). {@code type} names the executor ({@code CEL}, {@code CEL_FIELD}, ...);
 * {@code onSuccess} and {@code onFailure} name actions ({@code NONE}, {@code ERROR}, {@code DLQ}),
 * for a WRITEREAD or UPDOWN rule possibly two, comma-separated (write side first).
 *
 * @param tags the field tags a field-level rule applies to; empty means every field
 */
public record Rule(String name, String doc, RuleKind kind, RuleMode mode, String type, Set<String> tags,
    Map<String, String> params, String expr, String onSuccess, String onFailure, boolean disabled) {

  public Rule {
    Objects.requireNonNull(name, "name");
    kind = kind == null ? RuleKind.TRANSFORM : kind;
    mode = mode == null ? RuleMode.WRITEREAD : mode;
    Objects.requireNonNull(type, "type");
    tags = tags == null ? Set.of() : java.util.Collections.unmodifiableSet(new TreeSet<>(tags));
    params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(params));
  }

  /** A rule with no tags, parameters, doc or actions: the registry's defaults apply. */
  public static Rule of(String name, RuleKind kind, RuleMode mode, String type, String expr) {
    return new Rule(name, null, kind, mode, type, Set.of(), Map.of(), expr, null, null, false);
  }

  public Rule withTags(Set<String> newTags) {
    return new Rule(name, doc, kind, mode, type, newTags, params, expr, onSuccess, onFailure, disabled);
  }

  public Rule withParams(Map<String, String> newParams) {
    return new Rule(name, doc, kind, mode, type, tags, newParams, expr, onSuccess, onFailure, disabled);
  }

  public Rule withActions(String newOnSuccess, String newOnFailure) {
    return new Rule(name, doc, kind, mode, type, tags, params, expr, newOnSuccess, newOnFailure, disabled);
  }

  public Rule withDisabled(boolean newDisabled) {
    return new Rule(name, doc, kind, mode, type, tags, params, expr, onSuccess, onFailure, newDisabled);
  }
}
