package dev.stele.serde.avro.internal;

import dev.stele.client.internal.ConfigValues;
import java.util.Map;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.reflect.ReflectData;
import org.apache.avro.reflect.ReflectDatumReader;
import org.apache.avro.reflect.ReflectDatumWriter;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * Avro's three data models (generic, specific, reflect) as a serde's keys configure them:
 * {@code avro.use.logical.type.converters} adds Avro's logical type conversions (a
 * timestamp-millis is an Instant, a decimal a BigDecimal...) to the generic and reflect models,
 * {@code avro.reflection.allow.null} makes reflected schemas nullable. Each instance is made once
 * per configure and shared by that serde's readers and writers (Avro's models are thread-safe
 * once set up).
 */
public final class DataModels {
  public static final String LOGICAL_TYPE_CONVERTERS = "avro.use.logical.type.converters";
  public static final String SCHEMA_REFLECTION = "schema.reflection";
  public static final String REFLECTION_ALLOW_NULL = "avro.reflection.allow.null";

  /** How a value is read or written. */
  public enum Kind { GENERIC, SPECIFIC, REFLECT }

  private final boolean reflection;
  private final GenericData generic;
  private final SpecificData specific;
  private final ReflectData reflect;

  private DataModels(boolean logicalTypes, boolean reflection, boolean allowNull) {
    this.reflection = reflection;
    this.generic = logicalTypes ? withConversions(new GenericData()) : GenericData.get();
    // Generated classes carry their own conversions; the shared model already applies them.
    this.specific = SpecificData.get();
    ReflectData reflectData = allowNull ? new ReflectData.AllowNull() : new ReflectData();
    this.reflect = logicalTypes ? withConversions(reflectData) : reflectData;
  }

  public static DataModels of(Map<String, ?> configs) {
    ConfigValues values = new ConfigValues(configs);
    return new DataModels(values.bool(LOGICAL_TYPE_CONVERTERS, false), values.bool(SCHEMA_REFLECTION, false),
        values.bool(REFLECTION_ALLOW_NULL, false));
  }

  /** {@code schema.reflection}: plain Java objects are written and read with Avro's ReflectData. */
  public boolean reflection() {
    return reflection;
  }

  /** The schema ReflectData derives from a class. */
  public Schema reflectedSchema(Class<?> type) {
    return reflect.getSchema(type);
  }

  /** The class a record schema names, for reading with reflection; null when it is not on the class path. */
  public Class<?> reflectedClass(Schema schema) {
    return reflect.getClass(schema);
  }

  public DatumWriter<Object> writer(Schema schema, Kind kind) {
    return switch (kind) {
      case GENERIC -> new GenericDatumWriter<>(schema, generic);
      case SPECIFIC -> new SpecificDatumWriter<>(schema, specific);
      case REFLECT -> new ReflectDatumWriter<>(schema, reflect);
    };
  }

  public DatumReader<Object> reader(Schema writer, Schema reader, Kind kind) {
    return switch (kind) {
      case GENERIC -> new GenericDatumReader<>(writer, reader, generic);
      case SPECIFIC -> new SpecificDatumReader<>(writer, reader, specific);
      case REFLECT -> new ReflectDatumReader<>(writer, reader, reflect);
    };
  }

  private static <T extends GenericData> T withConversions(T data) {
    data.addLogicalTypeConversion(new Conversions.DecimalConversion());
    data.addLogicalTypeConversion(new Conversions.UUIDConversion());
    data.addLogicalTypeConversion(new TimeConversions.DateConversion());
    data.addLogicalTypeConversion(new TimeConversions.TimeMillisConversion());
    data.addLogicalTypeConversion(new TimeConversions.TimeMicrosConversion());
    data.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
    data.addLogicalTypeConversion(new TimeConversions.TimestampMicrosConversion());
    data.addLogicalTypeConversion(new TimeConversions.LocalTimestampMillisConversion());
    data.addLogicalTypeConversion(new TimeConversions.LocalTimestampMicrosConversion());
    return data;
  }
}
