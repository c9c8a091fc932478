package dev.stele.serde.rules.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stele.client.Rule;
import dev.stele.client.RuleKind;
import dev.stele.client.RuleMode;
import dev.stele.client.SchemaDefinition;
import dev.stele.client.SchemaRegistryClient;
import dev.stele.client.internal.ConfigValues;
import dev.stele.serde.rules.DlqAction;
import dev.stele.serde.rules.ErrorAction;
import dev.stele.serde.rules.MessageModel;
import dev.stele.serde.rules.NoneAction;
import dev.stele.serde.rules.RuleAction;
import dev.stele.serde.rules.RuleBase;
import dev.stele.serde.rules.RuleConditionException;
import dev.stele.serde.rules.RuleContext;
import dev.stele.serde.rules.RuleException;
import dev.stele.serde.rules.RuleExecutor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
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

  private final Map<String, Map<String, RuleBase>> executors;
  private final Map<String, Map<String, RuleBase>> actions;
  private final RuleOverrides overrides;
  private final boolean isKey;

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
    List<Rule> rules = target.ruleSet().domainRules();
    if (mode == RuleMode.READ) {
      rules = new ArrayList<>(rules);
      Collections.reverse(rules);
    }
    return run(mode, subject, topic, headers, target, model, message, original, rules);
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
    List<Rule> rules = target.ruleSet().encodingRules();
    if (mode == RuleMode.READ) {
      rules = new ArrayList<>(rules);
      Collections.reverse(rules);
    }
    Object out = run(mode, subject, topic, headers, target, model, payload, payload, rules);
    if (!(out instanceof byte[] bytes)) {
      throw new SerializationException("An encoding rule of subject '" + subject + "' did not answer bytes but "
          + (out == null ? "null" : out.getClass().getSimpleName()));
    }
    return bytes;
  }

  /**
   * Runs the migration rules of each step on {@code json}, a record's JSON form, and returns the
   * JSON of the record as the last step's schema has it.
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
      message = run(step.mode(), subject, topic, headers, step.target(), JsonTreeModel.INSTANCE, message, message,
          rules);
      if (!(message instanceof JsonNode)) {
        throw new SerializationException("A migration rule of subject '" + subject + "' did not answer a JSON"
            + " record but " + (message == null ? "null" : message.getClass().getSimpleName()));
      }
    }
    return (JsonNode) message;
  }

  private Object run(RuleMode mode, String subject, String topic, Headers headers, SchemaDefinition target,
      MessageModel model, Object message, Object original, List<Rule> rules) {
    for (int i = 0; i < rules.size(); i++) {
      Rule rule = rules.get(i);
      if (overrides.disabled(rule) || !rule.mode().runsIn(mode) || cameFromDlq(headers, rule)) {
        continue;
      }
      RuleContext ctx = new RuleContext(target, model, subject, topic, headers, isKey,
          mode, rule, i, rules, original);
      message = runOne(ctx, message);
    }
    return message;
  }

  private Object runOne(RuleContext ctx, Object message) {
    Rule rule = ctx.rule();
    RuleExecutor executor = (RuleExecutor) find(executors, ctx, rule.type());
    if (executor == null) {
      act(ctx, overrides.onFailure(rule), message, new RuleException(rule,
          "Could not find rule executor of type " + rule.type()), ErrorAction.TYPE);
      return message;
    }
    RuleException failure = null;
    try {
      Object output = executor.transform(ctx, message);
      if (rule.kind() == RuleKind.CONDITION) {
        if (Boolean.FALSE.equals(output)) {
          failure = new RuleConditionException(rule);
        }
      } else {
        message = output;
      }
    } catch (RuleException e) {
      failure = e;
    } catch (SerializationException e) {
      throw e;
    } catch (RuntimeException e) {
      // An executor's bug or a value it cannot handle is the rule's failure, for onFailure to judge.
      failure = new RuleException(rule, String.valueOf(e.getMessage()), e);
    }
    if (failure != null) {
      act(ctx, overrides.onFailure(rule), message, failure, ErrorAction.TYPE);
    } else if (message != null) {
      act(ctx, overrides.onSuccess(rule), message, null, null);
    } else {
      act(ctx, overrides.onFailure(rule), null, null, ErrorAction.TYPE);
    }
    return message;
  }

  private static boolean cameFromDlq(Headers headers, Rule rule) {
    if (headers == null) {
      return false;
    }
    Header header = headers.lastHeader(DlqAction.RULE_NAME);
    return header != null && header.value() != null
        && rule.name().equals(new String(header.value(), StandardCharsets.UTF_8));
  }

  private void act(RuleContext ctx, String configured, Object message, RuleException failure, String fallback) {
    String name = RuleOverrides.side(configured, ctx.rule().mode(), ctx.mode());
    if (name == null) {
      name = fallback;
    }
    if (name == null) {
      return;
    }
    String upper = name.trim().toUpperCase(Locale.ROOT);
    RuleAction action = switch (upper) {
      case ErrorAction.TYPE -> ERROR;
      case NoneAction.TYPE -> NONE;
      default -> (RuleAction) find(actions, ctx, upper);
    };
    if (action == null) {
      throw new ConfigException("Could not find rule action of type " + name + " (rule '" + ctx.rule().name()
          + "'; the action types here are ERROR, NONE" + (actions.isEmpty() ? "" : ", " + String.join(", ",
          actions.keySet())) + ")");
    }
    try {
      action.run(ctx, message, failure);
    } catch (RuleException e) {
      LOG.error("Could not run action {} after rule '{}'", name, ctx.rule().name(), e);
    }
  }

  /** The object for {@code type}: named {@code <subject>:<rule>}, else {@code <rule>}, else the first. */
  private static RuleBase find(Map<String, Map<String, RuleBase>> byType, RuleContext ctx, String type) {
    Map<String, RuleBase> named = byType.get(type.toUpperCase(Locale.ROOT));
    if (named == null || named.isEmpty()) {
      return null;
    }
    if (named.size() == 1) {
      // The usual case (one executor per type, found by ServiceLoader): whatever the names say, the
      // answer is that one, and the key strings below would be made per record for nothing.
      return named.values().iterator().next();
    }
    RuleBase found = named.get(ctx.subject() + ":" + ctx.rule().name());
    if (found == null) {
      found = named.get(ctx.rule().name());
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
