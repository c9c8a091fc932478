package dev.stele.format.protobuf;

import dev.stele.format.protobuf.model.Proto;
import dev.stele.schema.InvalidSchemaException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The field-number rules protoc enforces and Square wire's parser does not: a schema that
 * registers must be one every generated client can compile. Wire accepts field number 0, the
 * range protobuf keeps for itself, two fields sharing a number or a name, and a field on a
 * reserved number or name; protoc refuses each, and so do we, naming the field, the number and
 * the rule.
 */
final class FieldNumbers {
  /** Numbers protobuf's own implementation uses; protoc refuses them for fields. */
  static final int FIRST_RESERVED = 19_000;
  static final int LAST_RESERVED = 19_999;

  private FieldNumbers() {}

  static void check(Proto.File file) throws InvalidSchemaException {
    checkTypes("", file.types());
    checkExtends("", file.extendDeclarations());
  }

  private static void checkTypes(String scope, List<Proto.Type> types)
      throws InvalidSchemaException {
    for (Proto.Type type : types) {
      if (type instanceof Proto.Message message) {
        String name = scope + message.name();
        checkMessage(name, message);
        checkTypes(name + ".", message.nestedTypes());
        checkExtends(name + ".", message.extendDeclarations());
      }
    }
  }

  /** Every field of the message and of its oneofs: they share one number space. */
  private static void checkMessage(String name, Proto.Message message)
      throws InvalidSchemaException {
    Set<Integer> reservedNumbers = new HashSet<>();
    List<Proto.Range> reservedRanges = new ArrayList<>();
    Set<String> reservedNames = new HashSet<>();
    for (Proto.Reserved reserved : message.reserveds()) {
      for (Object value : reserved.values()) {
        if (value instanceof Integer number) {
          reservedNumbers.add(number);
        } else if (value instanceof Proto.Range range) {
          reservedRanges.add(range);
        } else {
          reservedNames.add(String.valueOf(value));
        }
      }
    }
    Map<Integer, String> used = new HashMap<>();
    Set<String> names = new HashSet<>();
    for (Proto.Field field : allFields(message)) {
      String fieldName = name + "." + field.name();
      if (!names.add(field.name())) {
        throw refusal("Field " + fieldName + " is defined twice in " + name);
      }
      checkRange(fieldName, field.tag());
      String earlier = used.putIfAbsent(field.tag(), field.name());
      if (earlier != null) {
        throw refusal("Field " + fieldName + " has number " + field.tag()
            + ", which is already used in " + name + " by field " + earlier);
      }
      if (reservedNumbers.contains(field.tag()) || inAny(reservedRanges, field.tag())) {
        throw refusal("Field " + fieldName + " uses reserved number " + field.tag());
      }
      if (reservedNames.contains(field.name())) {
        throw refusal("Field " + fieldName + " uses reserved name " + field.name());
      }
    }
  }

  /** Extension fields obey the same range rules; their numbers live in the extendee. */
  private static void checkExtends(String scope, List<Proto.Extend> extendDeclarations)
      throws InvalidSchemaException {
    for (Proto.Extend extend : extendDeclarations) {
      for (Proto.Field field : extend.fields()) {
        checkRange(scope + field.name(), field.tag());
      }
    }
  }

  private static void checkRange(String fieldName, int number) throws InvalidSchemaException {
    String prefix = "Field " + fieldName + " has number " + number + ": ";
    if (number < 1) {
      throw refusal(prefix + "field numbers must be positive integers");
    }
    if (number > Proto.MAX_TAG) {
      throw refusal(prefix + "field numbers cannot be greater than " + Proto.MAX_TAG);
    }
    if (number >= FIRST_RESERVED && number <= LAST_RESERVED) {
      throw refusal(prefix + "field numbers " + FIRST_RESERVED + " through " + LAST_RESERVED
          + " are reserved for the protocol buffer library implementation");
    }
  }

  private static List<Proto.Field> allFields(Proto.Message message) {
    List<Proto.Field> fields = new ArrayList<>(message.fields());
    for (Proto.OneOf oneOf : message.oneOfs()) {
      fields.addAll(oneOf.fields());
    }
    return fields;
  }

  private static boolean inAny(List<Proto.Range> ranges, int number) {
    for (Proto.Range range : ranges) {
      if (number >= range.start() && number <= range.end()) {
        return true;
      }
    }
    return false;
  }

  private static InvalidSchemaException refusal(String message) {
    return InvalidSchemaException.afterParsing(message, null);
  }
}
