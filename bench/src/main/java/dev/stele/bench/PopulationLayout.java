package dev.stele.bench;

import dev.stele.format.avro.AvroFormat;
import dev.stele.registry.log.RegistryRecord;
import dev.stele.registry.log.RegistryRecord.SchemaRecord;
import dev.stele.registry.log.RegistryRecord.SchemaValue;
import dev.stele.schema.InvalidSchemaException;
import dev.stele.schema.SchemaSource;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The registry that the populators ({@link PopulateStoreMain} for an embedded data directory,
 * {@link PopulateTopicMain} for a Kafka topic) write as the server's own SCHEMA records: Avro
 * texts of the §4 kind ({@link Schemas#event}) in the canonical form the server stores, ids from
 * 1 up, versions from 1 up per subject. Both write the same registry for the same options, so a
 * topic and a directory of one size hold the same subjects, ids and texts.
 *
 * <p>Subjects: the first {@code --long} subjects get {@code --versions} versions each
 * (interleaved, as a registry grows), the others share the remaining schemas round-robin. At the
 * defaults: 16,000 subjects of 50 versions (800,000 schemas) and 184,000 subjects sharing 200,000
 * (one or two versions each): a million schemas in 200,000 subjects. (20,000 subjects of 50
 * versions would be all of the million; 16,000 is the most that leaves one version for each other
 * subject.)
 *
 * <p>Not thread-safe: {@link #records} numbers versions in the order it is called, which must be
 * batch after batch from schema 0 up.
 */
final class PopulationLayout {
  private static final String RUN = "pop"; // in the record names; the same for both populators

  final int schemas;
  final int subjects;
  private final int longSubjects;
  private final int bytes;
  private final int inLong;
  private final int[] versions;
  private final AvroFormat avro = new AvroFormat();
  private long textChars;

  private PopulationLayout(int schemas, int subjects, int longSubjects, int longVersions,
      int bytes) {
    this.schemas = schemas;
    this.subjects = subjects;
    this.longSubjects = longSubjects;
    this.bytes = bytes;
    this.inLong = Math.min(schemas, longSubjects * longVersions);
    if (longSubjects >= subjects || (schemas > inLong && subjects == longSubjects)) {
      throw new IllegalArgumentException("--long must leave subjects for the other schemas");
    }
    this.versions = new int[subjects];
  }

  /** From {@code --schemas --subjects --long --versions --bytes}, at the million's defaults. */
  static PopulationLayout of(Args args) {
    return new PopulationLayout(args.integer("schemas", 1_000_000),
        args.integer("subjects", 200_000), args.integer("long", 16_000),
        args.integer("versions", 50), args.integer("bytes", 1024));
  }

  /** The subject of schema {@code i} (0-based; its id is {@code i + 1}). */
  String subject(int i) {
    return "topic-" + subjectIndex(i) + "-value";
  }

  private int subjectIndex(int i) {
    return i < inLong ? i % longSubjects : longSubjects + (i - inLong) % (subjects - longSubjects);
  }

  /** How many subjects the first {@link #schemas} schemas use. */
  int subjectsUsed() {
    return schemas <= inLong ? Math.min(schemas, longSubjects)
        : longSubjects + Math.min(schemas - inLong, subjects - longSubjects);
  }

  /** The text the server stores for schema {@code i}: the canonical form of its Avro text. */
  String text(int i) {
    try {
      return avro.parse(SchemaSource.of(Schemas.event(RUN, i, bytes))).canonical();
    } catch (InvalidSchemaException e) {
      throw new IllegalStateException("a generated schema does not parse: " + e.getMessage(), e);
    }
  }

  /**
   * The SCHEMA records of schemas {@code from} (inclusive) to {@code to}, the texts parsed in
   * parallel (most of a populator's time). Call batch after batch, in order.
   */
  List<RegistryRecord> records(int from, int to) {
    String[] texts = IntStream.range(from, to).parallel().mapToObj(this::text)
        .toArray(String[]::new);
    List<RegistryRecord> batch = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      String text = texts[i - from];
      textChars += text.length();
      SchemaValue value = new SchemaValue(i + 1, "AVRO", List.of(), null, null, text, false);
      batch.add(new SchemaRecord(subject(i), ++versions[subjectIndex(i)], value));
    }
    return batch;
  }

  /** The average length of the texts {@link #records} has made so far. */
  long averageTextChars(int made) {
    return textChars / Math.max(1, made);
  }
}
