package com.critmin.sourcing.plan;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * What a plan stores compressed: its canonical input and its answer, gzip at the fastest level.
 * Both are written on every solve and read rarely; an ERP-size answer shrinks to about a fifth, and
 * with it what the database writes and syncs per plan.
 */
final class GzipText {
  private GzipText() {}

  /** A gzip stream at the fastest level onto {@code out}. */
  static OutputStream compressing(OutputStream out) throws IOException {
    return new FastGzip(out);
  }

  /** The text, UTF-8, gzip-compressed. */
  static byte[] compress(String text) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream compressed = new ByteArrayOutputStream(utf8.length / 4 + 64);
    try (OutputStream out = new FastGzip(compressed)) {
      out.write(utf8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return compressed.toByteArray();
  }

  /** The text of gzip-compressed UTF-8; {@code what} names it in the error. */
  static String text(byte[] gzip, String what) {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(what + " is not readable", e);
    }
  }

  private static final class FastGzip extends GZIPOutputStream {
    FastGzip(OutputStream out) throws IOException {
      super(out, 1 << 16);
      def.setLevel(Deflater.BEST_SPEED);
    }
  }
}
