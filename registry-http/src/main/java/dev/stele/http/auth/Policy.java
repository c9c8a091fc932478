package dev.stele.http.auth;

import java.util.List;

/**
 * The access rules, compiled: pure and immutable, so one instance answers every request until the
 * users file changes. Without rules nothing is granted; {@link #OPEN} (no authentication
 * configured) grants everything.
 */
public final class Policy {
  public static final Policy OPEN = new Policy(List.of(), true);

  private record Compiled(Rule rule, Rule.Matcher matcher) {}

  private final List<Compiled> rules;
  private final boolean open;

  private Policy(List<Rule> rules, boolean open) {
    this.rules = rules.stream().map(r -> new Compiled(r, r.matcher())).toList();
    this.open = open;
  }

  public static Policy of(List<Rule> rules) {
    return new Policy(List.copyOf(rules), false);
  }

  public boolean isOpen() {
    return open;
  }

  public boolean allows(Principal principal, Operation operation, Resource resource) {
    if (open) {
      return true;
    }
    for (Compiled compiled : rules) {
      Rule rule = compiled.rule();
      if (rule.operations().contains(operation) && rule.appliesTo(principal)
          && compiled.matcher().matches(resource)) {
        return true;
      }
    }
    return false;
  }

  /** True when the caller may read every subject: listings and schemas by id need no filter. */
  public boolean readsEverySubject(Principal principal) {
    if (open) {
      return true;
    }
    for (Compiled compiled : rules) {
      Rule rule = compiled.rule();
      if (rule.coversEverySubject() && rule.operations().contains(Operation.READ)
          && rule.appliesTo(principal)) {
        return true;
      }
    }
    return false;
  }

  public List<Rule> rules() {
    return rules.stream().map(Compiled::rule).toList();
  }
}
