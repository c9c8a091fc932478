package dev.stele.format.avro;

import dev.stele.schema.IdentityPair;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.avro.Schema;
import org.apache.avro.Schema.Field;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaIncompatibilityType;

/**
 * Avro's reader/writer check ({@code SchemaCompatibility.checkReaderWriterCompatibility}) walked
 * the same way, answering the same verdicts, incompatibilities, messages and locations in the same
 * order, but without trying every branch of a reader union against each writer type: only the
 * branches {@link UnionBranches} selects are compared. Avro compares and remembers every pair, so
 * two unions of 700 branches cost it ~490,000 remembered pairs (~150 MB); here they cost one
 * look-up and the few matching branches per writer branch. {@code ResolutionCheckTest} holds the
 * two equal on generated and hostile schemas; run it again when Avro is upgraded.
 *
 * <p>What has to be kept of Avro's walk for the answers to stay equal, and why:
 *
 * <ul>
 *   <li>Avro remembers each pair of schema nodes (by identity) with its result. A pair met while
 *       it is still being checked (a recursive type) counts as compatible; a pair met again gets
 *       the result of its first check, locations included, even where it is met elsewhere. The
 *       same memory is kept here.
 *   <li>The branches of a union are tried with a fresh location (so an incompatibility remembered
 *       from there says "/"), and Avro stops at the first branch that reads the writer's type.
 *   <li>A skipped branch would have been remembered by Avro as incompatible: when such a pair is
 *       met later, its result is computed then, as Avro computed it at the union (fresh location;
 *       the only skipped branches with anything below them are flat records, whose nested pairs
 *       nothing but that pair reaches, see {@link UnionBranches#isFlat}).
 *   <li>A record that is not flat is tried whatever its name: Avro walks its fields, and what it
 *       remembers there may be met again elsewhere. Such unions still cost a product (bounded by
 *       {@link CheckCost#withinMatched}).
 * </ul>
 *
 * <p>Not thread-safe: one instance per check.
 */
final class ResolutionCheck {
  /** One incompatibility as Avro reports it: its type, JSON pointer and message. */
  record Found(SchemaIncompatibilityType type, String location, String message) {}

  private static final List<Found> COMPATIBLE = List.of();
  /** Marks a pair being checked; a distinct instance so that it is never a real result. */
  private static final List<Found> IN_PROGRESS = Collections.unmodifiableList(new ArrayList<>());
  private static final String ROOT = "";

  private final Map<IdentityPair<Schema, Schema>, List<Found>> results = new HashMap<>();
  private final Map<Schema, UnionBranches> unions = new IdentityHashMap<>();
  /** For a writer type, the reader unions tried against it and how far (see {@link #skipped}). */
  private final Map<Schema, List<Tried>> triedUnions = new IdentityHashMap<>();

  private ResolutionCheck() {}

  /** Every incompatibility Avro reports for reading {@code writer}'s data as {@code reader}. */
  static List<Found> check(Schema reader, Schema writer) {
    return new ResolutionCheck().compare(ROOT, reader, writer, new ArrayDeque<>());
  }

  private List<Found> compare(String token, Schema reader, Schema writer, Deque<String> at) {
    at.addFirst(token);
    IdentityPair<Schema, Schema> pair = new IdentityPair<>(reader, writer);
    List<Found> result = results.get(pair);
    if (result == IN_PROGRESS) {
      result = COMPATIBLE; // a recursive type: compatible unless shown otherwise elsewhere
    } else if (result == null) {
      result = skipped(reader, writer);
      if (result == null) {
        results.put(pair, IN_PROGRESS);
        result = decide(reader, writer, at);
      }
      results.put(pair, result);
    }
    at.removeFirst();
    return result;
  }

  /** A fresh location, as Avro starts one for each branch of a union it tries. */
  private List<Found> compareFresh(Schema reader, Schema writer) {
    return compare(ROOT, reader, writer, new ArrayDeque<>());
  }

  private List<Found> decide(Schema reader, Schema writer, Deque<String> at) {
    Schema.Type type = reader.getType();
    if (type == writer.getType()) {
      return switch (type) {
        case NULL, BOOLEAN, INT, LONG, FLOAT, DOUBLE, BYTES, STRING -> COMPATIBLE;
        case ARRAY -> compare("items", reader.getElementType(), writer.getElementType(), at);
        case MAP -> compare("values", reader.getValueType(), writer.getValueType(), at);
        case FIXED -> merged(names(reader, writer, at), sizes(reader, writer, at));
        case ENUM -> merged(names(reader, writer, at), symbols(reader, writer, at));
        case RECORD -> merged(names(reader, writer, at), fields(reader, writer, at));
        case UNION -> writerBranches(reader, writer, at);
      };
    }
    if (writer.getType() == Schema.Type.UNION) {
      List<Found> result = COMPATIBLE;
      List<Schema> branches = writer.getTypes();
      for (int i = 0; i < branches.size(); i++) {
        result = merged(result, compare(Integer.toString(i), reader, branches.get(i), at));
      }
      return result;
    }
    if (type == Schema.Type.UNION) {
      return readerBranches(reader, writer, at);
    }
    return UnionBranches.promotions(writer.getType()).contains(type)
        ? COMPATIBLE : List.of(typeMismatch(reader, writer, at));
  }

  /** Two unions: each writer branch must be read by the reader union. */
  private List<Found> writerBranches(Schema reader, Schema writer, Deque<String> at) {
    List<Found> result = COMPATIBLE;
    List<Schema> branches = writer.getTypes();
    for (int i = 0; i < branches.size(); i++) {
      at.addFirst(Integer.toString(i));
      if (!compareFresh(reader, branches.get(i)).isEmpty()) {
        result = merged(result, List.of(lacking(branches.get(i), at)));
      }
      at.removeFirst();
    }
    return result;
  }

