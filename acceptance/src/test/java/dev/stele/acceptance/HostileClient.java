package dev.stele.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.stele.testkit.RawHttp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Sends a hostile case as it is, over a plain socket: an HTTP client library would refuse to send
 * a malformed percent-encoding or repair it, and the case is what it sends. One connection per
 * case ({@code Connection: close}), so that no case inherits another's connection state.
 */
final class HostileClient {
  private final String host;
  private final int port;

  HostileClient(String baseUrl) {
    URI url = URI.create(baseUrl);
    this.host = url.getHost();
    this.port = url.getPort();
  }

  /** The answer and how long it took, from the first byte sent to the last byte read. */
  record Answer(int status, JsonNode body, String text, long millis) {}

  Answer send(HostileCase c) throws IOException {
    byte[] body = c.body() == null ? null : c.body().get();
    StringBuilder head = new StringBuilder(c.method()).append(' ').append(c.path())
        .append(" HTTP/1.1\r\nHost: ").append(host).append(':').append(port)
        .append("\r\nConnection: close\r\nAccept: ").append(HostileCase.V1).append("\r\n");
    if (body != null) {
      head.append("Content-Type: ")
          .append(c.contentType() == null ? HostileCase.V1 : c.contentType())
          .append("\r\nContent-Length: ").append(body.length).append("\r\n");
    }
    if (c.headerBytes() > 0) {
      head.append("X-Hostile: ").append("h".repeat(c.headerBytes())).append("\r\n");
    }
    head.append("\r\n");
    long start = System.nanoTime();
    byte[] response;
    try (Socket socket = RawHttp.connect(host, port)) {
      OutputStream out = socket.getOutputStream();
      try {
        out.write(head.toString().getBytes(StandardCharsets.UTF_8));
        if (body != null) {
          out.write(body);
        }
        out.flush();
      } catch (SocketException e) {
        // The server may answer (413) and close before the whole body is in: read its answer.
      }
      response = readAll(socket);
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    return parse(response, millis);
  }

  private static byte[] readAll(Socket socket) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    try {
      socket.getInputStream().transferTo(all);
    } catch (SocketException e) {
      // a reset after the answer: what was read is the answer
    }
    return all.toByteArray();
  }

  private static Answer parse(byte[] response, long millis) {
    String all = new String(response, StandardCharsets.ISO_8859_1); // one char per byte
    int end = all.indexOf("\r\n\r\n");
    if (!all.startsWith("HTTP/1.") || end < 0) {
      return new Answer(-1, MissingNode.getInstance(), all, millis);
    }
    int status = Integer.parseInt(all.substring(9, 12));
    String head = all.substring(0, end).toLowerCase(Locale.ROOT);
    String raw = all.substring(end + 4);
    byte[] body = (head.contains("transfer-encoding: chunked") ? unchunk(raw) : raw)
        .getBytes(StandardCharsets.ISO_8859_1);
    String text = new String(body, StandardCharsets.UTF_8);
    JsonNode json;
    try {
      json = Http.JSON.readTree(text);
    } catch (IOException e) {
      json = null;
    }
    return new Answer(status, json == null ? MissingNode.getInstance() : json, text, millis);
  }

  /** The body of a chunked answer, in the one-char-per-byte text {@link #parse} reads. */
  private static String unchunk(String chunked) {
    StringBuilder body = new StringBuilder();
    int at = 0;
    while (at < chunked.length()) {
      int lineEnd = chunked.indexOf("\r\n", at);
      int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].trim(), 16);
      if (size == 0) {
        break;
      }
      body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
      at = lineEnd + 2 + size + 2;
    }
    return body.toString();
  }
}
