package dev.stele.serde.rules.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stele.client.Rule;
import dev.stele.client.RuleMode;
import dev.stele.client.SchemaDefinition;
import dev.stele.client.SchemaRegistryClient;
import dev.stele.client.internal.ConfigValues;
import dev.stele.serde.rules.ErrorAction;
import dev.stele.serde.rules.MessageModel;
import dev.stele.serde.rules.NoneAction;
import dev.stele.serde.rules.PreparedRule;
import dev.stele.serde.rules.RuleAction;
import dev.stele.serde.rules.RuleBase;
import dev.stele.serde.rules.RuleContext;
import dev.stele.serde.rules.RuleExecutor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a schema's rules on a message, with Confluent's semantics: the rules of the phase in order
 * (READ in reverse), each skipped when disabled, when its mode does not cover the serde's, or when
 * the record came back from a DLQ for that very rule; a CONDITION that answers {@code false} fails;
 * a TRANSFORM's answer is the message from then on; then {@code onSuccess} (default NONE) or
 * {@code onFailure} (default ERROR) runs. A rule whose executor type is unknown fails like a rule
 * whose condition failed, through its {@code onFailure}: it is never skipped silently.
 */
public final class RuleEngine implements AutoCloseable {
  public static final String RULE_EXECUTORS = "rule.executors";
  public static final String RULE_ACTIONS = "rule.actions";
  public static final String RULE_SERVICE_LOADER_ENABLE = "rule.service.loader.enable";
  private static final Logger LOG = LoggerFactory.getLogger(RuleEngine.class);
  private static final RuleAction ERROR = new ErrorAction();
  private static final RuleAction NONE = new NoneAction();
  private static final int DOMAIN = 0;
  private static final int ENCODING = 1;
  private static final int MIGRATION = 2;
  private static final int MODES = RuleMode.values().length;
  /** Plans cached per engine: a power of two, enough for every schema and mode a serde meets at once. */
  private static final int PLAN_SLOTS = 128;

  private final Map<String, Map<String, RuleBase>> executors;
  private final Map<String, Map<String, RuleBase>> actions;
  private final RuleOverrides overrides;
  private final boolean isKey;
  private final RulePlan[] plans = new RulePlan[PLAN_SLOTS];

  private RuleEngine(Map<String, Map<String, RuleBase>> executors, Map<String, Map<String, RuleBase>> actions,
      RuleOverrides overrides, boolean isKey) {
    this.isKey = isKey;
    this.executors = executors;
    this.actions = actions;
    this.overrides = overrides;
  }

  /** Builds and configures every executor and action; a bad key or class fails here, naming it. */
  public static RuleEngine configure(Map<String, ?> configs, SchemaRegistryClient client, boolean isKey) {
    boolean serviceLoader = new ConfigValues(configs).bool(RULE_SERVICE_LOADER_ENABLE, true);
    Map<String, Map<String, RuleBase>> executors = RuleObjects.load(configs, RULE_EXECUTORS, RuleExecutor.class,
        serviceLoader, client);
    Map<String, Map<String, RuleBase>> actions;
    try {
      actions = RuleObjects.load(configs, RULE_ACTIONS, RuleAction.class, serviceLoader, client);
    } catch (RuntimeException e) {
      closeAll(executors);
      throw e;
    }
    RuleOverrides overrides;
    try {
      overrides = RuleOverrides.read(configs, type -> isAction(actions, type));
    } catch (RuntimeException e) {
      closeAll(executors);
      closeAll(actions);
      throw e;
    }
    return new RuleEngine(executors, actions, overrides, isKey);
  }

  private static boolean isAction(Map<String, Map<String, RuleBase>> actions, String type) {
    String upper = type.toUpperCase(Locale.ROOT);
    return upper.equals(ErrorAction.TYPE) || upper.equals(NoneAction.TYPE) || actions.containsKey(upper);
  }

  /** The executor of {@code type} configured under {@code name} ({@code _default_}: found by ServiceLoader), or null. */
  public RuleExecutor executor(String type, String name) {
    Map<String, RuleBase> named = executors.get(type.toUpperCase(Locale.ROOT));
    return named == null ? null : (RuleExecutor) named.get(name);
  }

  /** The executor types this serde can run, e.g. to tell a user which are on the class path. */
  public java.util.Set<String> executorTypes() {
    return Collections.unmodifiableSet(executors.keySet());
  }

