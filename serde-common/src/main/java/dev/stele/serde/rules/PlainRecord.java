package dev.stele.serde.rules;

import java.util.Map;

/**
 * A record or message in a {@link MessageModel}'s plain view (an Avro record, a Protobuf message):
 * a read-only map from field name to plain value, converted on access. Expression languages may
 * select its fields as a struct's, one at a time, rather than convert it whole as a map.
 */
public interface PlainRecord extends Map<String, Object> {}
