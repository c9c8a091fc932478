package dev.stele.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 spoken byte by byte over a plain socket, for tests of what an HTTP client library
 * would never send: oversized or malformed heads, bodies that never come, clients that trickle.
 */
public final class RawHttp {
  private static final int READ_TIMEOUT_MILLIS = 10_000;

  private RawHttp() {}

  /** A connection whose reads give up after 10 s, so that no test hangs on a silent server. */
  public static Socket connect(String host, int port) throws IOException {
    Socket socket = new Socket(host, port);
    socket.setSoTimeout(READ_TIMEOUT_MILLIS);
    return socket;
  }

  /** Sends {@code request} as it is (ISO-8859-1) and reads until the server closes. */
  public static String exchange(String host, int port, String request) throws IOException {
    try (Socket socket = connect(host, port)) {
      send(socket, request);
      return readAll(socket.getInputStream());
    }
  }

  public static void send(Socket socket, String text) throws IOException {
    socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
    socket.getOutputStream().flush();
  }

  /** Everything until the end of the stream; a reset after the answer ends it too. */
  public static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    try {
      in.transferTo(all);
    } catch (SocketException e) {
      // a reset after the answer: what was read is the answer
    }
    return all.toString(StandardCharsets.UTF_8);
  }

  /** The status line and headers of the next answer, through the blank line. */
  public static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.write(b);
    }
    return head.toString(StandardCharsets.US_ASCII);
  }

  /** Whether the server has closed its side (a read sees the end of the stream). */
  public static boolean closedByServer(Socket socket) throws IOException {
    int before = socket.getSoTimeout();
    socket.setSoTimeout(1);
    try {
      return socket.getInputStream().read() < 0;
    } catch (SocketTimeoutException e) {
      return false;
    } finally {
      socket.setSoTimeout(before);
    }
  }

  /**
   * Slowloris: sends {@code start} and then 'a's, one byte every {@code intervalMillis}, until
   * the server closes the connection or {@code maxBytes} are sent.
   *
   * @return the milliseconds until the server closed it, or -1 if it never did
   */
  public static long trickle(Socket socket, String start, long intervalMillis, int maxBytes)
      throws IOException, InterruptedException {
    byte[] head = start.getBytes(StandardCharsets.US_ASCII);
    OutputStream out = socket.getOutputStream();
    long began = System.nanoTime();
    for (int i = 0; i < maxBytes; i++) {
      try {
        out.write(i < head.length ? head[i] : 'a');
        out.flush();
        Thread.sleep(intervalMillis);
        if (closedByServer(socket)) {
          return (System.nanoTime() - began) / 1_000_000;
        }
      } catch (SocketException e) {
        return (System.nanoTime() - began) / 1_000_000;
      }
    }
    return -1;
  }
}
