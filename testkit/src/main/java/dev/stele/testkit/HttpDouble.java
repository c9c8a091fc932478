package dev.stele.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * What the doubles of cloud services (Vault, AWS KMS, Cloud KMS) share: a JDK HTTP server bound
 * to 127.0.0.1 on a free port, started at construction, that hands the requests under one path to
 * {@link #handle}. A subclass's fields are set after the server starts; nothing can reach it
 * before the constructor returns, since nobody knows its port until then.
 */
public abstract class HttpDouble implements AutoCloseable {
  private final HttpServer server;

  /** @param context the path prefix served, e.g. {@code /} */
  protected HttpDouble(String context) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(context, this::handle);
    server.start();
  }

  /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
  protected final String address() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Answers one request; it must close the exchange. */
  protected abstract void handle(HttpExchange exchange) throws IOException;

  protected static void reply(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
