package dev.stele.serde.internal;

import org.apache.kafka.common.errors.SerializationException;

/**
 * The Confluent wire framing (API.md §5.1): magic byte 0, then the schema id as a 4-byte
 * big-endian signed int, then the format's payload.
 */
public final class Framing {
  public static final byte MAGIC = 0;
  public static final int HEADER_SIZE = 5;

  private Framing() {}

  /** Writes the 5-byte header into {@code out} at offset 0. */
  public static void writeHeader(byte[] out, int id) {
    out[0] = MAGIC;
    out[1] = (byte) (id >>> 24);
    out[2] = (byte) (id >>> 16);
    out[3] = (byte) (id >>> 8);
    out[4] = (byte) id;
  }

  /**
   * The schema id of a framed payload; a wrong magic byte or a payload too short for the header
   * is a {@link SerializationException} naming the topic.
   */
  public static int readId(String topic, byte[] data) {
    if (data.length < HEADER_SIZE) {
      throw new SerializationException("Cannot deserialize data for topic '" + topic + "': " + data.length
          + " bytes is too short for the 5-byte schema registry header (magic byte and schema id)");
    }
    if (data[0] != MAGIC) {
      throw new SerializationException("Cannot deserialize data for topic '" + topic + "': unknown magic byte "
          + data[0] + " (expected 0); the data was not written by a schema registry serializer");
    }
    return (data[1] & 0xff) << 24 | (data[2] & 0xff) << 16 | (data[3] & 0xff) << 8 | data[4] & 0xff;
  }
}
