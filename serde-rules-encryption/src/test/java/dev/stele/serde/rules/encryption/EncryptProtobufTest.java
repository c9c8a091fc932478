package dev.stele.serde.rules.encryption;

import static dev.stele.serde.rules.encryption.Encryption.configs;
import static dev.stele.serde.rules.encryption.Encryption.encryptPii;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import com.google.protobuf.StringValue;
import dev.stele.client.Metadata;
import dev.stele.client.Rule;
import dev.stele.client.RuleSet;
import dev.stele.client.SchemaDefinition;
import dev.stele.serde.protobuf.KafkaProtobufDeserializer;
import dev.stele.serde.protobuf.KafkaProtobufSerializer;
import dev.stele.serde.protobuf.internal.ProtoFiles;
import dev.stele.serde.testing.SerdeRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * ENCRYPT on Protobuf messages, dynamic and generated, through the real serdes and a real
 * server's DEK registry; fields are tagged PII by the schema's metadata.
 */
class EncryptProtobufTest {
  static final Descriptor ACCOUNT = account();

  @RegisterExtension
  static final SerdeRegistry REGISTRY = new SerdeRegistry();

  static Descriptor account() {
    FileDescriptorProto file = FileDescriptorProto.newBuilder().setName("bank/account.proto").setPackage("bank")
        .setSyntax("proto3").addMessageType(DescriptorProto.newBuilder().setName("Account")
            .addField(field("owner", 1, FieldDescriptorProto.Type.TYPE_STRING))
            .addField(field("iban", 2, FieldDescriptorProto.Type.TYPE_STRING))
            .addField(field("signature", 3, FieldDescriptorProto.Type.TYPE_BYTES)))
        .build();
    try {
      return FileDescriptor.buildFrom(file, new FileDescriptor[0]).findMessageTypeByName("Account");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static FieldDescriptorProto field(String name, int number, FieldDescriptorProto.Type type) {
    return FieldDescriptorProto.newBuilder().setName(name).setNumber(number).setType(type)
        .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL).build();
  }

  static void register(String topic, FileDescriptor file, String... piiPaths) throws Exception {
    register(topic, file, encryptPii("kek-" + topic), piiPaths);
  }

  static void register(String topic, FileDescriptor file, Rule rule, String... piiPaths) throws Exception {
    Map<String, Set<String>> tags = new java.util.HashMap<>();
    for (String path : piiPaths) {
      tags.put(path, Set.of("PII"));
    }
    REGISTRY.client().register(topic + "-value", new SchemaDefinition(SchemaDefinition.PROTOBUF,
        ProtoFiles.text(file), List.of(), new Metadata(tags, Map.of(), Set.of()),
        RuleSet.domain(List.of(rule))));
  }

  static <T extends Message> byte[] write(String topic, T message) {
    try (KafkaProtobufSerializer<T> serializer = new KafkaProtobufSerializer<>()) {
      serializer.configure(configs(REGISTRY), false);
      return serializer.serialize(topic, message);
    }
  }

  /** @param type a generated class, or null for a DynamicMessage */
  static <T extends Message> T read(String topic, byte[] bytes, Class<T> type) {
    try (KafkaProtobufDeserializer<T> deserializer = new KafkaProtobufDeserializer<>(null,
        configs(REGISTRY), type)) {
      return deserializer.deserialize(topic, bytes);
    }
  }

  /** The message as written: the header is 5 bytes and, for the first message type, one index byte 0. */
  static DynamicMessage onTheWire(byte[] bytes, Descriptor type) throws Exception {
    return DynamicMessage.parseFrom(type, Arrays.copyOfRange(bytes, 6, bytes.length));
  }

  static Object field(Message message, String name) {
    return message.getField(message.getDescriptorForType().findFieldByName(name));
  }

  @Test
  void aDynamicMessagesTaggedStringAndBytesAreCiphertextOnTheWire() throws Exception {
    register("accounts", ACCOUNT.getFile(), "bank.Account.iban", "bank.Account.signature");
    byte[] signature = {9, 8, 7};
    DynamicMessage account = DynamicMessage.newBuilder(ACCOUNT)
        .setField(ACCOUNT.findFieldByName("owner"), "Ann")
        .setField(ACCOUNT.findFieldByName("iban"), "DE89 3704")
        .setField(ACCOUNT.findFieldByName("signature"), ByteString.copyFrom(signature)).build();
    byte[] bytes = write("accounts", account);

    assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).contains("Ann").doesNotContain("DE89 3704");
    DynamicMessage wire = onTheWire(bytes, ACCOUNT);
    String iban = (String) wire.getField(ACCOUNT.findFieldByName("iban"));
    assertThat(Base64.getDecoder().decode(iban)).hasSize(12 + 9 + 16);
    assertThat(((ByteString) wire.getField(ACCOUNT.findFieldByName("signature"))).size()).isEqualTo(12 + 3 + 16);

    // Read under the registry's descriptor of the schema, not the writer's own.
    Message read = read("accounts", bytes, null);
    assertThat(field(read, "iban")).isEqualTo("DE89 3704");
    assertThat(field(read, "signature")).isEqualTo(ByteString.copyFrom(signature));
    assertThat(field(read, "owner")).isEqualTo("Ann");
  }

