package dev.stele.serde.protobuf;

import com.google.protobuf.Message;
import dev.stele.serde.testing.SerdeRegistry;

/** Value serdes configured against a test class's registry, with extra config pairs. */
final class ProtobufSerdes {
  private ProtobufSerdes() {}

  static KafkaProtobufSerializer<Message> serializer(SerdeRegistry registry, Object... pairs) {
    KafkaProtobufSerializer<Message> serializer = new KafkaProtobufSerializer<>();
    serializer.configure(registry.configs(pairs), false);
    return serializer;
  }

  static KafkaProtobufDeserializer<Message> deserializer(SerdeRegistry registry, Object... pairs) {
    KafkaProtobufDeserializer<Message> deserializer = new KafkaProtobufDeserializer<>();
    deserializer.configure(registry.configs(pairs), false);
    return deserializer;
  }
}
