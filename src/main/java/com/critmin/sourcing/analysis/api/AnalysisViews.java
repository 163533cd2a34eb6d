package com.critmin.sourcing.analysis.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;

/** Which representation of a stored analysis a GET asks for: JSON, SVG or CSV. */
final class AnalysisViews {
  static final String SVG = "image/svg+xml";
  static final String CSV = "text/csv";

  private AnalysisViews() {}

  /** The first acceptable of SVG and CSV by the client's order of preference, else JSON. */
  static String chosen(HttpHeaders headers) {
    List<MediaType> accepted = headers.getAcceptableMediaTypes();
    for (MediaType type : accepted) {
      String name = (type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT);
      if (name.equals(SVG)) return SVG;
      if (name.equals(CSV)) return CSV;
      if (name.equals(MediaType.APPLICATION_JSON) || name.equals("*/*")) {
        return MediaType.APPLICATION_JSON;
      }
    }
    return MediaType.APPLICATION_JSON;
  }
}
