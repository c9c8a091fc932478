package dev.stele.registry.model;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Deflates and inflates schema texts for {@link CompactText}: raw deflate (no zlib header or
 * checksum: the bytes never leave the process) at the default level, primed with a dictionary of
 * the phrases schema texts are made of, which matters for texts of a few hundred bytes where
 * deflate alone finds little to repeat (measured: 1 KB Avro records shrink 2.6× without it, 3.3×
 * with it; 200-byte ones 1.4× and 2.2×).
 *
 * <p>A zlib deflater holds about 256 KB of native memory and costs more to set up than to use on
 * a 1 KB text, so deflaters and inflaters are pooled: a few are kept, any thread takes one, and
 * a thread that finds none makes one (and ends it if the pool is full when it is done).
 */
public final class TextCompression {
  /** A deflated text is kept only when it saves at least this share (1/8) of the bytes. */
  private static final int MIN_SAVING_SHIFT = 3;
  private static final int POOL_SIZE = 4;

  /**
   * Phrases of Avro, JSON Schema and Protobuf texts. Deflate reaches back 32 KB, so the whole
   * dictionary is in reach; the most common phrases are last, where references are shortest.
   * Changing it changes no stored data (compressed bytes are never persisted).
   */
  private static final byte[] DICTIONARY = (
      "syntax = \"proto3\";\npackage ;\n\nimport \"google/protobuf/timestamp.proto\";\n"
      + "option java_package = \"\";\nmessage  {\n  string  = 1;\n  int32  = 2;\n  int64  = 3;\n"
      + "  bool  = 4;\n  double  = 5;\n  repeated  = 6;\n  optional  = 7;\n}\n"
      + "enum  {\n  _UNSPECIFIED = 0;\n}\n"
      + "{\"$schema\":\"http://json-schema.org/draft-07/schema#\",\"$id\":\"\",\"title\":\"\","
      + "\"type\":\"object\",\"additionalProperties\":false,\"required\":[\"\"],\"properties\":{\"\":"
      + "{\"type\":\"string\",\"format\":\"date-time\"},\"\":{\"type\":\"integer\"},"
      + "\"\":{\"type\":\"number\"},"
      + "\"\":{\"type\":\"boolean\"},\"\":{\"type\":\"array\",\"items\":{\"$ref\":\"#/definitions/\"}},"
      + "\"description\":\"\",\"enum\":[\"\"],\"oneOf\":[{\"type\":\"null\"},"
      + "{\"type\":\"record\",\"name\":\"\",\"namespace\":\"\",\"doc\":\"\",\"fields\":["
      + "{\"type\":\"enum\",\"name\":\"\",\"symbols\":[\"\"],\"default\":\"\"},"
      + "{\"type\":\"fixed\",\"name\":\"\",\"size\":16},{\"type\":\"string\",\"logicalType\":\"uuid\"},"
      + "{\"type\":\"int\",\"logicalType\":\"date\"},"
      + "{\"type\":\"long\",\"logicalType\":\"timestamp-micros\"},"
      + "{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":,\"scale\":2},"
      + "{\"type\":\"array\",\"items\":\"string\"},\"default\":[]},"
      + "{\"type\":\"map\",\"values\":\"string\"},\"default\":{}},"
      + "\"type\":\"float\",\"type\":\"double\",\"default\":0.0},\"type\":\"boolean\",\"default\":false},"
      + "\"type\":\"bytes\",\"type\":\"int\",\"default\":0},\"type\":\"long\"},"
      + "{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}},"
      + "{\"name\":\"\",\"type\":[\"null\",\"long\"],\"default\":null},"
      + "{\"name\":\"\",\"type\":[\"null\",\"string\"],\"default\":null},"
      + "{\"name\":\"\",\"type\":\"string\",\"doc\":\"\"},{\"name\":\"id\",\"type\":\"string\"},"
      + "{\"type\":\"record\",\"name\":\"\",\"namespace\":\"com.\",\"fields\":[{\"name\":\"\",\"type\":\"")
      .getBytes(StandardCharsets.UTF_8);

  private static final AtomicReferenceArray<Deflater> DEFLATERS = new AtomicReferenceArray<>(POOL_SIZE);
  private static final AtomicReferenceArray<Inflater> INFLATERS = new AtomicReferenceArray<>(POOL_SIZE);

  private TextCompression() {}

  /**
   * The deflated form of {@code utf8}, or null when deflating does not save enough to be worth
   * an inflate on every read. Deterministic: the same input always gives the same bytes (one
   * call with all the input and {@code FINISH}, same level and dictionary).
   */
  public static byte[] deflate(byte[] utf8) {
    int room = utf8.length - (utf8.length >> MIN_SAVING_SHIFT);
    byte[] out = new byte[room];
    Deflater deflater = take(DEFLATERS);
    if (deflater == null) {
      deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    }
    try {
      deflater.setDictionary(DICTIONARY);
      deflater.setInput(utf8);
      deflater.finish();
      int size = deflater.deflate(out);
      // Not finished means the output would not fit in the room allowed: keep the text as is.
      return deflater.finished() ? Arrays.copyOf(out, size) : null;
    } finally {
      deflater.reset();
      if (!give(DEFLATERS, deflater)) {
        deflater.end();
      }
    }
  }

  /**
   * A number that changes when {@link #deflate} would give other bytes for the same text: a hash
   * of the dictionary, the level and what this process's zlib makes of a probe text. Snapshots
   * holding deflated texts record it and are thrown away when it differs (decision 0016).
   */
  public static long fingerprint() {
    return Fingerprint.VALUE;
  }

  /** Computed once, on first use. */
  private static final class Fingerprint {
    static final long VALUE = compute();

    private static long compute() {
      java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
      crc.update(DICTIONARY);
      crc.update(Deflater.DEFAULT_COMPRESSION);
      byte[] probe = ("{\"type\":\"record\",\"name\":\"Probe\",\"namespace\":\"dev.stele\","
          + "\"fields\":[{\"name\":\"id\",\"type\":\"long\"},{\"name\":\"name\",\"type\":"
          + "[\"null\",\"string\"],\"default\":null}]}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
      byte[] deflated = deflate(probe);
      long dictionaryAndLevel = crc.getValue();
      crc.reset();
      crc.update(deflated == null ? probe : deflated);
      return dictionaryAndLevel << 32 | crc.getValue();
    }
  }

  /** The {@code length} bytes that {@link #deflate} turned into {@code deflated}. */
  public static byte[] inflate(byte[] deflated, int length) {
    Inflater inflater = take(INFLATERS);
    if (inflater == null) {
      inflater = new Inflater(true);
    }
    try {
      // A raw stream does not ask for its dictionary: it is set up front.
      inflater.setDictionary(DICTIONARY);
      inflater.setInput(deflated);
      byte[] out = new byte[length];
      int size = inflater.inflate(out);
      if (size != length || !inflater.finished()) {
        throw new IllegalStateException("schema text inflated to " + size + " bytes, not " + length);
      }
      return out;
    } catch (DataFormatException e) {
      throw new IllegalStateException("schema text does not inflate: " + e.getMessage(), e);
    } finally {
      inflater.reset();
      if (!give(INFLATERS, inflater)) {
        inflater.end();
      }
    }
  }

  private static <T> T take(AtomicReferenceArray<T> pool) {
    for (int i = 0; i < pool.length(); i++) {
      T found = pool.getAndSet(i, null);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static <T> boolean give(AtomicReferenceArray<T> pool, T item) {
    for (int i = 0; i < pool.length(); i++) {
      if (pool.compareAndSet(i, null, item)) {
        return true;
      }
    }
    return false;
  }
}
