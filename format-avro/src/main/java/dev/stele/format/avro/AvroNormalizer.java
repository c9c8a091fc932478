package dev.stele.format.avro;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.Schema.Field;

/**
 * Writes the Confluent registry's normalized form of an Avro schema (API.md §2.8).
 *
 * <p>The form, as the registry produces it: named types spelled by full name and written out once
 * (later uses, and types from references, are just the quoted full name); every attribute in a
 * fixed order ({@code name}, {@code type}, then the type's own attributes, {@code doc},
 * {@code aliases} sorted, enum {@code default}, then custom properties sorted by key); fields
 * with {@code order}, {@code doc}, sorted {@code aliases}, the {@code default} re-typed through
 * Avro's reading of it (so a {@code double} default {@code 1} becomes {@code 1.0}, and a default
 * Avro cannot read is dropped), then sorted properties. The caller parses the result again; what
 * the registry stores is that schema's canonical text.
 */
final class AvroNormalizer {
  private static final JsonFactory JSON = new JsonFactory();

  /** The registry fails here when a default holds a value Avro could not read. */
  static final String UNREADABLE_VALUE =
      "Cannot invoke \"Object.getClass()\" because \"datum\" is null";

  private final Set<String> written;
  private final JsonGenerator out;

  private AvroNormalizer(Set<String> referencedNames, JsonGenerator out) {
    this.written = new HashSet<>(referencedNames);
    this.out = out;
  }

  /**
   * @param referencedNames full names of the types that come from references
   * @throws IllegalArgumentException with the registry's message when a default cannot be written
   */
  static String render(Schema schema, Set<String> referencedNames) {
    StringWriter text = new StringWriter();
    try (JsonGenerator gen = JSON.createGenerator(text)) {
      new AvroNormalizer(referencedNames, gen).write(schema);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return text.toString();
  }

  private void write(Schema s) throws IOException {
    switch (s.getType()) {
      case UNION -> {
        out.writeStartArray();
        for (Schema branch : s.getTypes()) {
          write(branch);
        }
        out.writeEndArray();
      }
      case ARRAY, MAP -> {
        out.writeStartObject();
        out.writeStringField("type", s.getType().getName());
        boolean array = s.getType() == Schema.Type.ARRAY;
        out.writeFieldName(array ? "items" : "values");
        write(array ? s.getElementType() : s.getValueType());
        writeProps(s.getObjectProps());
        out.writeEndObject();
      }
      case RECORD, ENUM, FIXED -> writeNamed(s);
      default -> writePrimitive(s);
    }
  }

  private void writeNamed(Schema s) throws IOException {
    String name = s.getFullName();
    if (!written.add(name)) {
      out.writeString(name);
      return;
    }
    out.writeStartObject();
    out.writeStringField("name", name);
    out.writeStringField("type", s.getType().getName());
    switch (s.getType()) {
      case ENUM -> {
        out.writeArrayFieldStart("symbols");
        for (String symbol : s.getEnumSymbols()) {
          out.writeString(symbol);
        }
        out.writeEndArray();
      }
      case FIXED -> {
        out.writeNumberField("size", s.getFixedSize());
        if (s.getLogicalType() != null) {
          writeLogicalType(s.getLogicalType());
        }
      }
      default -> {
        out.writeArrayFieldStart("fields");
        for (Field field : s.getFields()) {
          writeField(field);
        }
        out.writeEndArray();
      }
    }
    if (s.getDoc() != null && !s.getDoc().isEmpty()) {
      out.writeStringField("doc", s.getDoc());
    }
    writeAliases(s.getAliases());
    if (s.getType() == Schema.Type.ENUM && s.getEnumDefault() != null) {
      out.writeStringField("default", s.getEnumDefault());
    }
    writeProps(s.getObjectProps());
    out.writeEndObject();
  }

  private void writeField(Field field) throws IOException {
    out.writeStartObject();
    out.writeStringField("name", field.name());
    out.writeFieldName("type");
    write(field.schema());
    out.writeStringField("order", field.order().name().toLowerCase(java.util.Locale.ROOT));
    if (field.doc() != null) {
      out.writeStringField("doc", field.doc());
    }
    writeAliases(field.aliases());
    Object value = field.defaultVal(); // null when absent or when Avro cannot read it: dropped
    if (value != null) {
      out.writeFieldName("default");
      writeDatum(value);
    }
    writeProps(field.getObjectProps());
    out.writeEndObject();
  }

  private void writePrimitive(Schema s) throws IOException {
    LogicalType logical = s.getLogicalType();
    if (logical == null && !s.hasProps()) {
      out.writeString(s.getType().getName());
      return;
    }
    out.writeStartObject();
    out.writeStringField("type", s.getType().getName());
    if (logical != null) {
      writeLogicalType(logical);
    }
    writeProps(s.getObjectProps());
    out.writeEndObject();
  }

  /**
   * The logical type's attributes come first. The properties written after them repeat these
   * keys; reading keeps the first position and the last value, as the registry's output does.
   */
  private void writeLogicalType(LogicalType logical) throws IOException {
    out.writeStringField("logicalType", logical.getName());
    if (logical instanceof LogicalTypes.Decimal decimal) {
      out.writeNumberField("precision", decimal.getPrecision());
      if (decimal.getScale() != 0) {
        out.writeNumberField("scale", decimal.getScale());
      }
    }
  }

  private void writeAliases(Set<String> aliases) throws IOException {
    if (!aliases.isEmpty()) {
      out.writeArrayFieldStart("aliases");
      for (String alias : new TreeSet<>(aliases)) {
        out.writeString(alias);
      }
      out.writeEndArray();
    }
  }

  private void writeProps(Map<String, Object> props) throws IOException {
    for (Map.Entry<String, Object> prop : new TreeMap<>(props).entrySet()) {
      out.writeFieldName(prop.getKey());
      writeDatum(prop.getValue());
    }
  }

  /** A value as Avro's Java reading of JSON represents it (see {@code Field.defaultVal()}). */
  private void writeDatum(Object datum) throws IOException {
    if (datum == null) {
      throw new IllegalArgumentException(UNREADABLE_VALUE);
    } else if (datum == JsonProperties.NULL_VALUE) {
      out.writeNull();
    } else if (datum instanceof Map<?, ?> map) {
      out.writeStartObject();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        out.writeFieldName(entry.getKey().toString());
        writeDatum(entry.getValue());
      }
      out.writeEndObject();
    } else if (datum instanceof Collection<?> list) {
      out.writeStartArray();
      for (Object element : list) {
        writeDatum(element);
      }
      out.writeEndArray();
    } else if (datum instanceof byte[] bytes) {
      out.writeString(new String(bytes, StandardCharsets.ISO_8859_1));
    } else if (datum instanceof CharSequence || datum instanceof Enum<?>) {
      out.writeString(datum.toString());
    } else {
      writeScalar(datum);
    }
  }

  private void writeScalar(Object datum) throws IOException {
    if (datum instanceof Double d) {
      out.writeNumber(d); // NaN and infinities are written as strings, which Avro reads back
    } else if (datum instanceof Float f) {
      out.writeNumber(f);
    } else if (datum instanceof Long l) {
      out.writeNumber(l);
    } else if (datum instanceof Integer i) {
      out.writeNumber(i);
    } else if (datum instanceof Boolean b) {
      out.writeBoolean(b);
    } else if (datum instanceof BigInteger big) {
      out.writeNumber(big);
    } else if (datum instanceof BigDecimal decimal) {
      out.writeNumber(decimal);
    } else {
      throw new IllegalArgumentException("Unknown datum class: " + datum.getClass());
    }
  }
}
