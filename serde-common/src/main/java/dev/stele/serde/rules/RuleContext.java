package dev.stele.serde.rules;

import dev.stele.client.Metadata;
import dev.stele.client.Rule;
import dev.stele.client.RuleMode;
import dev.stele.client.SchemaDefinition;
import dev.stele.serde.rules.internal.FieldLeaf;
import dev.stele.serde.rules.internal.MetadataTags;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.header.Headers;

/**
 * One rule about to run on one message: the rule and its neighbours, where the message goes,
 * and the schema whose rule set it is ({@link #target}) with the format's {@link #model}.
 * Made per rule and message; immutable.
 *
 * @param original the message as the application handed it over (serializer) or as decoded
 *     (deserializer), before any rule rewrote it; what the DLQ action sends
 * @param rules the rules of this phase in the order they run; {@code index} is this one's place
 */
public record RuleContext(SchemaDefinition target, MessageModel model, String subject, String topic,
    Headers headers, boolean isKey, RuleMode mode, Rule rule, int index, List<Rule> rules, Object original) {

  /**
   * A rule parameter: the rule's {@code params}, else the schema's metadata property of that name,
   * else null.
   */
  public String parameter(String name) {
    String value = rule.params().get(name);
    if (value == null && target.metadata() != null) {
      value = target.metadata().properties().get(name);
    }
    return value;
  }

  /** The tags the schema's metadata gives the field at {@code fullName} (paths may hold wildcards). */
  public Set<String> metadataTags(String fullName) {
    Metadata metadata = target.metadata();
    if (metadata == null || metadata.tags().isEmpty()) {
      return Set.of();
    }
    return MetadataTags.of(metadata, fullName);
  }

  /**
   * The field as the rule sees it, or null when the rule skips it: a primitive field none of whose
   * tags (inline plus metadata) the rule names. A rule without tags sees every field; non-primitive
   * fields are always entered, so the walk reaches their children.
   */
  public FieldContext field(Object containingMessage, String fullName, String name, FieldType type,
      Set<String> inlineTags) {
    Set<String> fromMetadata = metadataTags(fullName);
    Set<String> tags = inlineTags;
    if (!fromMetadata.isEmpty()) {
      tags = new HashSet<>(inlineTags);
      tags.addAll(fromMetadata);
    }
    if (type.isPrimitive() && !FieldLeaf.selects(rule.tags(), tags)) {
      return null;
    }
    return new FieldContext(containingMessage, fullName, name, type, tags);
  }
}