  /**
   * Runs {@code target}'s domain rules in {@code mode} (WRITE or READ) and returns the message to
   * write or hand over. Without rules it returns {@code message} at the cost of one check.
   */
  public Object domain(RuleMode mode, String subject, String topic, Headers headers, SchemaDefinition target,
      MessageModel model, Object message) {
    return domain(mode, subject, topic, headers, target, model, message, message);
  }

  /**
   * The same, with what a DLQ should carry when it is not the message itself: a deserializer
   * hands over the record's bytes as they came, so the dead letter can be read back.
   */
  public Object domain(RuleMode mode, String subject, String topic, Headers headers, SchemaDefinition target,
      MessageModel model, Object message, Object original) {
    if (message == null || target == null || !target.hasRules() || target.ruleSet().domainRules().isEmpty()) {
      return message;
    }
    RulePlan plan = plan(target, DOMAIN, mode, subject, model);
    return plan.isEmpty() ? message : plan.run(subject, topic, headers, model, message, original);
  }

  /** Whether {@code target} has encoding rules ({@code ruleSet.encodingRules}) for a serde to run. */
  public static boolean hasEncodingRules(SchemaDefinition target) {
    return target != null && target.ruleSet() != null && !target.ruleSet().encodingRules().isEmpty();
  }

  /**
   * Runs {@code target}'s encoding rules on an encoded payload (the bytes after the framing):
   * WRITE once the format has written it, READ (in reverse order) before the format reads it, as
   * Confluent's serdes do; returns the payload to frame or decode.
   */
  public byte[] encoding(RuleMode mode, String subject, String topic, Headers headers, SchemaDefinition target,
      MessageModel model, byte[] payload) {
    if (!hasEncodingRules(target)) {
      return payload;
    }
    Object out = plan(target, ENCODING, mode, subject, model).run(subject, topic, headers, model, payload, payload);
    if (!(out instanceof byte[] bytes)) {
      throw new SerializationException("An encoding rule of subject '" + subject + "' did not answer bytes but "
          + (out == null ? "null" : out.getClass().getSimpleName()));
    }
    return bytes;
  }

  /**
   * Runs the migration rules of each step on {@code json}, a record's JSON form, and returns the
   * JSON of the record as the last step's schema has it. Migrations are rare and each converts the
   * record to JSON and back, so their plans are made per call, not cached.
   */
  public JsonNode migrate(List<Migrations.Step> steps, String subject, String topic, Headers headers, JsonNode json) {
    Object message = json;
    for (Migrations.Step step : steps) {
      List<Rule> rules;
      if (step.mode() == RuleMode.UPGRADE) {
        rules = step.target().ruleSet().migrationRules();
      } else {
        rules = new ArrayList<>(step.source().ruleSet().migrationRules());
        Collections.reverse(rules);
      }
      message = build(step.target(), MIGRATION, step.mode(), subject, rules, JsonTreeModel.INSTANCE)
          .run(subject, topic, headers, JsonTreeModel.INSTANCE, message, message);
      if (!(message instanceof JsonNode)) {
        throw new SerializationException("A migration rule of subject '" + subject + "' did not answer a JSON"
            + " record but " + (message == null ? "null" : message.getClass().getSimpleName()));
      }
    }
    return (JsonNode) message;
  }

  /**
   * {@code target}'s plan for a phase and mode: from its cache slot when the slot holds that very
   * definition (identity: no deep equals per record) with that key, else made and put there. The
   * slots are a plain array read and written without locks: a plan is immutable with final fields,
   * so a thread sees a whole plan or an older one or none, and at worst makes one again.
   */
  private RulePlan plan(SchemaDefinition target, int phase, RuleMode mode, String subject, MessageModel model) {
    int kind = phase * MODES + mode.ordinal();
    int slot = (System.identityHashCode(target) * 31 + kind) & (PLAN_SLOTS - 1);
    RulePlan plan = plans[slot];
    if (plan == null || plan.target != target || plan.kind != kind
        || (plan.subject != null && !plan.subject.equals(subject))) {
      List<Rule> rules = phase == DOMAIN ? target.ruleSet().domainRules() : target.ruleSet().encodingRules();
      if (mode == RuleMode.READ) {
        rules = new ArrayList<>(rules);
        Collections.reverse(rules);
      }
      plan = build(target, kind, mode, subject, List.copyOf(rules), model);
      plans[slot] = plan;
    }
    return plan;
  }

