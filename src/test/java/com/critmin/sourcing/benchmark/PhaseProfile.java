package com.critmin.sourcing.benchmark;

import com.critmin.sourcing.optimizer.SourcingOptimizer;
import com.critmin.sourcing.optimizer.model.Demand;
import com.critmin.sourcing.optimizer.model.Engine;
import com.critmin.sourcing.optimizer.model.Solution;
import com.critmin.sourcing.optimizer.model.SourcingProblem;
import com.critmin.sourcing.optimizer.ortools.LpPartSolver;
import com.critmin.sourcing.optimizer.ortools.OrTools;
import com.critmin.sourcing.optimizer.part.LaminarGreedy;
import com.critmin.sourcing.optimizer.part.MaterialPart;
import com.critmin.sourcing.optimizer.part.PartResult;
import com.critmin.sourcing.optimizer.part.ProblemCompiler;
import java.util.List;
import java.util.Locale;

/**
 * Phase breakdown (not a unit test): compile, LP build and solve per part, single-threaded, for the
 * 1M staged instance and the 100k laminar instance. {@code exec:java
 * -Dexec.mainClass=...PhaseProfile -Dexec.args=1000000}; {@code -Dparams="a;b"} instead compares
 * GLOP parameter strings on the staged parts by thread CPU time.
 */
public final class PhaseProfile {
  private static final java.lang.management.ThreadMXBean MX =
      java.lang.management.ManagementFactory.getThreadMXBean();

  /**
   * Thread CPU time: the machine is shared, so phases on this thread are timed by CPU, not wall.
   */
  private static long cpu() {
    return MX.getCurrentThreadCpuTime();
  }

  public static void main(String[] args) {
    OrTools.ensureLoaded();
    int size = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    SourcingOptimizer optimizer = new SourcingOptimizer();
    SourcingProblem laminar = BenchmarkInstances.laminar(20_260_301L, 100_000, 2);
    for (int round = 0; round < rounds; round++) {
      long t0 = cpu();
      ProblemCompiler compiler = new ProblemCompiler(laminar);
      long t1 = cpu();
      MaterialPart part = compiler.compile(laminar.demands().get(0));
      long t2 = cpu();
      PartResult r = LaminarGreedy.solve(part);
      long t3 = cpu();
      long w = System.nanoTime();
      Solution s = optimizer.solve(laminar);
      long t4 = t3 + System.nanoTime() - w;
      if (rounds > 10 && round % 50 != 0) continue;
      System.out.printf(
          Locale.ROOT,
          "laminar (cpu): indexer %.1f ms, compile %.1f ms, greedy %.1f ms; full solve %.1f ms (%s)%n",
          (t1 - t0) / 1e6,
          (t2 - t1) / 1e6,
          (t3 - t2) / 1e6,
          (t4 - t3) / 1e6,
          s.status());
    }
    if (size == 0) return;
    SourcingProblem problem =
        BenchmarkInstances.staged(20_260_301L + size, size, 100, Engine.GLOP, 2);
    if (System.getProperty("params") != null) {
      ProblemCompiler compiler = new ProblemCompiler(problem);
      MaterialPart[] parts = new MaterialPart[problem.demands().size()];
      for (int i = 0; i < parts.length; i++) parts[i] = compiler.compile(problem.demands().get(i));
      java.lang.management.ThreadMXBean mx =
          java.lang.management.ManagementFactory.getThreadMXBean();
      for (int round = 0; round < rounds; round++) {
        for (String params : System.getProperty("params").split(";")) {
          System.setProperty("optimizer.glop.params", params);
          long c0 = mx.getCurrentThreadCpuTime();
          double obj = 0;
          for (MaterialPart part : parts) {
            PartResult r =
                LpPartSolver.solve(part, Engine.GLOP, System.nanoTime() + 60_000_000_000L);
            for (int i = 0; i < part.n; i++) obj += r.x[i] * part.price[i];
            obj += r.shortfall * part.penalty;
          }
          System.out.printf(
              Locale.ROOT,
              "%-80s cpu %.0f ms obj %.6f%n",
              params,
              (mx.getCurrentThreadCpuTime() - c0) / 1e6,
              obj);
        }
      }
      return;
    }
    for (int round = 0; round < rounds; round++) {
      long t0 = cpu();
      ProblemCompiler compiler = new ProblemCompiler(problem);
      long t1 = cpu();
      List<Demand> demands = problem.demands();
      MaterialPart[] parts = new MaterialPart[demands.size()];
      for (int i = 0; i < parts.length; i++) parts[i] = compiler.compile(demands.get(i));
      long t2 = cpu();
      long build = 0;
      long solve = 0;
      long allocated = ((com.sun.management.ThreadMXBean) MX).getCurrentThreadAllocatedBytes();
      for (MaterialPart part : parts) {
        PartResult r = LpPartSolver.solve(part, Engine.GLOP, System.nanoTime() + 60_000_000_000L);
        build += r.buildNanos;
        solve += r.solveNanos;
      }
      long t3 = cpu();
      allocated =
          ((com.sun.management.ThreadMXBean) MX).getCurrentThreadAllocatedBytes() - allocated;
      System.out.printf(Locale.ROOT, "lp allocated %d MB%n", allocated >> 20);
      long w = System.nanoTime();
      Solution s = optimizer.solve(problem);
      long t4 = t3 + System.nanoTime() - w;
      System.out.printf(
          Locale.ROOT,
          "staged %d (cpu; full solve wall): indexer %.0f ms, compile %.0f ms, lp build %.0f ms, lp solve+read %.0f ms, lp total %.0f ms; full solve %.0f ms (%s, build %d solve %d)%n",
          size,
          (t1 - t0) / 1e6,
          (t2 - t1) / 1e6,
          build / 1e6,
          solve / 1e6,
          (t3 - t2) / 1e6,
          (t4 - t3) / 1e6,
          s.status(),
          s.solver().buildMillis(),
          s.solver().solveMillis());
    }
  }
}
