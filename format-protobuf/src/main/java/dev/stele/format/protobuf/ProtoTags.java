package dev.stele.format.protobuf;

import dev.stele.format.protobuf.model.Proto;
import dev.stele.format.protobuf.model.Proto.Field;
import dev.stele.format.protobuf.model.Proto.Message;
import dev.stele.format.protobuf.model.Proto.OneOf;
import dev.stele.format.protobuf.model.Proto.Option;
import dev.stele.format.protobuf.model.Proto.OptionKind;
import dev.stele.format.protobuf.model.Proto.Type;
import dev.stele.schema.SchemaEntity;
import dev.stele.schema.TagEdit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Schema tags in Protobuf: the {@code tags} of Confluent's {@code confluent.message_meta} option
 * on a message and {@code confluent.field_meta} on a field, as the Confluent registry writes them.
 * A path names a message from the file's top level without the package ({@code M},
 * {@code M.Inner}); a field path adds the field's name ({@code M.a}), which may be in a oneof, and
 * may name the oneof first ({@code M.choice.a}). The rest of each option (doc, params) is kept.
 */
final class ProtoTags {
  private static final String MESSAGE_META = "confluent.message_meta";
  private static final String FIELD_META = "confluent.field_meta";

  private ProtoTags() {}

  static String apply(Proto.File file, TagEdit edit) {
    Proto.File changed = file;
    for (SchemaEntity entity : edit.entities()) {
      List<String> path = Arrays.asList(entity.path().split("\\.", -1));
      boolean field = entity.type() == SchemaEntity.Type.SR_FIELD;
      List<String> messagePath = field ? path.subList(0, Math.max(0, path.size() - 1)) : path;
      List<Type> types = retag(changed.types(), messagePath, field ? path.get(path.size() - 1) : null,
          entity, edit);
      changed = new Proto.File(changed.packageName(), changed.syntax(), changed.imports(),
          changed.publicImports(), types, changed.services(), changed.extendDeclarations(), changed.options());
    }
    return ProtoPrinter.print(changed);
  }

  /** Tags on messages and fields (oneofs included), by path, outer messages first. */
  static Map<SchemaEntity, Set<String>> inline(Proto.File file) {
    Map<SchemaEntity, Set<String>> found = new LinkedHashMap<>();
    ProtoFields.walk(file, new ProtoFields.Visitor() {
      @Override
      public void message(String path, Message message) {
        put(found, SchemaEntity.record(path), tags(message.options(), MESSAGE_META));
      }

      @Override
      public void field(String messagePath, Field field) {
        put(found, SchemaEntity.field(messagePath + "." + field.name()), tags(field.options(), FIELD_META));
      }
    });
    return found;
  }

  private static void put(Map<SchemaEntity, Set<String>> found, SchemaEntity entity, List<String> tags) {
    if (!tags.isEmpty()) {
      found.put(entity, new LinkedHashSet<>(tags));
    }
  }

  /** {@code types} with the message at {@code path} (or its field {@code fieldName}) retagged. */
  private static List<Type> retag(List<Type> types, List<String> path, String fieldName,
      SchemaEntity entity, TagEdit edit) {
    if (path.isEmpty()) {
      throw noMatch(entity);
    }
    List<Type> changed = new ArrayList<>(types);
    for (int i = 0; i < changed.size(); i++) {
      if (changed.get(i) instanceof Message m && m.name().equals(path.get(0))) {
        changed.set(i, retag(m, path.subList(1, path.size()), fieldName, entity, edit));
        return changed;
      }
    }
    throw noMatch(entity);
  }

  private static Message retag(Message m, List<String> rest, String fieldName, SchemaEntity entity,
      TagEdit edit) {
    if (rest.isEmpty() && fieldName == null) {
      return new Message(m.name(), m.fields(), m.oneOfs(), m.nestedTypes(),
          withTags(m.options(), MESSAGE_META, edit.apply(entity, tags(m.options(), MESSAGE_META))),
          m.reserveds(), m.extensions(), m.extendDeclarations(), m.groups());
    }
    if (rest.isEmpty() || (rest.size() == 1 && m.oneOfs().stream().anyMatch(o -> o.name().equals(rest.get(0)))
        && m.nestedTypes().stream().noneMatch(t -> t.name().equals(rest.get(0))))) {
      String oneOfName = rest.isEmpty() ? null : rest.get(0);
      return retagField(m, oneOfName, fieldName, entity, edit);
    }
    return new Message(m.name(), m.fields(), m.oneOfs(), retag(m.nestedTypes(), rest, fieldName, entity, edit),
        m.options(), m.reserveds(), m.extensions(), m.extendDeclarations(), m.groups());
  }

