package dev.stele.http;

import io.vertx.core.buffer.Buffer;

/**
 * The UTF-8 size of the {@code "schema"} string of a request body, counted over the body's bytes
 * without building the string. A schema over the limit is refused from this count, before
 * Jackson reads the body: building an 8 MB schema text costs some 40 MB of char buffers and
 * copies, and a stream of them stopped every read on the serial collector (issue 17).
 *
 * <p>The count is what {@link Call}'s check of the decoded text finds: an escape counts as the
 * bytes of the character it stands for, a surrogate pair as four. The last top-level
 * {@code "schema"} counts, as Jackson keeps the last of repeated keys. The top level is followed
 * exactly, the values below it by their strings and brackets; whatever the scan does not follow
 * (not an object, an escaped key, bad escapes, raw control characters, nesting past 63, trailing
 * text) answers {@link #UNKNOWN}, and Jackson then reads the body and words the error as today.
 */
final class SchemaSize {
  static final long UNKNOWN = -1;

  private final Buffer body;
  private final int end;
  private int at;

  private SchemaSize(Buffer body) {
    this.body = body;
    this.end = body.length();
  }

  /** The UTF-8 bytes of the body's top-level {@code "schema"} string, or {@link #UNKNOWN}. */
  static long of(Buffer body) {
    try {
      return new SchemaSize(body).topLevel();
    } catch (Unknown e) {
      return UNKNOWN;
    }
  }

  /** Thrown where the scan stops following the body; cheap, without a stack trace. */
  private static final class Unknown extends RuntimeException {
    private static final Unknown INSTANCE = new Unknown();

    private Unknown() {
      super(null, null, false, false);
    }
  }

  private long topLevel() {
    if (end >= 3 && body.getByte(0) == (byte) 0xEF && body.getByte(1) == (byte) 0xBB
        && body.getByte(2) == (byte) 0xBF) {
      at = 3; // a UTF-8 byte order mark, which Jackson skips too
    }
    expect('{');
    long schema = UNKNOWN;
    if (peek() == '}') {
      at++;
    } else {
      while (true) {
        expectQuote();
        boolean isSchema = keyIsSchema();
        expect(':');
        if (isSchema && peek() == '"') {
          at++;
          schema = string();
        } else {
          if (isSchema) {
            schema = UNKNOWN;
          }
          value();
        }
        byte next = next();
        if (next == '}') {
          break;
        }
        if (next != ',') {
          throw Unknown.INSTANCE;
        }
      }
    }
    skipBlanks();
    if (at != end) {
      throw Unknown.INSTANCE;
    }
    return schema;
  }

  /** A key just past its opening quote: whether it is {@code schema}. */
  private boolean keyIsSchema() {
    int start = at;
    long length = string();
    if (at - start != length + 1) {
      throw Unknown.INSTANCE; // an escaped key may spell "schema": left to Jackson
    }
    return length == 6 && body.getString(start, start + 6).equals("schema");
  }

  /** Any JSON value; containers are followed by their brackets, strings by their escapes. */
  private void value() {
    long open = 0; // bit i: the container at depth i is an array
    int depth = 0;
    do {
      byte c = next();
      switch (c) {
        case '"' -> string();
        case '{', '[' -> {
          if (depth == 63) {
            throw Unknown.INSTANCE; // deeper than the bit set: left to Jackson
          }
          open = c == '[' ? open | 1L << depth : open & ~(1L << depth);
          depth++;
          if (peek() == (c == '{' ? '}' : ']')) {
            at++;
            depth--;
          }
        }
        case '}', ']' -> {
          if (depth == 0 || ((open >>> (depth - 1) & 1) == 1) != (c == ']')) {
            throw Unknown.INSTANCE;
          }
          depth--;
        }
        case ',', ':' -> {
          if (depth == 0) {
            throw Unknown.INSTANCE;
          }
        }
        default -> literal();
      }
    } while (depth > 0);
  }

  /** A number, true, false or null: its characters up to the next delimiter. */
  private void literal() {
    while (at < end) {
      byte c = body.getByte(at);
      if (c == ',' || c == '}' || c == ']' || c == ':' || isBlank(c)) {
        return;
      }
      if (c == '"' || c == '{' || c == '[') {
        throw Unknown.INSTANCE;
      }
      at++;
    }
  }

  /** A string's content just past its opening quote, to its closing quote: its UTF-8 bytes. */
  private long string() {
    long bytes = 0;
    while (true) {
      if (at >= end) {
        throw Unknown.INSTANCE;
      }
      byte c = body.getByte(at++);
      if (c == '"') {
        return bytes;
      }
      if (c >= 0 && c < 0x20) {
        throw Unknown.INSTANCE; // Jackson refuses a raw control character
      }
      if (c != '\\') {
        bytes++; // a raw byte, UTF-8 on the wire as in the count
        continue;
      }
      byte escaped = next0();
      switch (escaped) {
        case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> bytes++;
        case 'u' -> {
          int unit = hex4();
          if (Character.isHighSurrogate((char) unit) && at + 6 <= end
              && body.getByte(at) == '\\' && body.getByte(at + 1) == 'u') {
            int saved = at;
            at += 2;
            if (Character.isLowSurrogate((char) hex4())) {
              bytes += 4;
              continue;
            }
            at = saved;
          }
          bytes += unit < 0x80 ? 1 : unit < 0x800 ? 2 : 3;
        }
        default -> throw Unknown.INSTANCE;
      }
    }
  }

  private int hex4() {
    if (at + 4 > end) {
      throw Unknown.INSTANCE;
    }
    int unit = 0;
    for (int i = 0; i < 4; i++) {
      int digit = Character.digit(body.getByte(at++), 16);
      if (digit < 0) {
        throw Unknown.INSTANCE;
      }
      unit = unit << 4 | digit;
    }
    return unit;
  }

  private void expect(char c) {
    if (next() != c) {
      throw Unknown.INSTANCE;
    }
  }

  private void expectQuote() {
    expect('"');
  }

  /** The next byte after blanks, consumed. */
  private byte next() {
    skipBlanks();
    return next0();
  }

  private byte next0() {
    if (at >= end) {
      throw Unknown.INSTANCE;
    }
    return body.getByte(at++);
  }

  /** The next byte after blanks, not consumed (0 at the end). */
  private byte peek() {
    skipBlanks();
    return at < end ? body.getByte(at) : 0;
  }

  private void skipBlanks() {
    while (at < end && isBlank(body.getByte(at))) {
      at++;
    }
  }

  private static boolean isBlank(byte c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }
}
