package dev.stele.format.protobuf;

import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import dev.stele.format.protobuf.model.Options;
import dev.stele.format.protobuf.model.Proto.Option;
import dev.stele.format.protobuf.model.Proto.OptionKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The standard options ({@code java_package}, {@code deprecated}, ...) that a descriptor carries,
 * per kind of element, in the order the Confluent registry lists them when it turns a descriptor
 * back into text. Custom options other than Confluent's own metadata do not survive that round
 * trip in Confluent either, so they are not carried.
 */
enum KnownOptions {
  FILE("confluent.file_meta", "java_package", "java_outer_classname", "java_multiple_files",
      "java_generate_equals_and_hash", "java_string_check_utf8", "optimize_for", "go_package",
      "cc_generic_services", "java_generic_services", "py_generic_services",
      "php_generic_services", "deprecated", "cc_enable_arenas", "objc_class_prefix",
      "csharp_namespace", "swift_prefix", "php_class_prefix", "php_namespace",
      "php_metadata_namespace", "ruby_package"),
  MESSAGE("confluent.message_meta", "no_standard_descriptor_accessor", "deprecated", "map_entry"),
  FIELD("confluent.field_meta", "ctype", "packed", "jstype", "deprecated"),
  /** A oneof member: {@code packed} does not apply. */
  ONEOF_FIELD("confluent.field_meta", "ctype", "jstype", "deprecated"),
  ENUM("confluent.enum_meta", "allow_alias", "deprecated"),
  ENUM_VALUE("confluent.enum_value_meta", "deprecated"),
  SERVICE(null, "deprecated"),
  METHOD(null, "deprecated", "idempotency_level");

  private final String metaName;
  private final List<String> names;

  KnownOptions(String metaName, String... names) {
    this.metaName = metaName;
    this.names = List.of(names);
  }

  /**
   * Hands {@code set} the known options found in {@code declared}, as a message of {@code none}'s
   * type; nothing when none are found, so that the descriptor's options field stays unset.
   */
  <O extends Message> void setOn(List<Option> declared, O none, Consumer<O> set) {
    @SuppressWarnings("unchecked") // a builder of none's type builds none's type
    O options = (O) apply(declared, none.newBuilderForType()).build();
    if (!options.equals(none)) {
      set.accept(options);
    }
  }

  /**
   * Sets the known options found in {@code options} on a descriptor options builder. A value of
   * the wrong type (an unknown enum name, say) is left out: the text parsed, and Confluent only
   * fails later, when a client asks for the descriptor.
   */
  <B extends Message.Builder> B apply(List<Option> options, B builder) {
    if (options.isEmpty()) {
      return builder;
    }
    Map<String, Option> merged = Options.merged(options);
    for (String name : names) {
      Option option = merged.get(name);
      FieldDescriptor field = builder.getDescriptorForType().findFieldByName(name);
      if (option != null && field != null && option.value() instanceof String text) {
        Object value = convert(field, text);
        if (value != null) {
          builder.setField(field, value);
        }
      }
    }
    if (metaName != null) {
      MetaOptions.encode(merged.get(metaName), builder);
    }
    return builder;
  }

  private static Object convert(FieldDescriptor field, String text) {
    return switch (field.getJavaType()) {
      case BOOLEAN -> Boolean.valueOf(text);
      case STRING -> text;
      case ENUM -> field.getEnumType().findValueByName(text);
      default -> null;
    };
  }

  /** The known options a descriptor's options message holds, as written options. */
  List<Option> read(Message options) {
    List<Option> out = new ArrayList<>();
    for (String name : names) {
      FieldDescriptor field = options.getDescriptorForType().findFieldByName(name);
      if (field != null && options.hasField(field)) {
        out.add(option(name, options.getField(field)));
      }
    }
    if (metaName != null) {
      Option meta = MetaOptions.decode(metaName, options);
      if (meta != null) {
        out.add(meta);
      }
    }
    return out;
  }

  private static Option option(String name, Object value) {
    if (value instanceof Boolean b) {
      return new Option(name, OptionKind.BOOLEAN, b.toString(), false);
    }
    if (value instanceof EnumValueDescriptor e) {
      return new Option(name, OptionKind.ENUM, e.getName(), false);
    }
    return new Option(name, OptionKind.STRING, String.valueOf(value), false);
  }
}
