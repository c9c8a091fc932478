package dev.stele.client.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * A forwarding proxy in front of a real registry, for what a test cannot see from outside:
 * the headers a client sends and how often it calls. It can also answer the next N calls with
 * an error of its own (a registry that is overloaded) before forwarding again. A client may also
 * use it as its HTTP proxy ({@code proxy.host}): requests for absolute URIs go where they name.
 */
public final class RecordingProxy implements AutoCloseable {
  private final HttpServer server;
  private final String target;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final List<Map<String, List<String>>> requestHeaders = new CopyOnWriteArrayList<>();
  private final List<String> requestLines = new CopyOnWriteArrayList<>();
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private volatile int failureStatus;

  public RecordingProxy(String target) throws IOException {
    this(target, HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
  }

  private RecordingProxy(String target, HttpServer server) {
    this.target = target;
    this.server = server;
    server.createContext("/", this::handle);
    server.start();
  }

  /** The same proxy answering HTTPS with {@code tls}'s certificate, forwarding as plain HTTP. */
  public static RecordingProxy https(String target, SSLContext tls) throws IOException {
    HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    return new RecordingProxy(target, server);
  }

  /** The same, offering only {@code protocols} (e.g. TLSv1.2), for tests of what a client offers. */
  public static RecordingProxy https(String target, SSLContext tls, String... protocols) throws IOException {
    return https(target, tls, ssl -> ssl.setProtocols(protocols));
  }

  /** The same, asking every client for a certificate that {@code tls}'s trust managers accept. */
  public static RecordingProxy mutualTls(String target, SSLContext tls) throws IOException {
    return https(target, tls, ssl -> ssl.setNeedClientAuth(true));
  }

  private static RecordingProxy https(String target, SSLContext tls, java.util.function.Consumer<SSLParameters> adjust)
      throws IOException {
    HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tls) {
      @Override
      public void configure(HttpsParameters parameters) {
        SSLParameters ssl = tls.getDefaultSSLParameters();
        adjust.accept(ssl);
        parameters.setSSLParameters(ssl);
      }
    });
    return new RecordingProxy(target, server);
  }

  public String url() {
    String scheme = server instanceof HttpsServer ? "https" : "http";
    return scheme + "://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The next {@code count} calls get {@code status} with a Confluent-shaped body. */
  public void failNext(int count, int status) {
    failureStatus = status;
    failuresLeft.set(count);
  }

  public List<Map<String, List<String>>> headers() {
    return requestHeaders;
  }

  /** "METHOD /path?query" of every call, in order. */
  public List<String> calls() {
    return requestLines;
  }

  private void handle(HttpExchange exchange) throws IOException {
    requestHeaders.add(Map.copyOf(exchange.getRequestHeaders()));
    requestLines.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    if (failuresLeft.getAndDecrement() > 0) {
      reply(exchange, failureStatus, ("{\"error_code\":" + failureStatus * 100 + ",\"message\":\"injected\"}")
          .getBytes(StandardCharsets.UTF_8));
      return;
    }
    // An absolute URI is a client using this as its HTTP proxy: forward to where it asked.
    URI asked = exchange.getRequestURI();
    HttpRequest.Builder forward = HttpRequest.newBuilder(asked.isAbsolute() ? asked : URI.create(target + asked))
        .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    if (type != null) {
      forward.header("Content-Type", type);
    }
    try {
      HttpResponse<byte[]> response = http.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
      reply(exchange, response.statusCode(), response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      reply(exchange, 502, new byte[0]);
    }
  }

  private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
