package dev.stele.serde.rules.internal;

import dev.stele.client.Rule;
import dev.stele.client.RuleKind;
import dev.stele.client.RuleMode;
import dev.stele.client.SchemaDefinition;
import dev.stele.serde.rules.DlqAction;
import dev.stele.serde.rules.MessageModel;
import dev.stele.serde.rules.NoneAction;
import dev.stele.serde.rules.PreparedRule;
import dev.stele.serde.rules.RuleAction;
import dev.stele.serde.rules.RuleConditionException;
import dev.stele.serde.rules.RuleContext;
import dev.stele.serde.rules.RuleException;
import dev.stele.serde.rules.RuleExecutor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One schema's rules of one phase in one mode, worked out once by {@link RuleEngine} (decision
 * 0029): the rules that run, in their order, each with its executor, the executor's prepared form
 * and the actions its outcomes lead to. {@link #run} is what a record pays: per rule the DLQ
 * header test when the record has headers, the executor, and a {@link RuleContext} only for an
 * executor that has no prepared form or for an action that runs. Immutable, every field final:
 * plans are shared between threads through the engine's unsynchronized cache slots.
 */
final class RulePlan {
  private static final Logger LOG = LoggerFactory.getLogger(RuleEngine.class);

  /** The schema whose rules these are, compared by identity, and which phase and mode ({@link RuleEngine}'s key). */
  final SchemaDefinition target;
  final int kind;
  /**
   * The subject the executors and actions were chosen for, when it mattered (a type configured
   * under several names picks {@code <subject>:<rule>} first); else null: any subject.
   */
  final String subject;
  private final RuleMode mode;
  private final boolean isKey;
  private final List<Rule> rules;
  private final Step[] steps;

  /**
   * One rule that runs.
   *
   * @param index its place in {@code rules}, skipped rules counted, as {@link RuleContext#index}
   * @param executor null when none of its type is configured: every record fails the rule
   * @param prepared the executor's form for this rule, or null: its records go through {@code transform}
   * @param onSuccess null when a success leads to nothing (no action, or NONE)
   * @param onFailure never null: ERROR unless the rule or the client names another
   */
  record Step(Rule rule, int index, RuleExecutor executor, PreparedRule prepared, Outcome onSuccess,
      Outcome onFailure) {}

  /**
   * An action an outcome leads to, found when the plan was made.
   *
   * @param name as the rule or client configured it, for the log
   * @param action null when no action of that type is configured here
   * @param missing the ConfigException's message for that case, thrown when the action must run
   */
  record Outcome(String name, RuleAction action, String missing) {}

  RulePlan(SchemaDefinition target, int kind, String subject, RuleMode mode, boolean isKey, List<Rule> rules,
      List<Step> steps) {
    this.target = target;
    this.kind = kind;
    this.subject = subject;
    this.mode = mode;
    this.isKey = isKey;
    this.rules = rules;
    this.steps = steps.toArray(new Step[0]);
  }

  boolean isEmpty() {
    return steps.length == 0;
  }

  /** The message after every step; {@code original} is what a DLQ carries. */
  Object run(String subject, String topic, Headers headers, MessageModel model, Object message, Object original) {
    for (Step step : steps) {
      if (headers != null && cameFromDlq(headers, step.rule())) {
        continue;
      }
      message = runOne(step, subject, topic, headers, model, message, original);
    }
    return message;
  }

  private Object runOne(Step step, String subject, String topic, Headers headers, MessageModel model,
      Object message, Object original) {
    Rule rule = step.rule();
    RuleContext ctx = null;
    if (step.executor() == null) {
      act(context(step, subject, topic, headers, model, original), step.onFailure(), message,
          new RuleException(rule, "Could not find rule executor of type " + rule.type()));
      return message;
    }
    RuleException failure = null;
    try {
      Object output;
      if (step.prepared() != null) {
        output = step.prepared().transform(model, message);
      } else {
        ctx = context(step, subject, topic, headers, model, original);
        output = step.executor().transform(ctx, message);
      }
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
    Outcome outcome = failure != null || message == null ? step.onFailure() : step.onSuccess();
    if (outcome != null) {
      if (ctx == null) {
        ctx = context(step, subject, topic, headers, model, original);
      }
      act(ctx, outcome, message, failure);
    }
    return message;
  }

  private RuleContext context(Step step, String subject, String topic, Headers headers, MessageModel model,
      Object original) {
    return new RuleContext(target, model, subject, topic, headers, isKey, mode, step.rule(), step.index(), rules,
        original);
  }

  private static boolean cameFromDlq(Headers headers, Rule rule) {
    Header header = headers.lastHeader(DlqAction.RULE_NAME);
    return header != null && header.value() != null
        && rule.name().equals(new String(header.value(), StandardCharsets.UTF_8));
  }

  private static void act(RuleContext ctx, Outcome outcome, Object message, RuleException failure) {
    if (outcome.action() == null) {
      throw new ConfigException(outcome.missing());
    }
    try {
      outcome.action().run(ctx, message, failure);
    } catch (RuleException e) {
      LOG.error("Could not run action {} after rule '{}'", outcome.name(), ctx.rule().name(), e);
    }
  }

  /** Whether a success needs no action at all: none named, or NONE, which does nothing after a success. */
  static boolean isNothing(Outcome outcome) {
    return outcome == null || outcome.action() instanceof NoneAction;
  }
}