  /** A reader union and another writer type: the first branch that reads it decides. */
  private List<Found> readerBranches(Schema reader, Schema writer, Deque<String> at) {
    UnionBranches index = unions.computeIfAbsent(reader, UnionBranches::new);
    Tried tried = new Tried(index);
    triedUnions.computeIfAbsent(writer, w -> new ArrayList<>(1)).add(tried);
    List<Schema> branches = reader.getTypes();
    for (int candidate : index.candidates(writer)) {
      tried.passed = candidate; // Avro has tried (and remembered) every branch before this one
      if (compareFresh(branches.get(candidate), writer).isEmpty()) {
        return COMPATIBLE;
      }
    }
    tried.passed = branches.size();
    return List.of(lacking(writer, at));
  }

  /**
   * The result Avro remembered for a pair when it tried a union branch this check skipped, or
   * null when Avro had not met the pair either. Such a branch has another type than the writer,
   * or is an enum, fixed or flat record of another name: its result needs no nested pairs, or
   * (flat records) only pairs that nothing but this pair reaches, so computing them now, with a
   * fresh location as Avro did then, leaves what is remembered as Avro left it.
   */
  private List<Found> skipped(Schema reader, Schema writer) {
    List<Tried> tried = triedUnions.get(writer);
    if (tried == null) {
      return null;
    }
    for (Tried each : tried) {
      int position = each.index.positionOf(reader);
      if (position >= 0 && position < each.passed) {
        return decide(reader, writer, new ArrayDeque<>(List.of(ROOT)));
      }
    }
    return null;
  }

  private List<Found> fields(Schema reader, Schema writer, Deque<String> at) {
    List<Found> result = COMPATIBLE;
    at.addFirst("fields");
    for (Field field : reader.getFields()) {
      at.addFirst(Integer.toString(field.pos()));
      Field written = SchemaCompatibility.lookupWriterField(writer, field);
      if (written != null) {
        result = merged(result, compare("type", field.schema(), written.schema(), at));
      } else if (!field.hasDefaultValue()) {
        // Avro's own turn: an enum with a default is compared with the writer's whole record.
        result = field.schema().getType() == Schema.Type.ENUM
            && field.schema().getEnumDefault() != null
            ? merged(result, compare("type", field.schema(), writer, at))
            : merged(result, List.of(found(
                SchemaIncompatibilityType.READER_FIELD_MISSING_DEFAULT_VALUE, at, field.name())));
      }
      at.removeFirst();
    }
    at.removeFirst();
    return result;
  }

  private static List<Found> names(Schema reader, Schema writer, Deque<String> at) {
    if (SchemaCompatibility.schemaNameEquals(reader, writer)) {
      return COMPATIBLE;
    }
    at.addFirst("name");
    Found found = found(SchemaIncompatibilityType.NAME_MISMATCH, at,
        "expected: " + writer.getFullName());
    at.removeFirst();
    return List.of(found);
  }

  private static List<Found> sizes(Schema reader, Schema writer, Deque<String> at) {
    if (reader.getFixedSize() == writer.getFixedSize()) {
      return COMPATIBLE;
    }
    at.addFirst("size");
    Found found = found(SchemaIncompatibilityType.FIXED_SIZE_MISMATCH, at,
        "expected: " + writer.getFixedSize() + ", found: " + reader.getFixedSize());
    at.removeFirst();
    return List.of(found);
  }

  private static List<Found> symbols(Schema reader, Schema writer, Deque<String> at) {
    Set<String> missing = new TreeSet<>(writer.getEnumSymbols());
    missing.removeAll(reader.getEnumSymbols());
    if (missing.isEmpty() || reader.getEnumDefault() != null
        && reader.getEnumSymbols().contains(reader.getEnumDefault())) {
      return COMPATIBLE;
    }
    at.addFirst("symbols");
    Found found = found(SchemaIncompatibilityType.MISSING_ENUM_SYMBOLS, at, missing.toString());
    at.removeFirst();
    return List.of(found);
  }

  private static Found typeMismatch(Schema reader, Schema writer, Deque<String> at) {
    return found(SchemaIncompatibilityType.TYPE_MISMATCH, at, "reader type: " + reader.getType()
        + " not compatible with writer type: " + writer.getType());
  }

  private static Found lacking(Schema writer, Deque<String> at) {
    return found(SchemaIncompatibilityType.MISSING_UNION_BRANCH, at,
        "reader union lacking writer type: " + writer.getType());
  }

  /** The location as Avro writes it: the tokens after the root, JSON-pointer escaped. */
  private static Found found(SchemaIncompatibilityType type, Deque<String> at, String message) {
    StringBuilder pointer = new StringBuilder("/");
    Iterator<String> fromRoot = at.descendingIterator();
    fromRoot.next();
    while (fromRoot.hasNext()) {
      pointer.append(fromRoot.next().replace("~", "~0").replace("/", "~1"));
      if (fromRoot.hasNext()) {
        pointer.append('/');
      }
    }
    return new Found(type, pointer.toString(), message);
  }

  /** Both lists in order; results are shared (remembered), so never changed in place. */
  private static List<Found> merged(List<Found> first, List<Found> second) {
    if (second.isEmpty()) {
      return first;
    }
    if (first.isEmpty()) {
      return second;
    }
    List<Found> both = new ArrayList<>(first.size() + second.size());
    both.addAll(first);
    both.addAll(second);
    return Collections.unmodifiableList(both);
  }

  /** A reader union tried against one writer type: branches before {@code passed} were tried. */
  private static final class Tried {
    final UnionBranches index;
    int passed;

    Tried(UnionBranches index) {
      this.index = index;
    }
  }
}
