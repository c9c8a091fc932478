package dev.stele.registry.log;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stele.registry.model.ErrorCode;
import dev.stele.registry.model.RawJson;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

/**
 * The checks Confluent's {@code RuleSet.validate} makes on a rule set sent with a registration or
 * as a config's {@code defaultRuleSet}/{@code overrideRuleSet}: unique names across the kinds of
 * rules, a name of letters, digits, {@code _} and {@code -} (a letter or {@code _} first, at most
 * 256), a type, modes that fit the list (migration: UPGRADE, DOWNGRADE, UPDOWN; domain and
 * encoding: WRITE, READ, WRITEREAD; none given is WRITEREAD), and several actions only with
 * WRITEREAD and UPDOWN. A failure is 42210 with Confluent's words.
 */
public final class RuleSetCheck {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int NAME_MAX_LENGTH = 256;
  private static final Set<String> MIGRATION_MODES = Set.of("UPGRADE", "DOWNGRADE", "UPDOWN");
  private static final Set<String> DOMAIN_MODES = Set.of("WRITE", "READ", "WRITEREAD");

  private RuleSetCheck() {}

  /** Passes a null rule set; throws 42210 for the first problem found. */
  public static void validate(RawJson ruleSet) {
    if (ruleSet == null) {
      return;
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(ruleSet.text());
    } catch (IOException e) {
      throw ErrorCode.INVALID_RULE_SET.exception("Invalid rule set: not JSON");
    }
    Set<String> names = new HashSet<>();
    check(root.get("migrationRules"), names, MIGRATION_MODES,
        "Migration rules can only be UPGRADE, DOWNGRADE, UPDOWN");
    check(root.get("domainRules"), names, DOMAIN_MODES,
        "Domain rules can only be WRITE, READ, WRITEREAD");
    check(root.get("encodingRules"), names, DOMAIN_MODES,
        "Encoding rules can only be WRITE, READ, WRITEREAD");
  }

  private static void check(JsonNode rules, Set<String> names, Set<String> modes, String wrongMode) {
    if (rules == null || !rules.isArray()) {
      return;
    }
    for (JsonNode rule : rules) {
      String name = text(rule, "name");
      if (names.contains(name)) {
        throw invalid("Found rule with duplicate name '" + name + "'");
      }
      names.add(name);
      checkName(name);
      if (text(rule, "type") == null) {
        throw invalid("Missing rule type");
      }
      String mode = text(rule, "mode") == null ? "WRITEREAD" : text(rule, "mode");
      checkAction(mode, text(rule, "onSuccess"));
      checkAction(mode, text(rule, "onFailure"));
      if (!modes.contains(mode)) {
        throw invalid(wrongMode);
      }
    }
  }

  private static void checkName(String name) {
    if (name == null) {
      throw invalid("Missing rule name");
    }
    if (name.isEmpty()) {
      throw invalid("Empty rule name");
    }
    if (name.length() > NAME_MAX_LENGTH) {
      throw invalid("Rule name too long");
    }
    char first = name.charAt(0);
    if (!(Character.isLetter(first) || first == '_')) {
      throw invalid("Illegal initial character in rule name: " + name);
    }
    for (int i = 1; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-')) {
        throw invalid("Illegal character in rule name: " + name);
      }
    }
  }

  private static void checkAction(String mode, String action) {
    if (!mode.equals("WRITEREAD") && !mode.equals("UPDOWN") && action != null
        && action.indexOf(',') >= 0) {
      throw invalid("Multiple actions only valid with WRITEREAD and UPDOWN");
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static RuntimeException invalid(String message) {
    return ErrorCode.INVALID_RULE_SET.exception(message);
  }
}
