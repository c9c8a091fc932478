package dev.stele.registry.state;

import dev.stele.registry.log.RecordCodec;
import dev.stele.registry.log.RecordFormatException;
import dev.stele.registry.log.RegistryRecord;
import dev.stele.registry.model.CompactText;
import dev.stele.registry.model.SchemaContent;
import dev.stele.registry.model.StoredSchema;
import dev.stele.registry.model.TextCompression;
import dev.stele.schema.SchemaReference;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;

/**
 * Reads a {@link StateSnapshot}: first its header ({@link #mark()}, read on opening, so a store
 * can check it against its log before paying for the body), then the body into an empty state.
 * Every way a file can be wrong (another format version or compression, a short or corrupt file,
 * a failed checksum) is an {@link IOException} saying which; the state is then left empty.
 */
public final class SnapshotReader implements AutoCloseable {
  /** No string or blob in a snapshot is near this; a larger length means a corrupt file. */
  private static final int MAX_BLOB = 256 << 20;

  private final InputStream raw;
  private final CheckedInputStream checked;
  private final DataInputStream data;
  private final SnapshotMark mark;

  /**
   * Reads the header of a snapshot of {@code length} bytes; the stream is closed with this reader.
   */
  public SnapshotReader(InputStream in, long length) throws IOException {
    this.raw = in;
    // The checksum sees the body only (the file less its last 4 bytes, the checksum itself), in
    // blocks: the buffer sits above it.
    this.checked = new CheckedInputStream(new Bounded(in, Math.max(0, length - 4)), new CRC32C());
    this.data = new DataInputStream(new BufferedInputStream(checked, 1 << 16));
    try {
      if (data.readLong() != StateSnapshot.MAGIC) {
        throw new IOException("not a Stele state snapshot (wrong magic number)");
      }
      int version = data.readInt();
      if (version != StateSnapshot.FORMAT_VERSION) {
        throw new IOException("snapshot format version " + version + ", this release reads "
            + StateSnapshot.FORMAT_VERSION);
      }
      if (data.readLong() != TextCompression.fingerprint()) {
        throw new IOException("the snapshot's texts were compressed with other settings or another zlib");
      }
      String log = string();
      long next = data.readLong();
      int count = count("checks");
      Map<String, String> checks = new HashMap<>();
      for (int i = 0; i < count; i++) {
        checks.put(string(), string());
      }
      this.mark = new SnapshotMark(log, next, checks);
    } catch (EOFException e) {
      throw new IOException("the snapshot ends inside its header (truncated)", e);
    } catch (IllegalArgumentException e) {
      throw new IOException("the snapshot's header is corrupt: " + e.getMessage(), e);
    }
  }

  public SnapshotMark mark() {
    return mark;
  }

  /**
   * Loads the body into {@code state}, which must be empty, and sets its last offset to the
   * mark's; on any failure the state is cleared again.
   */
  public void restoreInto(RegistryState state) throws IOException {
    if (state.lastOffset() >= 0 || state.subjectCount() > 0) {
      throw new IllegalStateException("a snapshot loads into an empty state only");
    }
    try {
      readContexts(state);
      readSubjects(state);
      state.declaredContexts().addAll(strings());
      state.deletedContexts().addAll(strings());
      readRecords(state);
      if (data.readInt() != StateSnapshot.END) {
        throw new IOException("the snapshot has no end tag where its body should end (corrupt)");
      }
      int expected = (int) checked.getChecksum().getValue();
      if (new DataInputStream(raw).readInt() != expected) {
        throw new IOException("the snapshot's checksum does not match its contents (corrupt)");
      }
      state.restoreLastOffset(mark.next() - 1);
    } catch (EOFException e) {
      state.clear();
      throw new IOException("the snapshot ends before its end (truncated)", e);
    } catch (IOException e) {
      state.clear();
      throw e;
    } catch (RuntimeException e) {
      state.clear();
      throw new IOException("the snapshot's body is corrupt: " + e, e);
    }
  }

