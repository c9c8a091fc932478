package dev.stele.registry.state;

import dev.stele.registry.log.RecordCodec;
import dev.stele.registry.log.RegistryRecord;
import dev.stele.registry.log.RegistryRecord.ConfigRecord;
import dev.stele.registry.log.RegistryRecord.DekRecord;
import dev.stele.registry.log.RegistryRecord.KekRecord;
import dev.stele.registry.log.RegistryRecord.ModeRecord;
import dev.stele.registry.model.CompactText;
import dev.stele.registry.model.RawJson;
import dev.stele.registry.model.SchemaContent;
import dev.stele.registry.model.StoredSchema;
import dev.stele.registry.model.TextCompression;
import dev.stele.schema.SchemaReference;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;

/**
 * The binary form of a {@link RegistryState} and its {@link SnapshotMark} (decision 0016): a
 * header (magic, format version, text compression fingerprint, mark), then each context's ids
 * with their content as held in memory (texts still deflated, GUIDs kept, so loading neither
 * deflates nor digests), each subject's versions as (version, id, deleted, timestamp), the
 * declared and deleted contexts, configs, modes and the DEK registry's keys as log records, an
 * end tag and a CRC-32C of everything before it. {@link SnapshotReader} loads it.
 *
 * <p>Written from a {@link RegistryState#copy()}, which nothing applies to, so the snapshot is the
 * state at exactly its mark. JSON was the other candidate; at 20,000 schemas this form loads
 * about ten times faster (docs/benchmarks.md, "Kafka store start-up from a snapshot").
 */
public final class StateSnapshot {
  static final long MAGIC = 0x5354454c45534e50L; // "STELESNP"
  /** Bump when the layout changes: a reader throws away snapshots of another version. */
  public static final int FORMAT_VERSION = 1;
  static final int END = 0x454e4421; // "END!"

  private StateSnapshot() {}

  /** Writes {@code state} (a copy nothing applies to any more) at {@code mark} to {@code out}. */
  public static void write(RegistryState state, SnapshotMark mark, OutputStream out) throws IOException {
    CheckedOutputStream checked = new CheckedOutputStream(out, new CRC32C());
    // The buffer sits above the checksum, so the CRC is updated in blocks, not byte by byte.
    DataOutputStream data = new DataOutputStream(new BufferedOutputStream(checked, 1 << 16));
    data.writeLong(MAGIC);
    data.writeInt(FORMAT_VERSION);
    data.writeLong(TextCompression.fingerprint());
    writeString(data, mark.log());
    data.writeLong(mark.next());
    data.writeInt(mark.checks().size());
    for (Map.Entry<String, String> check : mark.checks().entrySet()) {
      writeString(data, check.getKey());
      writeString(data, check.getValue());
    }
    writeContexts(data, state);
    writeSubjects(data, state);
    writeStrings(data, state.declaredContexts());
    writeStrings(data, state.deletedContexts());
    writeRecords(data, state);
    data.writeInt(END);
    data.flush();
    // The checksum itself is outside what it sums.
    new DataOutputStream(out).writeInt((int) checked.getChecksum().getValue());
    out.flush();
  }

  private static void writeContexts(DataOutputStream data, RegistryState state) throws IOException {
    Map<String, ContextIndex> contexts = state.contextIndexes();
    data.writeInt(contexts.size());
    for (Map.Entry<String, ContextIndex> context : contexts.entrySet()) {
      writeString(data, context.getKey());
      ContextIndex index = context.getValue();
      data.writeInt(index.maxId());
      int[] count = {0};
      index.forEachForSnapshot((schema, guid) -> count[0]++);
      data.writeInt(count[0]);
      try {
        index.forEachForSnapshot((schema, guid) -> {
          try {
            writeSchema(data, schema, guid);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }
  }

  private static void writeSchema(DataOutputStream data, StoredSchema schema, UUID guid)
      throws IOException {
    SchemaContent content = schema.content();
    data.writeInt(schema.id());
    writeString(data, content.schemaType());
    CompactText text = content.text();
    data.writeInt(text.length());
    data.writeInt(text.hashCode());
    writeBytes(data, text.bytes());
    data.writeLong(guid.getMostSignificantBits());
    data.writeLong(guid.getLeastSignificantBits());
    data.writeInt(content.references().size());
    for (SchemaReference ref : content.references()) {
      writeString(data, ref.name());
      writeString(data, ref.subject());
      data.writeInt(ref.version());
    }
    writeString(data, content.metadata() == null ? null : content.metadata().text());
    writeString(data, content.ruleSet() == null ? null : content.ruleSet().text());
  }

  private static void writeSubjects(DataOutputStream data, RegistryState state) throws IOException {
    Map<String, SubjectHistory> subjects = state.subjects();
    data.writeInt(subjects.size());
    for (Map.Entry<String, SubjectHistory> subject : subjects.entrySet()) {
      writeString(data, subject.getKey());
      List<VersionEntry> versions = subject.getValue().all();
      data.writeInt(versions.size());
      for (VersionEntry entry : versions) {
        data.writeInt(entry.version());
        data.writeInt(entry.schema().id());
        data.writeBoolean(entry.deleted());
        data.writeLong(entry.timestamp());
      }
    }
  }

  /** Configs, modes, KEKs and DEKs: few, so kept as the log's own records, with timestamps. */
  private static void writeRecords(DataOutputStream data, RegistryState state) throws IOException {
    List<RegistryRecord> records = new ArrayList<>();
    List<Long> timestamps = new ArrayList<>();
    for (String scope : state.configScopes()) {
      records.add(new ConfigRecord(scope, state.config(scope)));
      timestamps.add(0L);
    }
    for (String scope : state.modeScopes()) {
      records.add(new ModeRecord(scope, state.mode(scope)));
      timestamps.add(0L);
    }
    for (KeyTable.KekEntry kek : state.keys().keks()) {
      records.add(new KekRecord(kek.name(), kek.value()));
      timestamps.add(kek.ts());
    }
    for (KeyTable.DekEntry dek : state.keys().allDeks()) {
      KeyTable.DekId id = dek.id();
      records.add(new DekRecord(id.kekName(), id.subject(), id.algorithm(), id.version(), dek.value()));
      timestamps.add(dek.ts());
    }
    data.writeInt(records.size());
    for (int i = 0; i < records.size(); i++) {
      writeBytes(data, RecordCodec.key(records.get(i)));
      writeBytes(data, RecordCodec.value(records.get(i)));
      data.writeLong(timestamps.get(i));
    }
  }

  private static void writeStrings(DataOutputStream data, java.util.Collection<String> strings)
      throws IOException {
    List<String> copy = List.copyOf(strings);
    data.writeInt(copy.size());
    for (String text : copy) {
      writeString(data, text);
    }
  }

  /** Length-prefixed UTF-8 (-1: null); unlike writeUTF, not limited to 64 KB. */
  static void writeString(DataOutputStream data, String text) throws IOException {
    writeBytes(data, text == null ? null : text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  static void writeBytes(DataOutputStream data, byte[] bytes) throws IOException {
    if (bytes == null) {
      data.writeInt(-1);
      return;
    }
    data.writeInt(bytes.length);
    data.write(bytes);
  }

  static RawJson json(String text) {
    return text == null ? null : new RawJson(text);
  }
}
