package dev.stele.bench;

import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.stele.serde.protobuf.KafkaProtobufDeserializer;
import dev.stele.serde.protobuf.KafkaProtobufSerializer;
import dev.stele.serde.protobuf.ProtobufSerdeConfig;
import java.util.Arrays;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * The Protobuf serdes against bare protobuf-java once the schema id is cached: serializing a
 * message with 10 fields set (protobuf-java's generated {@code FieldDescriptorProto}) against
 * {@code toByteArray()}, reading it into the generated class against {@code parseFrom}. A real
 * Stele server runs in-process for the first call. Run with
 * {@code bench/jmh.sh ProtobufSerdeBenchmark}.
 */
public class ProtobufSerdeBenchmark extends SerdeRegistry.Trial<FieldDescriptorProto> {
  private FieldDescriptorProto message;
  private byte[] bare;

  @Override
  protected void prepare(SerdeRegistry registry) throws Exception {
    message = FieldDescriptorProto.newBuilder().setName("customer_id").setNumber(7)
        .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL).setType(FieldDescriptorProto.Type.TYPE_MESSAGE)
        .setTypeName(".acme.orders.Customer").setExtendee(".acme.orders.Base").setDefaultValue("none")
        .setOneofIndex(2).setJsonName("customerId").setProto3Optional(true).build();
    byte[] framed = measure(registry.serializer(new KafkaProtobufSerializer<>(), Map.of()),
        registry.deserializer(new KafkaProtobufDeserializer<FieldDescriptorProto>(),
            Map.of(ProtobufSerdeConfig.VALUE_TYPE, FieldDescriptorProto.class.getName())),
        message);
    bare = message.toByteArray();
    SerdeRegistry.requireSamePayload(Arrays.copyOfRange(framed, framed.length - bare.length, framed.length),
        bare, "protobuf-java");
  }

  @Benchmark
  public byte[] bareToByteArray() {
    return message.toByteArray();
  }

  @Benchmark
  public FieldDescriptorProto bareParseFrom() throws InvalidProtocolBufferException {
    return FieldDescriptorProto.parseFrom(bare);
  }
}