  /**
   * Works out, once, what every record would otherwise: which rules run (not disabled, their mode
   * covering the serde's), each one's executor and prepared form, and its actions.
   */
  private RulePlan build(SchemaDefinition target, int kind, RuleMode mode, String subject, List<Rule> rules,
      MessageModel model) {
    List<RulePlan.Step> steps = new ArrayList<>();
    boolean bySubject = false;
    for (int i = 0; i < rules.size(); i++) {
      Rule rule = rules.get(i);
      if (overrides.disabled(rule) || !rule.mode().runsIn(mode)) {
        continue;
      }
      String type = rule.type().toUpperCase(Locale.ROOT);
      bySubject |= named(executors, type) > 1;
      RuleExecutor executor = (RuleExecutor) find(executors, subject, rule, type);
      PreparedRule prepared = null;
      if (executor != null) {
        try {
          prepared = executor.prepare(new RuleContext(target, model, subject, null, null, isKey, mode, rule, i,
              rules, null));
        } catch (RuntimeException e) {
          LOG.debug("Rule '{}' not prepared; its records run it one by one", rule.name(), e);
        }
      }
      RulePlan.Outcome onSuccess = outcome(overrides.onSuccess(rule), rule, mode, null, subject);
      RulePlan.Outcome onFailure = outcome(overrides.onFailure(rule), rule, mode, ErrorAction.TYPE, subject);
      bySubject |= named(actions, type(onSuccess)) > 1 || named(actions, type(onFailure)) > 1;
      steps.add(new RulePlan.Step(rule, i, executor, prepared, RulePlan.isNothing(onSuccess) ? null : onSuccess,
          onFailure));
    }
    return new RulePlan(target, kind, bySubject ? subject : null, mode, isKey, rules, steps);
  }

  /** The action a rule's outcome leads to, or null for none ({@code fallback} null and nothing configured). */
  private RulePlan.Outcome outcome(String configured, Rule rule, RuleMode running, String fallback,
      String subject) {
    String name = RuleOverrides.side(configured, rule.mode(), running);
    if (name == null) {
      name = fallback;
    }
    if (name == null) {
      return null;
    }
    String upper = name.trim().toUpperCase(Locale.ROOT);
    RuleAction action = switch (upper) {
      case ErrorAction.TYPE -> ERROR;
      case NoneAction.TYPE -> NONE;
      default -> (RuleAction) find(actions, subject, rule, upper);
    };
    String missing = action != null ? null : "Could not find rule action of type " + name + " (rule '"
        + rule.name() + "'; the action types here are ERROR, NONE" + (actions.isEmpty() ? "" : ", "
        + String.join(", ", actions.keySet())) + ")";
    return new RulePlan.Outcome(name, action, missing);
  }

  private static String type(RulePlan.Outcome outcome) {
    return outcome == null ? "" : outcome.name().trim().toUpperCase(Locale.ROOT);
  }

  private static int named(Map<String, Map<String, RuleBase>> byType, String type) {
    Map<String, RuleBase> named = byType.get(type);
    return named == null ? 0 : named.size();
  }

  /** The object for {@code type}: named {@code <subject>:<rule>}, else {@code <rule>}, else the first. */
  private static RuleBase find(Map<String, Map<String, RuleBase>> byType, String subject, Rule rule, String type) {
    Map<String, RuleBase> named = byType.get(type);
    if (named == null || named.isEmpty()) {
      return null;
    }
    if (named.size() == 1) {
      return named.values().iterator().next();
    }
    RuleBase found = named.get(subject + ":" + rule.name());
    if (found == null) {
      found = named.get(rule.name());
    }
    return found != null ? found : named.values().iterator().next();
  }

  @Override
  public void close() {
    closeAll(actions);
    closeAll(executors);
  }

  private static void closeAll(Map<String, Map<String, RuleBase>> byType) {
    for (Map<String, RuleBase> named : byType.values()) {
      for (RuleBase object : named.values()) {
        try {
          object.close();
        } catch (RuntimeException e) {
          LOG.warn("Could not close rule object {}", object.type(), e);
        }
      }
    }
  }
}
