package com.critmin.sourcing.testsupport;

import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for what no client library sends: a request line with malformed
 * percent-encoding, a chunked body of a chosen size.
 */
public final class RawHttp {
  private RawHttp() {}

  /** A response as read: status, headers (lower-case names) and body text. */
  public record Answer(int status, Map<String, String> headers, String body) {}

  /** A GET of a request target sent exactly as given. */
  public static Answer get(String target) throws IOException {
    return exchange(
        "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", null, 0);
  }

  /** A POST whose body is sent in chunks of 1 KB without Content-Length, totalling bodyBytes. */
  public static Answer postChunked(String path, String contentType, int bodyBytes)
      throws IOException {
    String head =
        "POST "
            + path
            + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
            + contentType
            + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
    return exchange(head, new byte[1024], bodyBytes);
  }

  /** A POST of this body, sent in one chunk without Content-Length. */
  public static Answer postChunked(String path, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String head =
        "POST "
            + path
            + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
            + contentType
            + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
            + Integer.toHexString(bytes.length)
            + "\r\n";
    try (Socket socket = new Socket("localhost", RestAssured.port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.ISO_8859_1));
      out.write(bytes);
      out.write("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return parse(socket.getInputStream());
    }
  }

  private static Answer exchange(String head, byte[] chunk, int bodyBytes) throws IOException {
    try (Socket socket = new Socket("localhost", RestAssured.port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.ISO_8859_1));
      if (chunk != null) {
        java.util.Arrays.fill(chunk, (byte) ' ');
        try {
          for (int sent = 0; sent < bodyBytes; sent += chunk.length) {
            out.write(
                (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(chunk);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
          }
          out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException closedEarly) {
          // the server answered and closed before the whole body was sent: read its answer
        }
      }
      out.flush();
      return parse(socket.getInputStream());
    }
  }

  private static Answer parse(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) > 0; ) {
        all.write(buffer, 0, n);
      }
    } catch (IOException reset) {
      // a reset after the answer: keep what arrived
    }
    String text = all.toString(StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    String[] lines = text.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(
          lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
          lines[i].substring(colon + 1).trim());
    }
    String body = text.substring(end + 4);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      StringBuilder joined = new StringBuilder();
      int at = 0;
      while (true) {
        int lineEnd = body.indexOf("\r\n", at);
        int size = Integer.parseInt(body.substring(at, lineEnd).trim(), 16);
        if (size == 0) {
          break;
        }
        joined.append(body, lineEnd + 2, lineEnd + 2 + size);
        at = lineEnd + 2 + size + 2;
      }
      body = joined.toString();
    }
    return new Answer(status, headers, body);
  }
}
