package dev.stele.serde.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.stele.client.internal.Json;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.DoubleSerializer;
import org.apache.kafka.common.serialization.FloatSerializer;
import org.apache.kafka.common.serialization.IntegerSerializer;
import org.apache.kafka.common.serialization.LongSerializer;
import org.apache.kafka.common.serialization.ShortSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code DLQ}: sends the record as the application gave it to a dead-letter topic, then fails
 * it as {@code ERROR} does. Keys and headers as Confluent's: the topic from {@code dlq.topic}
 * (the action's params, else the rule's params or the schema's metadata properties),
 * {@code dlq.auto.flush} to wait for the send, and headers {@code __rule.name},
 * {@code __rule.mode}, {@code __rule.subject}, {@code __rule.topic}, {@code __rule.exception}.
 * A deserializer that meets a record carrying {@code __rule.name} skips that rule, so the DLQ
 * can be read back. The producer is built on first use from the serde's own configs (so the
 * producer's {@code bootstrap.servers} and security settings apply) and closed with the serde.
 *
 * <p>Values are written as bytes: {@code byte[]} and {@code ByteBuffer} as they are, strings in
 * UTF-8, numbers with Kafka's serializers, anything else as the JSON of the format's plain view.
 */
public final class DlqAction implements RuleAction {
  public static final String TYPE = "DLQ";
  public static final String DLQ_TOPIC = "dlq.topic";
  public static final String DLQ_AUTO_FLUSH = "dlq.auto.flush";
  public static final String RULE_NAME = "__rule.name";
  public static final String RULE_MODE = "__rule.mode";
  public static final String RULE_SUBJECT = "__rule.subject";
  public static final String RULE_TOPIC = "__rule.topic";
  public static final String RULE_EXCEPTION = "__rule.exception";
  private static final Logger LOG = LoggerFactory.getLogger(DlqAction.class);

  private Map<String, Object> producerConfigs = Map.of();
  private String topic;
  private boolean autoFlush;
  private volatile KafkaProducer<byte[], byte[]> producer;

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public boolean addOriginalConfigs() {
    return true;
  }

  @Override
  public void configure(Map<String, ?> configs) {
    Object configuredTopic = configs.get(DLQ_TOPIC);
    this.topic = configuredTopic == null ? null : configuredTopic.toString();
    Object flush = configs.get(DLQ_AUTO_FLUSH);
    this.autoFlush = flush != null && Boolean.parseBoolean(flush.toString().trim());
    Map<String, Object> producer = new HashMap<>(configs);
    // A record that must not be lost: retry until delivered, in order, as Confluent's DLQ does.
    producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false");
    producer.put(ProducerConfig.ACKS_CONFIG, "all");
    producer.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
    producer.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
    producer.remove(ProducerConfig.CLIENT_ID_CONFIG);
    this.producerConfigs = producer;
  }

  @Override
  public void run(RuleContext ctx, Object message, RuleException failure) {
    String dlqTopic = topic != null && !topic.isEmpty() ? topic : ctx.parameter(DLQ_TOPIC);
    if (dlqTopic == null || dlqTopic.isEmpty()) {
      throw new RuleFailedException(ctx.rule(), new RuleException(ctx.rule(),
          "could not send to the DLQ: no dlq.topic in the DLQ action's params, the rule's params or the"
              + " schema's metadata properties", failure));
    }
    try {
      byte[] value = bytes(ctx, ctx.original());
      ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(dlqTopic, null,
          ctx.isKey() ? value : null, ctx.isKey() ? null : value, ctx.headers());
      label(record.headers(), ctx, failure);
      var sent = producer().send(record, (metadata, e) -> {
        if (e != null) {
          LOG.error("Could not write a record to DLQ topic {}", dlqTopic, e);
        }
      });
      if (autoFlush) {
        producer().flush();
        sent.get();
      }
    } catch (Exception e) {
      // The record still fails below; the DLQ's own trouble is the operator's to see in the log.
      LOG.error("Could not write a record to DLQ topic {}", dlqTopic, e);
    }
    throw new RuleFailedException(ctx.rule(), failure != null ? failure
        : new RuleException(ctx.rule(), "the rule's action is DLQ"));
  }

  private static void label(Headers headers, RuleContext ctx, RuleException failure) {
    headers.add(RULE_NAME, utf8(ctx.rule().name()));
    headers.add(RULE_MODE, utf8(ctx.mode().name()));
    headers.add(RULE_SUBJECT, utf8(ctx.subject()));
    headers.add(RULE_TOPIC, utf8(ctx.topic()));
    if (failure != null) {
      headers.add(RULE_EXCEPTION, utf8(failure.getMessage()));
    }
  }

  private static byte[] utf8(String text) {
    return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] bytes(RuleContext ctx, Object value) throws JsonProcessingException {
    if (value == null) {
      return null;
    }
    if (value instanceof byte[] bytes) {
      return bytes;
    }
    if (value instanceof ByteBuffer buffer) {
      byte[] bytes = new byte[buffer.remaining()];
      buffer.duplicate().get(bytes);
      return bytes;
    }
    if (value instanceof CharSequence || value instanceof java.util.UUID) {
      return value.toString().getBytes(StandardCharsets.UTF_8);
    }
    String topic = ctx.topic();
    if (value instanceof Long l) {
      return new LongSerializer().serialize(topic, l);
    } else if (value instanceof Integer i) {
      return new IntegerSerializer().serialize(topic, i);
    } else if (value instanceof Short s) {
      return new ShortSerializer().serialize(topic, s);
    } else if (value instanceof Double d) {
      return new DoubleSerializer().serialize(topic, d);
    } else if (value instanceof Float f) {
      return new FloatSerializer().serialize(topic, f);
    }
    return Json.MAPPER.writeValueAsBytes(ctx.model().toPlain(value));
  }

  private KafkaProducer<byte[], byte[]> producer() {
    KafkaProducer<byte[], byte[]> made = producer;
    if (made == null) {
      synchronized (this) {
        made = producer;
        if (made == null) {
          made = new KafkaProducer<>(producerConfigs);
          producer = made;
        }
      }
    }
    return made;
  }

  @Override
  public void close() {
    KafkaProducer<byte[], byte[]> made = producer;
    if (made != null) {
      made.close();
    }
  }
}
