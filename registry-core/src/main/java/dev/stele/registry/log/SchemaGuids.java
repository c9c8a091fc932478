package dev.stele.registry.log;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stele.registry.model.Metadata;
import dev.stele.registry.model.RawJson;
import dev.stele.registry.model.SchemaContent;
import dev.stele.schema.SchemaReference;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A schema's GUID (../shared/API.md §5.1, Confluent 8.x): the MD5 of its content rendered as a
 * UUID. It is derived, never stored: Confluent 8.5 writes no GUID into the {@code _schemas}
 * SCHEMA record either, so the same records give the same GUIDs on every node, after every
 * restart, and in Confluent's registry reading our topic (and ours reading theirs).
 *
 * <p>The digest takes, in order: the canonical text (UTF-8); each reference's name, subject and
 * version (4 bytes, big-endian); a 1 byte and the metadata (each tag path and its tags, each
 * property name and value, each sensitive name, all sorted) if there is metadata; a 1 byte and
 * the rule set (per rule: name, doc, kind, mode, type, tags sorted, params sorted, expr,
 * onSuccess, onFailure, a 1 byte if disabled; then {@code enableAt}) if there is one. The schema
 * type is not part of it, as in Confluent, so the same text as AVRO and as JSON has one GUID
 * and two ids here (see SchemaContent).
 */
public final class SchemaGuids {
  private static final String[] RULE_TEXTS = {"name", "doc", "kind", "mode", "type"};
  private static final String[] RULE_TRAILING_TEXTS = {"expr", "onSuccess", "onFailure"};

  private SchemaGuids() {}

  public static UUID of(SchemaContent content) {
    MessageDigest md = md5();
    md.update(content.schema().getBytes(StandardCharsets.UTF_8));
    for (SchemaReference ref : content.references()) {
      text(md, ref.name());
      text(md, ref.subject());
      md.update(ByteBuffer.allocate(4).putInt(ref.version()).array());
    }
    if (content.metadata() != null) {
      md.update((byte) 1);
      metadata(md, ContractCodec.metadata(content.metadata()));
    }
    if (content.ruleSet() != null) {
      md.update((byte) 1);
      ruleSet(md, content.ruleSet());
    }
    ByteBuffer digest = ByteBuffer.wrap(md.digest());
    return new UUID(digest.getLong(), digest.getLong());
  }

  /** A GUID as a client writes it; null when the text is no UUID. */
  public static UUID parse(String text) {
    try {
      UUID uuid = UUID.fromString(text);
      // UUID.fromString accepts shortened groups ("1-1-1-1-1"); only the canonical form names a schema.
      return uuid.toString().equalsIgnoreCase(text) ? uuid : null;
    } catch (IllegalArgumentException | NullPointerException e) {
      return null;
    }
  }

  private static void metadata(MessageDigest md, Metadata metadata) {
    metadata.tags().forEach((path, tags) -> {
      text(md, path);
      tags.forEach(tag -> text(md, tag));
    });
    metadata.properties().forEach((name, value) -> {
      text(md, name);
      text(md, value);
    });
    metadata.sensitive().forEach(name -> text(md, name));
  }

  private static void ruleSet(MessageDigest md, RawJson ruleSet) {
    JsonNode node = ContractCodec.parse(ruleSet);
    for (String list : List.of("migrationRules", "domainRules", "encodingRules")) {
      for (JsonNode rule : node.path(list)) {
        rule(md, rule);
      }
    }
    JsonNode enableAt = node.get("enableAt");
    if (enableAt != null && enableAt.isTextual()) {
      text(md, enableAt.asText());
    }
  }

  private static void rule(MessageDigest md, JsonNode rule) {
    for (String field : RULE_TEXTS) {
      optional(md, rule.get(field));
    }
    TreeSet<String> tags = new TreeSet<>();
    rule.path("tags").forEach(tag -> tags.add(tag.asText()));
    tags.forEach(tag -> text(md, tag));
    SortedMap<String, String> params = new TreeMap<>();
    rule.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
    for (Map.Entry<String, String> param : params.entrySet()) {
      text(md, param.getKey());
      text(md, param.getValue());
    }
    for (String field : RULE_TRAILING_TEXTS) {
      optional(md, rule.get(field));
    }
    if (rule.path("disabled").asBoolean(false)) {
      md.update((byte) 1);
    }
  }

  private static void optional(MessageDigest md, JsonNode value) {
    if (value != null && !value.isNull()) {
      text(md, value.asText());
    }
  }

  private static void text(MessageDigest md, String text) {
    if (text != null) {
      md.update(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has MD5", e);
    }
  }
}
