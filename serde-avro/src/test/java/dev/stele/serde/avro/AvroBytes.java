package dev.stele.serde.avro;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds expected payloads by hand from the specs, independent of the Avro library: the
 * Confluent frame (API.md §5.1) and Avro's binary encoding (zig-zag varints, length-prefixed
 * strings, little-endian doubles).
 */
final class AvroBytes {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  static AvroBytes frame(int id) {
    AvroBytes bytes = new AvroBytes();
    bytes.out.write(0);
    bytes.out.write(id >>> 24);
    bytes.out.write(id >>> 16);
    bytes.out.write(id >>> 8);
    bytes.out.write(id);
    return bytes;
  }

  /** No framing: the payload alone, for records whose schema id travels in a header. */
  static AvroBytes bare() {
    return new AvroBytes();
  }

  /** Confluent 8's GUID framing: magic byte 1, then the GUID's 16 bytes, most significant first. */
  static AvroBytes guidFrame(java.util.UUID guid) {
    AvroBytes bytes = new AvroBytes();
    bytes.out.write(1);
    bytes.out.writeBytes(java.nio.ByteBuffer.allocate(16).putLong(guid.getMostSignificantBits())
        .putLong(guid.getLeastSignificantBits()).array());
    return bytes;
  }

  AvroBytes varint(long value) {
    long zigzag = (value << 1) ^ (value >> 63);
    while ((zigzag & ~0x7FL) != 0) {
      out.write((int) ((zigzag & 0x7F) | 0x80));
      zigzag >>>= 7;
    }
    out.write((int) zigzag);
    return this;
  }

  AvroBytes string(String value) {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    varint(utf8.length);
    out.writeBytes(utf8);
    return this;
  }

  AvroBytes raw(int... values) {
    for (int value : values) {
      out.write(value);
    }
    return this;
  }

  AvroBytes doubleValue(double value) {
    long bits = Double.doubleToLongBits(value);
    for (int i = 0; i < 8; i++) {
      out.write((int) (bits >>> (8 * i)));
    }
    return this;
  }

  byte[] bytes() {
    return out.toByteArray();
  }
}