  /** Messages are immutable: with preserve.source.fields the rule builds the changed message only. */
  @Test
  void preserveSourceFieldsLeavesTheApplicationsMessageAsItWas() throws Exception {
    register("kept-accounts", ACCOUNT.getFile(), encryptPii("kek-kept-accounts", "preserve.source.fields", "true"),
        "bank.Account.iban");
    DynamicMessage account = DynamicMessage.newBuilder(ACCOUNT)
        .setField(ACCOUNT.findFieldByName("owner"), "Ann")
        .setField(ACCOUNT.findFieldByName("iban"), "DE89 3704").build();
    DynamicMessage before = DynamicMessage.parseFrom(ACCOUNT, account.toByteArray());
    byte[] bytes = write("kept-accounts", account);

    assertThat(account).isEqualTo(before);
    assertThat(field(account, "iban")).isEqualTo("DE89 3704");
    assertThat(field(onTheWire(bytes, ACCOUNT), "iban")).isNotEqualTo("DE89 3704");
    assertThat(field(onTheWire(bytes, ACCOUNT), "owner")).isEqualTo("Ann");
    assertThat(field(read("kept-accounts", bytes, null), "iban")).isEqualTo("DE89 3704");
  }

  @Test
  void aGeneratedMessageIsEncryptedAndReadBackAsItsClass() throws Exception {
    register("secrets", StringValue.getDescriptor().getFile(), "google.protobuf.StringValue.value");
    byte[] bytes = write("secrets", StringValue.of("open sesame"));

    assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).doesNotContain("open sesame");
    assertThat(read("secrets", bytes, StringValue.class)).isEqualTo(StringValue.of("open sesame"));
  }

  @Test
  void encryptPayloadEncryptsTheMessageBytesAfterTheClearIndexes() throws Exception {
    REGISTRY.client().register("ppayloads-value", new SchemaDefinition(SchemaDefinition.PROTOBUF,
        ProtoFiles.text(ACCOUNT.getFile()), List.of(), null,
        Encryption.encoding(Encryption.encryptPayload("kek-ppayloads", EncryptParams.DEK_ALGORITHM, "AES256_SIV"))));
    DynamicMessage account = DynamicMessage.newBuilder(ACCOUNT)
        .setField(ACCOUNT.findFieldByName("owner"), "Bea Arthur")
        .setField(ACCOUNT.findFieldByName("iban"), "FR76 3000").build();
    byte[] bytes = write("ppayloads", account);

    assertThat(bytes[5]).as("the message index (the first message) stays in the clear").isZero();
    assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).doesNotContain("Bea Arthur").doesNotContain("FR76 3000");
    assertThat(bytes.length - 6).as("SIV, then the message").isEqualTo(16 + account.getSerializedSize());
    Message read = read("ppayloads", bytes, null);
    assertThat(field(read, "owner")).isEqualTo("Bea Arthur");
    assertThat(field(read, "iban")).isEqualTo("FR76 3000");
  }
}
