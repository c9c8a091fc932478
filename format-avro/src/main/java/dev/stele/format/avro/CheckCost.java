package dev.stele.format.avro;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;

/**
 * An upper bound on the pairs of types Avro's {@code SchemaCompatibility} compares, counted before
 * it runs, because once it runs it cannot be stopped (it never looks at interrupts) and its time
 * and memory grow with that count: a union compares every writer branch with the reader's
 * branches, so two unions of a thousand branches are a million pairs, each remembered. Counting
 * walks the two schemas as Avro does, stops as soon as the limit is passed, and remembers only
 * the pairs of records it entered (so recursive and shared records are walked once), which keeps
 * the count itself cheap: a few milliseconds where Avro takes seconds.
 *
 * <p>The count may be larger than Avro's (past a reader branch that matches, it stops only where
 * the match is plain), never smaller, so a check under the limit is bounded in time and memory:
 * measured, Avro keeps about 300 bytes and spends a few microseconds per pair it compares.
 *
 * <p>{@link #withinMatched} counts the work of {@link ResolutionCheck} instead, which tries only
 * the reader branches {@link UnionBranches} selects for a writer type: two unions of 700 fixed
 * with nothing in common are 490,000 pairs for Avro and about 1,400 for it.
 */
final class CheckCost {
  private final long limit;
  /** Union branches selected by type and name, as {@link ResolutionCheck} does; null: every one. */
  private final Map<Schema, UnionBranches> matched;
  /** Reader record to the writer records it was entered with, by identity as Avro remembers. */
  private final Map<Schema, Set<Schema>> recordsEntered = new IdentityHashMap<>();
  private long pairs;

  private CheckCost(long limit, boolean matchBranches) {
    this.limit = limit;
    this.matched = matchBranches ? new IdentityHashMap<>() : null;
  }

  /** True when Avro's checker, given the two schemas, compares at most {@code limit} pairs. */
  static boolean within(Schema reader, Schema writer, long limit) {
    return new CheckCost(limit, false).walks(reader, writer);
  }

  /** True when {@link ResolutionCheck} compares at most {@code limit} pairs. */
  static boolean withinMatched(Schema reader, Schema writer, long limit) {
    return new CheckCost(limit, true).walks(reader, writer);
  }

  private boolean walks(Schema reader, Schema writer) {
    try {
      walk(reader, writer);
      return true;
    } catch (OverLimit e) {
      return false;
    }
  }

  private void walk(Schema reader, Schema writer) {
    if (++pairs > limit) {
      throw OverLimit.INSTANCE;
    }
    Schema.Type type = reader.getType();
    if (writer.getType() == Schema.Type.UNION) {
      for (Schema branch : writer.getTypes()) {
        walk(reader, branch);
      }
    } else if (type == Schema.Type.UNION) {
      List<Schema> branches = reader.getTypes();
      int[] tried = matched == null ? null
          : matched.computeIfAbsent(reader, UnionBranches::new).candidates(writer);
      int count = tried == null ? branches.size() : tried.length;
      for (int k = 0; k < count; k++) {
        Schema branch = branches.get(tried == null ? k : tried[k]);
        walk(branch, writer);
        if (surelyReads(branch, writer)) {
          break; // Avro stops at the first branch that reads the writer's type
        }
      }
    } else if (type != writer.getType()) {
      return; // a promotion or a mismatch: decided without looking further
    } else if (type == Schema.Type.ARRAY) {
      walk(reader.getElementType(), writer.getElementType());
    } else if (type == Schema.Type.MAP) {
      walk(reader.getValueType(), writer.getValueType());
    } else if (type == Schema.Type.RECORD && recordsEntered.computeIfAbsent(reader,
        r -> Collections.newSetFromMap(new IdentityHashMap<>())).add(writer)) {
      for (Schema.Field field : reader.getFields()) {
        Schema.Field written = writtenAs(field, writer);
        if (written != null) {
          walk(field.schema(), written.schema());
        }
      }
    }
  }

  /**
   * True when Avro will find that {@code reader} reads {@code writer} without looking further: the
   * same primitive type, or a fixed of the same name and size. (Records and enums may differ
   * inside; the count goes on past them, which only makes it larger.)
   */
  private static boolean surelyReads(Schema reader, Schema writer) {
    if (reader.getType() != writer.getType()) {
      return false;
    }
    return switch (reader.getType()) {
      case NULL, BOOLEAN, INT, LONG, FLOAT, DOUBLE, BYTES, STRING -> true;
      case FIXED -> reader.getFullName().equals(writer.getFullName())
          && reader.getFixedSize() == writer.getFixedSize();
      default -> false;
    };
  }

  /** The writer's field that Avro reads {@code field} from: same name, else one of its aliases. */
  private static Schema.Field writtenAs(Schema.Field field, Schema writer) {
    Schema.Field same = writer.getField(field.name());
    if (same != null) {
      return same;
    }
    for (String alias : field.aliases()) {
      Schema.Field aliased = writer.getField(alias);
      if (aliased != null) {
        return aliased;
      }
    }
    return null;
  }

  /** Thrown from deep in the walk to end it at once; carries no stack. */
  private static final class OverLimit extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final OverLimit INSTANCE = new OverLimit();

    private OverLimit() {
      super(null, null, false, false);
    }
  }
}
