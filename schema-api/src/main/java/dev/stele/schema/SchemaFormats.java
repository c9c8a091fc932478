package dev.stele.schema;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/** The formats on the class path, by type name. Immutable once built. */
public final class SchemaFormats {
  private final Map<String, SchemaFormat> byType;

  private SchemaFormats(Map<String, SchemaFormat> byType) {
    this.byType = Map.copyOf(byType);
  }

  /** Every {@link SchemaFormat} that {@link ServiceLoader} finds. */
  public static SchemaFormats load() {
    Map<String, SchemaFormat> found = new LinkedHashMap<>();
    for (SchemaFormat format : ServiceLoader.load(SchemaFormat.class)) {
      found.put(format.type(), format);
    }
    return new SchemaFormats(found);
  }

  public static SchemaFormats of(SchemaFormat... formats) {
    Map<String, SchemaFormat> found = new LinkedHashMap<>();
    for (SchemaFormat format : formats) {
      found.put(format.type(), format);
    }
    return new SchemaFormats(found);
  }

  /** These formats with {@code format} in place of the one of its type (e.g. one configured differently). */
  public SchemaFormats with(SchemaFormat format) {
    Map<String, SchemaFormat> all = new LinkedHashMap<>(byType);
    all.put(format.type(), format);
    return new SchemaFormats(all);
  }

  /** The format of a type name, case-insensitive; empty when none is loaded. */
  public Optional<SchemaFormat> find(String type) {
    return Optional.ofNullable(byType.get(type.toUpperCase(Locale.ROOT)));
  }

  public Collection<String> types() {
    return byType.keySet();
  }
}
