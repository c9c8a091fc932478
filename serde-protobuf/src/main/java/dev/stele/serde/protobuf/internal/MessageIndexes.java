package dev.stele.serde.protobuf.internal;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The message-index array after the schema id (API.md §5.1): which message of the .proto file
 * the payload is, as the path of indexes from the file's top-level messages down through nested
 * ones, written as a zig-zag varint count and zig-zag varints. The common case, the first
 * top-level message ({@code [0]}), is the single byte 0.
 */
public final class MessageIndexes {
  private MessageIndexes() {}

  /** The path of {@code descriptor} in its file. */
  public static List<Integer> of(Descriptor descriptor) {
    List<Integer> path = new ArrayList<>();
    for (Descriptor d = descriptor; d != null; d = d.getContainingType()) {
      path.add(d.getIndex());
    }
    Collections.reverse(path);
    return path;
  }

  public static byte[] encode(List<Integer> indexes) {
    if (indexes.size() == 1 && indexes.get(0) == 0) {
      return new byte[] {0};
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeVarint(out, indexes.size());
    for (int index : indexes) {
      writeVarint(out, index);
    }
    return out.toByteArray();
  }

  /** The indexes starting at {@code offset}, and where the payload after them begins. */
  public record Read(List<Integer> indexes, int next) {}

  /**
   * @throws IllegalArgumentException when the bytes end early, a varint runs on, or the count
   *     is negative or larger than the bytes left could hold
   */
  public static Read decode(byte[] data, int offset) {
    int[] position = {offset};
    int count = readVarint(data, position);
    if (count == 0) {
      return new Read(List.of(0), position[0]);
    }
    if (count < 0 || count > data.length - position[0]) {
      throw new IllegalArgumentException("message index count " + count + " is impossible here");
    }
    List<Integer> indexes = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      indexes.add(readVarint(data, position));
    }
    return new Read(indexes, position[0]);
  }

  /** The message the indexes name in {@code file}. */
  public static Descriptor resolve(FileDescriptor file, List<Integer> indexes) {
    List<Descriptor> level = file.getMessageTypes();
    Descriptor found = null;
    for (int index : indexes) {
      if (index < 0 || index >= level.size()) {
        throw new IllegalArgumentException("message index path " + indexes + " does not exist in "
            + file.getName());
      }
      found = level.get(index);
      level = found.getNestedTypes();
    }
    if (found == null) {
      throw new IllegalArgumentException("empty message index path");
    }
    return found;
  }

  /** The message type of that full name in the file, nested ones included; null when none. */
  public static Descriptor byFullName(FileDescriptor file, String fullName) {
    return among(file.getMessageTypes(), fullName);
  }

  private static Descriptor among(List<Descriptor> types, String fullName) {
    for (Descriptor type : types) {
      if (type.getFullName().equals(fullName)) {
        return type;
      }
      // Only the type whose name prefixes the one sought can hold it.
      if (fullName.startsWith(type.getFullName() + ".")) {
        Descriptor found = among(type.getNestedTypes(), fullName);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static void writeVarint(ByteArrayOutputStream out, int value) {
    int zigzag = (value << 1) ^ (value >> 31);
    while ((zigzag & ~0x7F) != 0) {
      out.write((zigzag & 0x7F) | 0x80);
      zigzag >>>= 7;
    }
    out.write(zigzag);
  }

  private static int readVarint(byte[] data, int[] position) {
    int raw = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      if (position[0] >= data.length) {
        throw new IllegalArgumentException("the message indexes end early");
      }
      byte b = data[position[0]++];
      raw |= (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return (raw >>> 1) ^ -(raw & 1);
      }
    }
    throw new IllegalArgumentException("a message index varint is longer than 5 bytes");
  }
}