  private static Message retagField(Message m, String oneOfName, String fieldName, SchemaEntity entity,
      TagEdit edit) {
    List<Field> fields = new ArrayList<>(m.fields());
    if (oneOfName == null && replace(fields, fieldName, entity, edit)) {
      return new Message(m.name(), fields, m.oneOfs(), m.nestedTypes(), m.options(), m.reserveds(),
          m.extensions(), m.extendDeclarations(), m.groups());
    }
    List<OneOf> oneOfs = new ArrayList<>(m.oneOfs());
    for (int i = 0; i < oneOfs.size(); i++) {
      OneOf o = oneOfs.get(i);
      List<Field> inOneOf = new ArrayList<>(o.fields());
      if ((oneOfName == null || oneOfName.equals(o.name())) && replace(inOneOf, fieldName, entity, edit)) {
        oneOfs.set(i, new OneOf(o.name(), inOneOf, o.groups(), o.options()));
        return new Message(m.name(), m.fields(), oneOfs, m.nestedTypes(), m.options(), m.reserveds(),
            m.extensions(), m.extendDeclarations(), m.groups());
      }
    }
    throw noMatch(entity);
  }

  private static boolean replace(List<Field> fields, String name, SchemaEntity entity, TagEdit edit) {
    for (int i = 0; i < fields.size(); i++) {
      Field f = fields.get(i);
      if (f.name().equals(name)) {
        List<Option> options = withTags(f.options(), FIELD_META, edit.apply(entity, tags(f.options(), FIELD_META)));
        fields.set(i, new Field(f.label(), f.type(), f.name(), f.defaultValue(), f.jsonName(), f.tag(), options));
        return true;
      }
    }
    return false;
  }

  /** The tags of the named meta option, whichever way it was written. */
  private static List<String> tags(List<Option> options, String name) {
    List<String> tags = new ArrayList<>();
    for (Option option : options) {
      if (option.name().equals(name) && option.kind() == OptionKind.MAP
          && option.value() instanceof Map<?, ?> map) {
        Object value = map.get("tags");
        if (value instanceof List<?> list) {
          list.forEach(tag -> tags.add(text(tag)));
        } else if (value != null) {
          tags.add(text(value));
        }
      } else if (option.name().equals(name) && option.kind() == OptionKind.OPTION
          && option.value() instanceof Option part && part.name().equals("tags")) {
        if (part.value() instanceof List<?> list) {
          list.forEach(tag -> tags.add(text(tag)));
        } else {
          tags.add(text(part.value()));
        }
      }
    }
    return tags;
  }

  private static String text(Object value) {
    return value instanceof Proto.Primitive p ? p.value() : String.valueOf(value);
  }

  /**
   * {@code options} with the meta option's tags replaced: other parts of the option stay, an
   * option left empty goes, and a new option goes last, as Confluent places it.
   */
  private static List<Option> withTags(List<Option> options, String name, Set<String> tags) {
    Map<String, Object> parts = new LinkedHashMap<>();
    int at = -1;
    List<Option> rest = new ArrayList<>();
    for (Option option : options) {
      if (!option.name().equals(name)) {
        rest.add(option);
        continue;
      }
      at = at < 0 ? rest.size() : at;
      if (option.kind() == OptionKind.MAP && option.value() instanceof Map<?, ?> map) {
        map.forEach((k, v) -> parts.put(String.valueOf(k), v));
      } else if (option.kind() == OptionKind.OPTION && option.value() instanceof Option part) {
        parts.put(part.name(), part.value());
      }
    }
    parts.remove("tags");
    if (!tags.isEmpty()) {
      parts.put("tags", List.copyOf(tags));
    }
    if (!parts.isEmpty()) {
      rest.add(at < 0 ? rest.size() : at, new Option(name, OptionKind.MAP, ordered(parts), true));
    }
    return rest;
  }

  /** Confluent's field order in the meta message: doc, params, tags. */
  private static Map<String, Object> ordered(Map<String, Object> parts) {
    Map<String, Object> ordered = new LinkedHashMap<>();
    for (String key : List.of("doc", "params", "tags")) {
      if (parts.containsKey(key)) {
        ordered.put(key, parts.get(key));
      }
    }
    parts.forEach(ordered::putIfAbsent);
    return Collections.unmodifiableMap(ordered);
  }

  private static IllegalArgumentException noMatch(SchemaEntity entity) {
    return new IllegalArgumentException("No matching path '" + entity.path() + "' found in the schema");
  }
}
