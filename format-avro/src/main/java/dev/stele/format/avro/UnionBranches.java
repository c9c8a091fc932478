package dev.stele.format.avro;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.Schema.Type;

/**
 * The branches of one reader union that can possibly read a given writer type, found through a
 * map instead of by trying every branch, so that a union of hundreds of branches checked against
 * another costs one look-up per writer branch rather than a product.
 *
 * <p>By Avro's resolution rules a branch can read a non-union writer type only if it has the same
 * type and, for an enum or fixed, a name that matches, or if it is a primitive the writer's
 * primitive promotes to (int to long, float or double; long to float or double; float to double;
 * string to and from bytes).
 * A name matches as Avro 1.12's checker matches it ({@code SchemaCompatibility.schemaNameEquals}):
 * the same name without its namespace, or a reader alias equal to the writer's full name. Every
 * other branch is surely incompatible and decided without looking inside. A record of another
 * name never matches either, but Avro walks its fields all the same, and what it remembers from
 * that walk can change later answers (see {@link ResolutionCheck}); so records are matched by
 * name only when both are {@link #isFlat flat}, and other records are tried whatever their names.
 */
final class UnionBranches {
  private static final int[] NONE = new int[0];
  /** Marks an alias key: aliases are full names, compared with the writer's full name. */
  private static final String ALIAS = "alias ";
  private static final String ALL_RECORDS = "all records";
  /** Records that are not {@link #isFlat flat}: compared whatever their names. */
  private static final String DEEP_RECORDS = "deep records";
  private final Map<Schema, Integer> positions = new IdentityHashMap<>();
  /** Type name, or type and name (or alias) for named types, to branch positions. */
  private final Map<String, int[]> byKey = new HashMap<>();

  UnionBranches(Schema union) {
    Map<String, List<Integer>> keys = new HashMap<>();
    List<Schema> branches = union.getTypes();
    for (int i = 0; i < branches.size(); i++) {
      Schema branch = branches.get(i);
      positions.put(branch, i);
      if (branch.getType() == Type.RECORD) {
        keys.computeIfAbsent(ALL_RECORDS, k -> new ArrayList<>()).add(i);
      }
      if (branch.getType() == Type.RECORD && !isFlat(branch)) {
        keys.computeIfAbsent(DEEP_RECORDS, k -> new ArrayList<>()).add(i);
      } else if (isMatchedByName(branch)) {
        keys.computeIfAbsent(key(branch.getType(), branch.getName()), k -> new ArrayList<>())
            .add(i);
        for (String alias : branch.getAliases()) {
          keys.computeIfAbsent(key(branch.getType(), ALIAS + alias), k -> new ArrayList<>())
              .add(i);
        }
      } else {
        keys.computeIfAbsent(branch.getType().name(), k -> new ArrayList<>()).add(i);
      }
    }
    keys.forEach((k, v) -> byKey.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
  }

  /** The place of {@code branch} (by identity) in the union, or -1. */
  int positionOf(Schema branch) {
    Integer at = positions.get(branch);
    return at == null ? -1 : at;
  }

  /**
   * The positions, ascending and without repeats, of the branches that may read {@code writer}
   * (not a union); every other branch surely does not.
   */
  int[] candidates(Schema writer) {
    Type type = writer.getType();
    int[] all;
    if (type == Type.RECORD && !isFlat(writer)) {
      all = byKey.getOrDefault(ALL_RECORDS, NONE);
    } else if (isMatchedByName(writer)) {
      all = concat(byKey.getOrDefault(key(type, writer.getName()), NONE),
          byKey.getOrDefault(key(type, ALIAS + writer.getFullName()), NONE));
      all = type == Type.RECORD ? concat(all, byKey.getOrDefault(DEEP_RECORDS, NONE)) : all;
    } else {
      all = byKey.getOrDefault(type.name(), NONE);
    }
    for (Type wider : promotions(type)) {
      all = concat(all, byKey.getOrDefault(wider.name(), NONE));
    }
    if (all.length < 2) {
      return all;
    }
    // A name and an alias of one branch, or several promotions, may list a place twice.
    int[] sorted = all.clone();
    Arrays.sort(sorted);
    int distinct = 1;
    for (int i = 1; i < sorted.length; i++) {
      if (sorted[i] != sorted[distinct - 1]) {
        sorted[distinct++] = sorted[i];
      }
    }
    return distinct == sorted.length ? sorted : Arrays.copyOf(sorted, distinct);
  }

  /** The reader types a writer's {@code type} is promoted to, by the Avro specification. */
  static List<Type> promotions(Type type) {
    return switch (type) {
      case INT -> List.of(Type.LONG, Type.FLOAT, Type.DOUBLE);
      case LONG -> List.of(Type.FLOAT, Type.DOUBLE);
      case FLOAT -> List.of(Type.DOUBLE);
      case STRING -> List.of(Type.BYTES);
      case BYTES -> List.of(Type.STRING);
      default -> List.of();
    };
  }

  private static boolean isMatchedByName(Schema schema) {
    Type type = schema.getType();
    return type == Type.ENUM || type == Type.FIXED || type == Type.RECORD;
  }

  /**
   * True for a record whose fields hold only primitives, arrays and maps of them: no named type
   * and no union below it, so every pair of nodes Avro's walk meets below a pair of two such
   * records is met only through that pair, and skipping the pair skips nothing Avro remembers
   * for elsewhere (a union or a named type below would let another path reach those nodes).
   * Nor field aliases: with them Avro's walk may throw (a field matching two), which skipping
   * it would hide.
   */
  static boolean isFlat(Schema record) {
    for (Schema.Field field : record.getFields()) {
      if (!isPlain(field.schema()) || !field.aliases().isEmpty()) {
        return false;
      }
    }
    return true;
  }

  private static boolean isPlain(Schema schema) {
    return switch (schema.getType()) {
      case NULL, BOOLEAN, INT, LONG, FLOAT, DOUBLE, BYTES, STRING -> true;
      case ARRAY -> isPlain(schema.getElementType());
      case MAP -> isPlain(schema.getValueType());
      default -> false;
    };
  }

  private static String key(Type type, String name) {
    return type.name() + ' ' + name;
  }

  private static int[] concat(int[] a, int[] b) {
    if (b.length == 0) {
      return a;
    }
    if (a.length == 0) {
      return b;
    }
    int[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
