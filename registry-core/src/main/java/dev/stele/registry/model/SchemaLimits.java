package dev.stele.registry.model;

/**
 * Bounds on the shape of a submitted schema, checked before a format library parses it, so a
 * schema built to explode (ten thousand union branches, nesting thousands deep) is refused at
 * once with the limit and its setting named, instead of holding a thread and filling the heap.
 * The defaults accept every real schema seen: a few thousand fields, unions of a few hundred
 * branches, enums of tens of thousands of symbols. Stored schemas are not checked again.
 *
 * @param jsonDepth {@code stele.schema.max.json.depth}: JSON nesting of an Avro or JSON Schema text
 * @param recordDepth {@code stele.schema.max.record.depth}: Avro records within records
 * @param protobufDepth {@code stele.schema.max.protobuf.depth}: nested blocks in a .proto text
 * @param unionBranches {@code stele.schema.max.union.branches}: branches of one Avro union
 * @param enumSymbols {@code stele.schema.max.enum.symbols}: symbols of one Avro enum, values of a
 *     JSON Schema {@code enum}
 * @param fields {@code stele.schema.max.fields}: fields of one Avro record, properties of one
 *     JSON Schema object
 * @param combinatorWidth {@code stele.schema.max.combinator.width}: subschemas of one JSON Schema
 *     {@code allOf}, {@code anyOf} or {@code oneOf}
 * @param referenceDepth {@code stele.schema.max.reference.depth}: references of references
 */
public record SchemaLimits(int jsonDepth, int recordDepth, int protobufDepth, int unionBranches,
    int enumSymbols, int fields, int combinatorWidth, int referenceDepth) {

  /**
   * The union limit is tied to {@code stele.compatibility.check.max.comparisons}: a union as wide
   * as this, checked against itself or a version with a few branches more or fewer, stays within
   * that key's default, so what the defaults let in can also be evolved under them.
   */
  public static final SchemaLimits DEFAULTS = new SchemaLimits(200, 100, 100, 700, 100_000, 10_000,
      1_000, 64);

  public SchemaLimits {
    for (int limit : new int[] {jsonDepth, recordDepth, protobufDepth, unionBranches, enumSymbols,
        fields, combinatorWidth, referenceDepth}) {
      if (limit <= 0) {
        throw new IllegalArgumentException("schema limits must be positive");
      }
    }
  }
}