  private void readContexts(RegistryState state) throws IOException {
    int contexts = count("contexts");
    for (int c = 0; c < contexts; c++) {
      ContextIndex index = state.restoreContext(string());
      index.restoreMaxId(data.readInt());
      int schemas = count("schemas");
      for (int i = 0; i < schemas; i++) {
        int id = data.readInt();
        String type = string();
        int length = data.readInt();
        int hash = data.readInt();
        CompactText text = CompactText.restore(blob(), length, hash);
        UUID guid = new UUID(data.readLong(), data.readLong());
        int refCount = count("references");
        List<SchemaReference> refs = new ArrayList<>(refCount);
        for (int r = 0; r < refCount; r++) {
          refs.add(new SchemaReference(string(), string(), data.readInt()));
        }
        SchemaContent content = new SchemaContent(type, text, refs, StateSnapshot.json(string()),
            StateSnapshot.json(string()));
        if (index.intern(id, content, guid) == null) {
          throw new IOException("the snapshot names id " + id + " twice (corrupt)");
        }
        state.restoredId();
      }
    }
  }

  private void readSubjects(RegistryState state) throws IOException {
    int subjects = count("subjects");
    for (int s = 0; s < subjects; s++) {
      String subject = string();
      ContextIndex index = state.index(dev.stele.registry.model.QualifiedSubject.contextOf(subject));
      int versions = count("versions");
      VersionEntry[] entries = new VersionEntry[versions];
      for (int v = 0; v < versions; v++) {
        int version = data.readInt();
        int id = data.readInt();
        boolean deleted = data.readBoolean();
        long timestamp = data.readLong();
        StoredSchema schema = index.byId(id);
        if (schema == null || v > 0 && entries[v - 1].version() >= version) {
          throw new IOException("the snapshot's subject " + subject + " names id " + id
              + " or version " + version + " it cannot hold (corrupt)");
        }
        entries[v] = new VersionEntry(version, schema, deleted, timestamp);
      }
      state.restoreSubject(subject, SubjectHistory.of(entries));
    }
  }

  private void readRecords(RegistryState state) throws IOException {
    int records = count("records");
    for (int i = 0; i < records; i++) {
      byte[] key = blob();
      byte[] value = blob();
      long timestamp = data.readLong();
      Optional<RegistryRecord> record;
      try {
        record = RecordCodec.decode(key, value);
      } catch (RecordFormatException e) {
        throw new IOException("the snapshot holds an unreadable record: " + e.getMessage(), e);
      }
      if (record.isPresent()) {
        state.apply(record.get(), -1, timestamp);
      }
    }
  }

  private List<String> strings() throws IOException {
    int count = count("names");
    List<String> strings = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      strings.add(string());
    }
    return strings;
  }

  private int count(String what) throws IOException {
    int count = data.readInt();
    if (count < 0 || count > MAX_BLOB) {
      throw new IOException("the snapshot gives " + count + " " + what + " (corrupt)");
    }
    return count;
  }

  private String string() throws IOException {
    byte[] bytes = blob();
    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
  }

  private byte[] blob() throws IOException {
    int length = data.readInt();
    if (length == -1) {
      return null;
    }
    if (length < -1 || length > MAX_BLOB) {
      throw new IOException("the snapshot gives a length of " + length + " (corrupt)");
    }
    byte[] bytes = new byte[length];
    data.readFully(bytes);
    return bytes;
  }

  @Override
  public void close() throws IOException {
    data.close();
  }

  /** The first {@code left} bytes of a stream, and nothing after them. */
  private static final class Bounded extends java.io.FilterInputStream {
    private long left;

    Bounded(InputStream in, long left) {
      super(in);
      this.left = left;
    }

    @Override
    public int read() throws IOException {
      if (left <= 0) {
        return -1;
      }
      int b = in.read();
      if (b >= 0) {
        left--;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (left <= 0) {
        return -1;
      }
      int n = in.read(buffer, offset, (int) Math.min(length, left));
      if (n > 0) {
        left -= n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = in.skip(Math.min(n, left));
      left -= skipped;
      return skipped;
    }

    @Override
    public int available() throws IOException {
      return (int) Math.min(in.available(), left);
    }

    @Override
    public boolean markSupported() {
      return false;
    }
  }
}
