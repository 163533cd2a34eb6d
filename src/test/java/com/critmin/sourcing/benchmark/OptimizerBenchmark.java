package com.critmin.sourcing.benchmark;

import com.critmin.sourcing.optimizer.SourcingOptimizer;
import com.critmin.sourcing.optimizer.model.Demand;
import com.critmin.sourcing.optimizer.model.Engine;
import com.critmin.sourcing.optimizer.model.Solution;
import com.critmin.sourcing.optimizer.model.SourcingProblem;
import com.critmin.sourcing.optimizer.model.Status;
import com.critmin.sourcing.optimizer.ortools.MonolithicLp;
import com.critmin.sourcing.optimizer.ortools.OrTools;
import com.critmin.sourcing.optimizer.part.MaterialPart;
import com.critmin.sourcing.optimizer.part.ProblemCompiler;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Throughput and memory benchmark of the optimizer core (not a unit test). Run with {@code ./mvnw
 * -Pbenchmark test-compile exec:java}; add {@code -Dexec.args="--monolithic-all"} to also solve the
 * 1M-offer instance as one monolithic GLOP model (about 25 s), {@code --quick} to stop at 100k
 * offers.
 */
public final class OptimizerBenchmark {
  private static final long SEED = 20_260_301L;

  public static void main(String[] args) throws Exception {
    boolean monolithicAll = Arrays.asList(args).contains("--monolithic-all");
    boolean quick = Arrays.asList(args).contains("--quick");
    int threads = Runtime.getRuntime().availableProcessors();
    long t0 = System.nanoTime();
    OrTools.ensureLoaded();
    System.out.printf(
        Locale.ROOT,
        "OR-Tools natives loaded in %d ms; %d cores, max heap %d MB%n",
        (System.nanoTime() - t0) / 1_000_000,
        threads,
        Runtime.getRuntime().maxMemory() >> 20);
    SourcingOptimizer optimizer = new SourcingOptimizer();

    warmUp(optimizer, threads);
    System.out.println();
    System.out.println(
        "offers     materials  status   engine        parts  fast  vars     rows    build(ms,sum)  solve(ms,sum)  wall(ms)  heapPeak(MB)  rssPeak(MB)  monolithic(ms)  ratio");
    SourcingProblem laminar = BenchmarkInstances.laminar(SEED, 100_000, threads);
    for (int i = 0; i < 50; i++) optimizer.solve(laminar);
    runCase(optimizer, laminar, 100_000, 1, true);
    laminar = null;
    int[] sizes =
        quick ? new int[] {1_000, 10_000, 100_000} : new int[] {1_000, 10_000, 100_000, 1_000_000};
    for (int size : sizes) {
      SourcingProblem problem =
          BenchmarkInstances.staged(SEED + size, size, 100, Engine.GLOP, threads);
      runCase(optimizer, problem, size, 100, size <= 100_000 || monolithicAll);
    }

    erpMedian(optimizer);
    memoryFlat(optimizer);
  }

  private static void warmUp(SourcingOptimizer optimizer, int threads) {
    SourcingProblem small = BenchmarkInstances.staged(SEED, 10_000, 100, Engine.GLOP, threads);
    for (int i = 0; i < 5; i++) optimizer.solve(small);
  }

