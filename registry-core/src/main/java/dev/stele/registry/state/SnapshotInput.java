package dev.stele.registry.state;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * The body of a snapshot file read through one large buffer: numbers are taken straight out of
 * it, and the CRC-32C is updated once per buffer fill. A {@code DataInputStream} over a
 * {@code BufferedInputStream} made a locked call per byte of every number (a dozen numbers a
 * schema), which a million-schema load felt (docs/benchmarks.md). Only the first {@code body}
 * bytes of the stream are the body; the 4 bytes after it are the checksum, read by
 * {@link #trailer()}. Not thread-safe.
 */
final class SnapshotInput implements AutoCloseable {
  private static final int BUFFER = 1 << 20;

  private final InputStream in;
  private final CRC32C crc = new CRC32C();
  private final byte[] buffer = new byte[BUFFER];
  private final ByteBuffer view = ByteBuffer.wrap(buffer); // big-endian, as DataOutputStream wrote
  private long left;
  private int position;
  private int limit;

  SnapshotInput(InputStream in, long body) {
    this.in = in;
    this.left = Math.max(0, body);
  }

  int readInt() throws IOException {
    need(4);
    int value = view.getInt(position);
    position += 4;
    return value;
  }

  long readLong() throws IOException {
    need(8);
    long value = view.getLong(position);
    position += 8;
    return value;
  }

  boolean readBoolean() throws IOException {
    need(1);
    return buffer[position++] != 0;
  }

  /** The next {@code length} bytes as a new array. */
  byte[] readBytes(int length) throws IOException {
    byte[] bytes = new byte[length];
    int done = 0;
    while (done < length) {
      if (position == limit) {
        need(1);
      }
      int n = Math.min(length - done, limit - position);
      System.arraycopy(buffer, position, bytes, done, n);
      position += n;
      done += n;
    }
    return bytes;
  }

  /** The next {@code length} bytes as UTF-8 text, decoded from the buffer without a copy. */
  String readUtf8(int length) throws IOException {
    if (length > BUFFER) {
      return new String(readBytes(length), StandardCharsets.UTF_8);
    }
    need(length);
    String text = new String(buffer, position, length, StandardCharsets.UTF_8);
    position += length;
    return text;
  }

  /** Whether the next {@code length} bytes equal {@code bytes}; consumes them when they do. */
  boolean skipIfEqual(byte[] bytes) throws IOException {
    int length = bytes.length;
    if (length > BUFFER) {
      return false;
    }
    need(length);
    if (java.util.Arrays.equals(buffer, position, position + length, bytes, 0, length)) {
      position += length;
      return true;
    }
    return false;
  }

  /** Whether every byte of the body was read. */
  boolean atEnd() {
    return position == limit && left == 0;
  }

  /** The CRC-32C of the body read so far (all of it once {@link #atEnd()}). */
  int checksum() {
    return (int) crc.getValue();
  }

  /** The checksum the file ends with, after the body. */
  int trailer() throws IOException {
    byte[] four = in.readNBytes(4);
    if (four.length < 4) {
      throw new EOFException("no checksum after the body");
    }
    return ByteBuffer.wrap(four).getInt();
  }

  /** Makes {@code n} (at most the buffer's size) unread bytes available, reading more of the file. */
  private void need(int n) throws IOException {
    if (limit - position >= n) {
      return;
    }
    System.arraycopy(buffer, position, buffer, 0, limit - position);
    limit -= position;
    position = 0;
    while (limit < n) {
      int want = (int) Math.min(BUFFER - limit, left);
      int got = want == 0 ? -1 : in.read(buffer, limit, want);
      if (got < 0) {
        throw new EOFException("the body ends early");
      }
      crc.update(buffer, limit, got);
      limit += got;
      left -= got;
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
