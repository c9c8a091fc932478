package dev.stele.serde.avro.internal;

import dev.stele.serde.internal.Framing;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;

/**
 * One reusable output stream and Avro encoder per thread, so a serialize call allocates only
 * the returned array. Kafka calls a serializer from the application's producing threads; each
 * keeps its own pair, and nothing here is shared between threads.
 */
public final class OutputBuffers {
  private static final ThreadLocal<OutputBuffers> LOCAL = ThreadLocal.withInitial(OutputBuffers::new);

  private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);
  private final byte[] header = new byte[Framing.HEADER_SIZE];
  private BinaryEncoder encoder;

  private OutputBuffers() {}

  /** The framed bytes: header with {@code id}, then {@code value} encoded by {@code writer}. */
  public static byte[] write(int id, DatumWriter<Object> writer, Object value) throws IOException {
    OutputBuffers buffers = LOCAL.get();
    ByteArrayOutputStream out = buffers.out;
    out.reset();
    Framing.writeHeader(buffers.header, id);
    out.write(buffers.header);
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, buffers.encoder);
    buffers.encoder = encoder;
    try {
      writer.write(value, encoder);
      encoder.flush();
    } catch (IOException | RuntimeException e) {
      // The encoder may hold half a value in its buffer: start the next call clean.
      buffers.encoder = null;
      throw e;
    }
    byte[] bytes = out.toByteArray();
    if (out.size() > 1 << 20) {
      out.reset();
      LOCAL.remove();
    }
    return bytes;
  }
}
