package dev.stele.serde.internal;

import java.nio.ByteBuffer;
import java.util.UUID;
import java.util.function.BiFunction;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The Confluent wire framing (API.md §5.1): magic byte 0, then the schema id as a 4-byte
 * big-endian signed int, then the format's payload. Confluent 8 can also name the schema by its
 * GUID (magic byte 1 and 16 bytes) and carry the framing in a record header
 * ({@code __key_schema_id} / {@code __value_schema_id}) instead of the payload; its default
 * deserializer reads both, and so do Stele's, through {@link #inPrefixForm}.
 */
public final class Framing {
  public static final byte MAGIC = 0;
  public static final byte MAGIC_GUID = 1;
  public static final int HEADER_SIZE = 5;
  public static final String KEY_HEADER = "__key_schema_id";
  public static final String VALUE_HEADER = "__value_schema_id";
  private static final int GUID_SIZE = 16;

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
   * The record as the deserializers read it, magic 0 and the id first, from wherever its writer
   * put the schema: the record header first, as Confluent's {@code DualSchemaIdDeserializer}
   * looks, then the payload prefix; a GUID is turned into its id by {@code idOfGuid}. The usual
   * record (id prefix, no header) is returned as it is, without a copy.
   *
   * @param idOfGuid the registry's id for (topic, GUID); its exceptions pass through. It takes the
   *     topic rather than capturing it, so the caller can keep one instance for every record.
   */
  public static byte[] inPrefixForm(String topic, boolean isKey, Headers headers, byte[] data,
      BiFunction<String, String, Integer> idOfGuid) {
    Header header = headers == null ? null : headers.lastHeader(isKey ? KEY_HEADER : VALUE_HEADER);
    if (header != null && header.value() != null) {
      byte[] framing = header.value();
      int id = id(topic, framing, idOfGuid, "the " + header.key() + " header");
      int rest = framing.length - framedLength(framing);
      byte[] out = new byte[HEADER_SIZE + rest + data.length];
      writeHeader(out, id);
      System.arraycopy(framing, framing.length - rest, out, HEADER_SIZE, rest);
      System.arraycopy(data, 0, out, HEADER_SIZE + rest, data.length);
      return out;
    }
    if (data.length > 0 && data[0] == MAGIC_GUID) {
      int id = id(topic, data, idOfGuid, "the payload");
      int length = framedLength(data);
      byte[] out = new byte[HEADER_SIZE + data.length - length];
      writeHeader(out, id);
      System.arraycopy(data, length, out, HEADER_SIZE, data.length - length);
      return out;
    }
    return data;
  }

  /**
   * Moves a prefix-framed record's framing into its header, as Confluent 8's
   * HeaderSchemaIdSerializer writes it: the header holds magic byte 1, the schema's GUID and
   * {@code indexesLength} bytes of Protobuf message indexes; the payload that is returned is bare.
   */
  public static byte[] toHeaderForm(boolean isKey, Headers headers, byte[] prefixed, UUID guid, int indexesLength) {
    byte[] framing = new byte[1 + GUID_SIZE + indexesLength];
    framing[0] = MAGIC_GUID;
    ByteBuffer.wrap(framing, 1, GUID_SIZE).putLong(guid.getMostSignificantBits())
        .putLong(guid.getLeastSignificantBits());
    System.arraycopy(prefixed, HEADER_SIZE, framing, 1 + GUID_SIZE, indexesLength);
    headers.add(isKey ? KEY_HEADER : VALUE_HEADER, framing);
    return java.util.Arrays.copyOfRange(prefixed, HEADER_SIZE + indexesLength, prefixed.length);
  }

  private static int framedLength(byte[] framing) {
    return framing[0] == MAGIC_GUID ? 1 + GUID_SIZE : HEADER_SIZE;
  }

  private static int id(String topic, byte[] framing, BiFunction<String, String, Integer> idOfGuid,
      String where) {
    if (framing.length == 0 || framing[0] != MAGIC && framing[0] != MAGIC_GUID) {
      throw new SerializationException("Cannot deserialize data for topic '" + topic + "': " + where
          + (framing.length == 0 ? " is empty" : " starts with unknown magic byte " + framing[0])
          + " (expected 0 for an id or 1 for a GUID)");
    }
    if (framing.length < framedLength(framing)) {
      throw new SerializationException("Cannot deserialize data for topic '" + topic + "': " + where
          + " starts with magic byte " + framing[0] + " (a schema " + (framing[0] == MAGIC ? "id" : "GUID")
          + ") but has " + framing.length + " bytes, too few for it");
    }
    if (framing[0] == MAGIC) {
      return readId(topic, framing);
    }
    ByteBuffer guid = ByteBuffer.wrap(framing, 1, GUID_SIZE);
    return idOfGuid.apply(topic, new UUID(guid.getLong(), guid.getLong()).toString());
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
