package com.critmin.sourcing.plan;

import com.critmin.sourcing.optimizer.model.SolveOptions;
import com.critmin.sourcing.optimizer.model.SourcingProblem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The canonical input of an analysis (frontier, stress test) that takes a plan's problem: the
 * problem's snapshot with the analysis's own parameters, gzip-compressed, and its SHA-256.
 */
public final class AnalysisInputs {
  private static final ObjectMapper JSON =
      JsonMapper.builder().addModule(new JavaTimeModule()).build();

  private AnalysisInputs() {}

  /** A stored input read back, to run the analysis again on any replica. */
  public record Parsed(JsonNode parameters, SourcingProblem problem) {}

  /** The parameters and the problem of a stored input, the problem solved with {@code options}. */
  public static Parsed parse(byte[] gzip, SolveOptions options) {
    try {
      JsonNode input = JSON.readTree(read(gzip).getBytes(StandardCharsets.UTF_8));
      InputSnapshot problem = JSON.treeToValue(input.get("problem"), InputSnapshot.class);
      return new Parsed(input.get("parameters"), problem.toProblem(options));
    } catch (IOException | IllegalArgumentException e) {
      throw new UncheckedIOException(
          "a stored analysis input is not readable",
          e instanceof IOException io ? io : new IOException(e));
    }
  }

  /** The compressed canonical JSON and its digest ({@code sha256:...}). */
  public record Written(byte[] gzip, String digest) {}

  public static Written write(ProblemAssembler.Assembled assembled, Object parameters) {
    InputSnapshot.Written written = InputSnapshot.of(assembled).writeWith(parameters);
    return new Written(written.gzip(), written.digest());
  }

  /** The canonical JSON of a stored input. */
  public static String read(byte[] gzip) {
    return InputSnapshot.read(gzip);
  }
}
