package dev.stele.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * The one Jackson setup of the HTTP layer. Reading is lenient the way the Confluent registry's
 * Jackson is (unknown fields ignored, scalars coerced); hostile input is bounded: nesting past
 * {@link #MAX_NESTING} is a parse error instead of a stack overflow. Strings are bounded by the
 * request body limit alone, so the string limit is set above any body we accept.
 */
final class Json {
  static final int MAX_NESTING = 1000;

  static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(MAX_NESTING)
          .maxStringLength(Integer.MAX_VALUE)
          .build())
      .build();

  static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  /** Writes one JSON value with the streaming API. */
  @FunctionalInterface
  interface Writer {
    void write(JsonGenerator out) throws IOException;
  }

  private Json() {}

  /** Renders a value straight into a buffer: no tree, no intermediate string. */
  static Buffer render(Writer writer) {
    Buffer buffer = Buffer.buffer(256);
    try (JsonGenerator out = FACTORY.createGenerator(new BufferStream(buffer))) {
      writer.write(out);
    } catch (IOException e) {
      // Writing to memory does not fail; a generator error here is a bug in a renderer.
      throw new UncheckedIOException(e);
    }
    return buffer;
  }

  private static final class BufferStream extends OutputStream {
    private final Buffer buffer;

    BufferStream(Buffer buffer) {
      this.buffer = buffer;
    }

    @Override
    public void write(int b) {
      buffer.appendByte((byte) b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      buffer.appendBytes(bytes, offset, length);
    }
  }
}
