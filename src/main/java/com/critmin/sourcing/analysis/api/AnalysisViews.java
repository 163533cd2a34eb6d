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

  private static final List<MediaType> VIEWS =
      List.of(MediaType.APPLICATION_JSON_TYPE, MediaType.valueOf(SVG), MediaType.valueOf(CSV));

  /**
   * The view the client prefers, by its Accept header's order of preference: the first of JSON, SVG
   * and CSV that an accepted range covers ({@code text/*} is CSV, {@code image/*} SVG, {@code
   * *}{@code /*} JSON); a range given {@code q=0} is refused, not accepted. JSON when none says.
   */
  static String chosen(HttpHeaders headers) {
    for (MediaType range : headers.getAcceptableMediaTypes()) {
      if ("0".equals(range.getParameters().get("q"))
          || "0.0".equals(range.getParameters().get("q"))) {
        continue;
      }
      for (MediaType view : VIEWS) {
        if (range.isCompatible(view)) {
          return (view.getType() + "/" + view.getSubtype()).toLowerCase(Locale.ROOT);
        }
      }
    }
    return MediaType.APPLICATION_JSON;
  }
}
