package dev.stele.serde.protobuf.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldOptions;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.UnknownFieldSet;
import dev.stele.serde.rules.FieldType;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How rules see Protobuf fields: Confluent's inline tag option, types, the plain view. */
class ProtobufModelTest {
  /** {@code [(confluent.field_meta) = {tags: "PII", tags: "SECRET"}]}, as protoc encodes it. */
  static FieldOptions taggedOptions() {
    ByteString meta = ByteString.copyFrom(new byte[] {0x1a, 3}).concat(ByteString.copyFrom("PII",
        StandardCharsets.UTF_8)).concat(ByteString.copyFrom(new byte[] {0x1a, 6}))
        .concat(ByteString.copyFrom("SECRET", StandardCharsets.UTF_8));
    return FieldOptions.newBuilder().setUnknownFields(UnknownFieldSet.newBuilder().addField(ProtobufModel.FIELD_META,
        UnknownFieldSet.Field.newBuilder().addLengthDelimited(meta).build()).build()).build();
  }

  static Descriptor person() throws Exception {
    FileDescriptorProto file = FileDescriptorProto.newBuilder().setName("p.proto").setPackage("acme").setSyntax("proto3")
        .addMessageType(DescriptorProto.newBuilder().setName("Person")
            .addField(FieldDescriptorProto.newBuilder().setName("ssn").setNumber(1)
                .setType(FieldDescriptorProto.Type.TYPE_STRING).setOptions(taggedOptions()))
            .addField(FieldDescriptorProto.newBuilder().setName("age").setNumber(2)
                .setType(FieldDescriptorProto.Type.TYPE_INT32))
            .addField(FieldDescriptorProto.newBuilder().setName("photo").setNumber(3)
                .setType(FieldDescriptorProto.Type.TYPE_BYTES)))
        .build();
    return FileDescriptor.buildFrom(file, new FileDescriptor[0]).findMessageTypeByName("Person");
  }

  @Test
  void inlineTagsAreReadFromConfluentsFieldMetaOption() throws Exception {
    Descriptor person = person();
    assertThat(ProtobufModel.inlineTags(person.findFieldByName("ssn"))).containsExactly("PII", "SECRET");
    assertThat(ProtobufModel.inlineTags(person.findFieldByName("age"))).isEmpty();
    assertThat(ProtobufModel.typeOf(person.findFieldByName("age"))).isEqualTo(FieldType.INT);
    assertThat(ProtobufModel.typeOf(person.findFieldByName("photo"))).isEqualTo(FieldType.BYTES);
  }

  @Test
  void thePlainViewReadsFieldsByNameWithIntegersAsLongsAndBytesAsArrays() throws Exception {
    Descriptor person = person();
    DynamicMessage message = DynamicMessage.newBuilder(person).setField(person.findFieldByName("ssn"), "1")
        .setField(person.findFieldByName("age"), 7)
        .setField(person.findFieldByName("photo"), ByteString.copyFrom(new byte[] {1, 2})).build();
    @SuppressWarnings("unchecked")
    Map<String, Object> plain = (Map<String, Object>) new ProtobufModel().toPlain(message);
    assertThat(plain.get("age")).isEqualTo(7L);
    assertThat(plain.get("ssn")).isEqualTo("1");
    assertThat((byte[]) plain.get("photo")).containsExactly(1, 2);
    assertThat(plain).containsKeys("ssn", "age", "photo").hasSize(3);
  }
}