  private static void runCase(
      SourcingOptimizer optimizer,
      SourcingProblem problem,
      int offers,
      int materials,
      boolean monolithic)
      throws IOException {
    System.gc();
    resetPeaks();
    long start = System.nanoTime();
    Solution s = optimizer.solve(problem);
    long wall = (System.nanoTime() - start) / 1_000_000;
    long heapPeak = heapPeakMb();
    long rssPeak = procStatus("VmHWM") >> 10;
    String mono = "skipped";
    String ratio = "-";
    if (monolithic) {
      List<MaterialPart> parts = new ArrayList<>();
      ProblemCompiler compiler = new ProblemCompiler(problem);
      long m0 = System.nanoTime();
      for (Demand d : problem.demands()) parts.add(compiler.compile(d));
      double objective =
          MonolithicLp.solve(parts, Engine.GLOP, System.nanoTime() + 600_000_000_000L);
      long monoMs = (System.nanoTime() - m0) / 1_000_000;
      mono = Long.toString(monoMs);
      ratio = String.format(Locale.ROOT, "%.1fx", monoMs / (double) Math.max(1, wall));
      double cost = s.totalCost();
      for (int i = 0; i < parts.size(); i++)
        cost += parts.get(i).penalty * s.materials().get(i).shortfall();
      if (Double.isNaN(objective) || Math.abs(objective - cost) > 1e-6 * Math.max(1, cost)) {
        mono += " (objective " + objective + " != " + cost + "!)";
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%-10d %-10d %-8s %-13s %-6d %-5d %-8d %-7d %-14d %-14d %-9d %-13d %-12d %-15s %s%n",
        offers,
        materials,
        s.status(),
        s.solver().engine(),
        s.solver().parts(),
        s.solver().fastPathParts(),
        s.solver().variables(),
        s.solver().constraints(),
        s.solver().buildMillis(),
        s.solver().solveMillis(),
        wall,
        heapPeak,
        rssPeak,
        mono,
        ratio);
    if (s.status() != Status.OPTIMAL) System.out.println("  !! not optimal");
  }

  /** Median solve time of a 200-offer, 4-material ERP-size plan once warm. */
  private static void erpMedian(SourcingOptimizer optimizer) {
    SourcingProblem erp = BenchmarkInstances.staged(SEED + 7, 200, 4, Engine.GLOP, 1);
    for (int i = 0; i < 2_000; i++) optimizer.solve(erp);
    long[] times = new long[1_000];
    Solution last = null;
    for (int i = 0; i < times.length; i++) {
      long t = System.nanoTime();
      last = optimizer.solve(erp);
      times[i] = System.nanoTime() - t;
    }
    Arrays.sort(times);
    System.out.printf(
        Locale.ROOT,
        "%nERP-size plan (200 offers, 4 materials, %s, %s): median %.3f ms, p90 %.3f ms, p99 %.3f ms%n",
        last.status(),
        last.solver().engine(),
        times[500] / 1e6,
        times[900] / 1e6,
        times[990] / 1e6);
  }

  /**
   * 10,000 consecutive small LP solves: RSS must stay flat (solver.delete() frees the native
   * model).
   */
  private static void memoryFlat(SourcingOptimizer optimizer) throws IOException {
    SourcingProblem small = BenchmarkInstances.staged(SEED + 11, 60, 2, Engine.GLOP, 1);
    for (int i = 0; i < 2_000; i++) optimizer.solve(small);
    System.gc();
    long before = procStatus("VmRSS");
    long t = System.nanoTime();
    for (int i = 0; i < 10_000; i++) {
      if (optimizer.solve(small).status() != Status.OPTIMAL)
        throw new IllegalStateException("not optimal");
    }
    long ms = (System.nanoTime() - t) / 1_000_000;
    System.gc();
    long after = procStatus("VmRSS");
    System.out.printf(
        Locale.ROOT,
        "10,000 small LP solves (60 offers, 2 materials) in %d ms: RSS before %d MB, after %d MB, delta %+d kB%n",
        ms,
        before >> 10,
        after >> 10,
        after - before);
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) pool.resetPeakUsage();
    try {
      Files.writeString(Path.of("/proc/self/clear_refs"), "5");
    } catch (IOException | RuntimeException e) {
      // Not Linux or not permitted: VmHWM is then the process-lifetime peak.
    }
  }

  private static long heapPeakMb() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
    }
    return peak >> 20;
  }

  /** A kB figure from /proc/self/status, e.g. VmRSS or VmHWM; -1 where unavailable. */
  static long procStatus(String key) throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.exists(status)) return -1;
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith(key + ":")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }
    return -1;
  }
}
