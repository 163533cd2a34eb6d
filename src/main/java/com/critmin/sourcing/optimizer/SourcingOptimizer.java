package com.critmin.sourcing.optimizer;

import com.critmin.sourcing.optimizer.model.Allocation;
import com.critmin.sourcing.optimizer.model.Basis;
import com.critmin.sourcing.optimizer.model.BindingConstraint;
import com.critmin.sourcing.optimizer.model.ConstraintKind;
import com.critmin.sourcing.optimizer.model.Demand;
import com.critmin.sourcing.optimizer.model.Diagnosis;
import com.critmin.sourcing.optimizer.model.MaterialResult;
import com.critmin.sourcing.optimizer.model.Share;
import com.critmin.sourcing.optimizer.model.Solution;
import com.critmin.sourcing.optimizer.model.SolveOptions;
import com.critmin.sourcing.optimizer.model.SolverStats;
import com.critmin.sourcing.optimizer.model.SourcingProblem;
import com.critmin.sourcing.optimizer.model.Status;
import com.critmin.sourcing.optimizer.ortools.LpPartSolver;
import com.critmin.sourcing.optimizer.ortools.OrTools;
import com.critmin.sourcing.optimizer.ortools.WarmLp;
import com.critmin.sourcing.optimizer.part.LaminarGreedy;
import com.critmin.sourcing.optimizer.part.MaterialPart;
import com.critmin.sourcing.optimizer.part.PartResult;
import com.critmin.sourcing.optimizer.part.PolicyRow;
import com.critmin.sourcing.optimizer.part.ProblemCompiler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Finds the cheapest allocation of demand over offers under the policy's limits (SPEC section 3).
 * The LP splits into one independent part per material; a solve works its parts on up to {@code
 * options.threads} threads at once: its caller's and helpers from one pool that every solve of this
 * instance shares, so N concurrent solves use at most N + {@code poolThreads} threads. Laminar
 * parts are solved by an exact greedy, the rest by GLOP or CLP. Thread-safe: one instance serves
 * every request; {@link #close()} stops its pool.
 */
public final class SourcingOptimizer implements AutoCloseable {
  /**
   * Helper tasks that may wait for a pool thread, per pool thread; past it a solve's caller works
   * alone.
   */
  private static final int QUEUED_PER_THREAD = 16;

  private final ThreadPoolExecutor pool;

  /** Callers of {@link #runParallel} at work now. */
  private final AtomicInteger working = new AtomicInteger();

  /** An optimizer whose helper pool has one thread per available processor. */
  public SourcingOptimizer() {
    this(0);
  }

  /**
   * An optimizer whose solves share a pool of {@code poolThreads} helper threads (0 or less = one
   * per available processor); idle helpers end after a while.
   */
  public SourcingOptimizer(int poolThreads) {
    OrTools.ensureLoaded();
    int size = poolThreads > 0 ? poolThreads : Runtime.getRuntime().availableProcessors();
    AtomicInteger created = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(
            size,
            size,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(size * QUEUED_PER_THREAD),
            runnable -> {
              Thread thread =
                  new Thread(runnable, "sourcing-optimizer-" + created.getAndIncrement());
              thread.setDaemon(true);
              return thread;
            });
    pool.allowCoreThreadTimeOut(true);
  }

  /** Threads of the shared helper pool. */
  public int poolThreads() {
    return pool.getMaximumPoolSize();
  }

  /** Stops the helper pool; solves running now finish on their callers' threads. */
  @Override
  public void close() {
    pool.shutdownNow();
  }

  public Solution solve(SourcingProblem problem) {
    return solve(problem, PartObserver.NONE);
  }

  /** Solves, telling {@code observer} when each material's part starts and ends. */
  public Solution solve(SourcingProblem problem, PartObserver observer) {
    // Rules that need integer decisions take the MIP path; every other request the LP path below.
    if (problem.hasAwardRules()) return new AwardSolver(this, problem).solve(observer);
    long start = System.nanoTime();
    SolveOptions options = problem.options();
    long deadline = options.deadlineNanos(start);
    ProblemCompiler compiler = new ProblemCompiler(problem);
    List<Demand> demands = problem.demands();
    int count = demands.size();
    MaterialPart[] parts = new MaterialPart[count];
    PartResult[] results = new PartResult[count];
    Integer[] order = new Integer[count];
    for (int i = 0; i < count; i++) order[i] = i;
    Arrays.sort(
        order,
        Comparator.comparingInt((Integer i) -> compiler.offerCount(demands.get(i).material()))
            .reversed());

    // Binding limits and their exact savings (re-solves of small parts): an LP part's right after
    // its solve, in the solver still warm from it; the others' once every part is solved.
    BindingAnalysis[] analyses = new BindingAnalysis[count];
    boolean exactAllowed = problem.offers().size() <= BindingAnalysis.EXACT_MAX_PLAN_OFFERS;
    Double maxHhi = problem.limits().maxHhi();
    runParallel(
        count,
        options.effectiveThreads(),
        k -> {
          int i = order[k];
          String material = demands.get(i).material();
          try (PartObserver.Handle observed =
              observer.started(material, compiler.offerCount(material))) {
            long t0 = System.nanoTime();
            MaterialPart part = compiler.compile(demands.get(i));
            long compiled = System.nanoTime() - t0;
            parts[i] = part;
            if (solvesWarm(part, options, maxHhi, exactAllowed)) {
              try (LpPartSolver.Warm warm =
                  LpPartSolver.solveWarm(part, options.engine(), deadline)) {
                results[i] = warm.result().withBuildNanos(compiled);
                if (warm.resolver() != null) {
                  analyses[i] =
                      BindingAnalysis.of(
                          part, results[i], options.engine(), deadline, true, warm.resolver());
                }
              }
            } else {
              results[i] = solvePart(part, options, deadline, maxHhi).withBuildNanos(compiled);
            }
          }
        });

    boolean infeasible = false;
    boolean timedOut = false;
    for (PartResult r : results) {
      infeasible |= r.status == Status.INFEASIBLE;
      timedOut |= r.status == Status.TIME_LIMIT;
    }
    if (infeasible) {
      List<MaterialPart> infeasibleParts = new ArrayList<>();
      for (int i = 0; i < count; i++)
        if (results[i].status == Status.INFEASIBLE) infeasibleParts.add(parts[i]);
      Map<String, String> units = new HashMap<>();
      for (Demand demand : problem.demands()) {
        if (demand.unit() != null) units.put(demand.material(), demand.unit());
      }
      Diagnosis diagnosis =
          new Diagnoser(options.engine(), deadline, units, problem.currency())
              .diagnose(infeasibleParts);
      return new Solution(
          Status.INFEASIBLE,
          0.0,
          List.of(),
          List.of(),
          List.of(),
          diagnosis,
          stats(results, options, start));
    }
    List<Allocation> allocations = new ArrayList<>();
    List<MaterialResult> materials = new ArrayList<>(count);
    runParallel(
        count,
        options.effectiveThreads(),
        k -> {
          int i = order[k];
          if (analyses[i] != null) return;
          analyses[i] =
              results[i].status == Status.OPTIMAL
                  ? BindingAnalysis.of(
                      parts[i], results[i], options.engine(), deadline, exactAllowed)
                  : BindingAnalysis.NONE;
        });
    List<BindingConstraint> binding = new ArrayList<>();
    double totalCost = 0;
    for (int i = 0; i < count; i++) {
      if (results[i].status != Status.OPTIMAL) continue;
      totalCost +=
          collect(
              parts[i],
              results[i],
              analyses[i],
              problem.currency(),
              problem.limits().maxHhi(),
              allocations,
              materials,
              binding);
    }
    return new Solution(
        timedOut ? Status.TIME_LIMIT : Status.OPTIMAL,
        totalCost,
        allocations,
        materials,
        binding,
        null,
        // taken last, so that the wall time includes the binding analysis' re-solves
        stats(results, options, start));
  }

  /**
   * Solves one part: the exact greedy where it applies, else the LP; under an HHI cap the warm LP
   * with its tangent cuts (the greedy knows no HHI).
   */
  static PartResult solvePart(
      MaterialPart part, SolveOptions options, long deadline, Double maxHhi) {
    boolean trivial = part.demand <= 0 || part.n == 0;
    if (maxHhi != null && !trivial) {
      try (WarmLp lp = WarmLp.open(part, options.engine(), maxHhi)) {
        return lp.solve(deadline);
      }
    }
    if ((options.fastPath() || trivial) && LaminarGreedy.applies(part)) {
      return LaminarGreedy.solve(part);
    }
    return LpPartSolver.solve(part, options.engine(), deadline);
  }

  /**
   * Whether the part is solved by the LP in a solver kept open for its binding analysis: an LP part
   * (no greedy, no HHI cap) whose savings are computed exactly by re-solving.
   */
  private static boolean solvesWarm(
      MaterialPart part, SolveOptions options, Double maxHhi, boolean exactAllowed) {
    return maxHhi == null
        && part.n > 0
        && BindingAnalysis.repricedExactly(part, exactAllowed)
        && !(options.fastPath() && LaminarGreedy.applies(part));
  }

  static SolverStats stats(PartResult[] results, SolveOptions options, long start) {
    int variables = 0;
    int constraints = 0;
    int fast = 0;
    long build = 0;
    long solve = 0;
    int hhiIterations = 0;
    for (PartResult r : results) {
      hhiIterations += r.hhiIterations;
      variables += r.variables;
      constraints += r.constraints;
      if (r.fastPath) fast++;
      build += r.buildNanos;
      solve += r.solveNanos;
    }
    String lp = options.engine().name();
    String engine = fast == results.length ? "GREEDY" : fast == 0 ? lp : lp + "+GREEDY";
    return new SolverStats(
        engine,
        (System.nanoTime() - start) / 1_000_000,
        variables,
        constraints,
        results.length,
        fast,
        build / 1_000_000,
        solve / 1_000_000,
        hhiIterations,
        null,
        null);
  }

  /**
   * Appends the part's allocations, material result and binding rows; returns its purchase cost.
   */
  static double collect(
      MaterialPart part,
      PartResult result,
      BindingAnalysis analysis,
      String currency,
      Double maxHhi,
      List<Allocation> allocations,
      List<MaterialResult> materials,
      List<BindingConstraint> binding) {
    double demand = part.demand;
    double noise = 1e-9 * Math.max(1.0, demand);
    double[] x = new double[part.n];
    double allocated = 0;
    double cost = 0;
    for (int i = 0; i < part.n; i++) {
      double q = snap(result.x[i], noise);
      if (q <= noise) continue;
      x[i] = q;
      double c = q * part.price[i];
      allocated += q;
      cost += c;
      allocations.add(
          new Allocation(
              part.offerIds[i],
              part.supplierIds[i],
              part.material,
              part.countries[part.countryOf[0][i]],
              q,
              part.price[i],
              c));
    }
    allocated = snap(allocated, noise);
    double shortfall = Math.max(0.0, snap(demand - allocated, noise));

    List<Share> shares = new ArrayList<>();
    double hhi = 0;
    for (int g = 0; g < part.stages.length; g++) {
      double[] byCountry = new double[part.countries.length];
      for (int i = 0; i < part.n; i++) byCountry[part.countryOf[g][i]] += x[i];
      TreeSet<Integer> present =
          new TreeSet<>(
              Comparator.comparingDouble((Integer c) -> -byCountry[c])
                  .thenComparing(c -> part.countries[c]));
      for (int c = 0; c < byCountry.length; c++) if (byCountry[c] > noise) present.add(c);
      for (int c : present) {
        double q = snap(byCountry[c], noise);
        shares.add(new Share(part.stages[g], part.countries[c], q, demand > 0 ? q / demand : 0.0));
        if (g == 0 && allocated > 0) hhi += (q / allocated) * (q / allocated) * 10_000;
      }
    }
    materials.add(
        new MaterialResult(part.material, demand, allocated, shortfall, cost, hhi, shares));

    Map<Integer, BindingConstraint.Tie> ties = new HashMap<>();
    for (int k = 0; k < analysis.rows.length; k++) {
      PolicyRow row = part.rows.get(analysis.rows[k]);
      double alone = analysis.alone[k];
      double joint = analysis.joint[analysis.group[k]];
      if (row.isSpend()) {
        double dual = result.rowDual[analysis.rows[k]];
        binding.add(
            new BindingConstraint(
                row.kind,
                part.material,
                row.stage,
                row.country,
                row.group,
                row.supplier,
                row.share,
                dual,
                Explanations.spendBinding(row, part.material, dual, cost, currency),
                null,
                null,
                Basis.SPEND,
                row.name(part.material),
                null));
        continue;
      }
      BindingConstraint.Tie tie = null;
      if (analysis.groupSize(k) >= 2) {
        int g = analysis.group[k];
        tie = ties.get(g);
        if (tie == null) {
          List<String> names = new ArrayList<>();
          for (int j = 0; j < analysis.rows.length; j++) {
            if (analysis.group[j] == g)
              names.add(part.rows.get(analysis.rows[j]).name(part.material));
          }
          tie =
              new BindingConstraint.Tie(
                  part.material + "#" + (ties.size() + 1),
                  names,
                  Double.isNaN(joint) ? null : joint,
                  Explanations.tie(part, analysis, k, result.rowDual, currency));
          ties.put(g, tie);
        }
      }
      binding.add(
          new BindingConstraint(
              row.kind,
              part.material,
              row.stage,
              row.country,
              row.group,
              row.supplier,
              row.share,
              result.rowDual[analysis.rows[k]],
              Explanations.binding(part, analysis, k, result.rowDual, currency),
              Double.isNaN(alone) ? null : alone,
              Double.isNaN(joint) || analysis.groupSize(k) < 2 ? null : joint,
              Basis.QUANTITY,
              row.name(part.material),
              tie));
    }
    if (result.hhiPrice != null) {
      double dualNoise = 1e-9 * Math.max(1.0, part.maxPrice);
      for (int g = 0; g < part.stages.length; g++) {
        double price = result.hhiPrice[g];
        if (Math.abs(price) <= dualNoise) continue;
        binding.add(
            new BindingConstraint(
                ConstraintKind.HHI_CAP,
                part.material,
                part.stages[g],
                null,
                null,
                null,
                maxHhi,
                price,
                Explanations.hhiBinding(part.material, part.stages[g], price, currency),
                null,
                null,
                Basis.QUANTITY,
                "hhiCap[" + part.stages[g] + "," + part.material + "]",
                null));
      }
    }
    return cost;
  }

  /** Removes solver noise: values within {@code noise} of a multiple of 1e-6 snap to it. */
  static double snap(double value, double noise) {
    if (Math.abs(value) <= noise) return 0.0;
    double rounded = Math.rint(value * 1e6) / 1e6;
    return Math.abs(value - rounded) <= Math.max(noise, 1e-12 * Math.abs(value)) ? rounded : value;
  }

  interface IndexTask {
    void run(int index);
  }

  /**
   * Runs tasks 0..count-1 on up to {@code threads} threads: the caller's and helpers from the
   * shared pool. Every thread claims the next task until none is left, so the caller never waits
   * for a helper that has not started: a busy pool slows a solve down but never stalls it. Returns
   * when every claimed task has ended; rethrows the first failure (tasks not yet started are
   * skipped).
   */
  /** Every demanded material's part, compiled in parallel. */
  MaterialPart[] compileAll(ProblemCompiler compiler, List<Demand> demands, int threads) {
    MaterialPart[] parts = new MaterialPart[demands.size()];
    runParallel(demands.size(), threads, i -> parts[i] = compiler.compile(demands.get(i)));
    return parts;
  }

  void runParallel(int count, int threads, IndexTask task) {
    // With more solves at work than helper threads the processors are busy anyway: helpers would
    // add only handoffs (about a tenth of an ERP-size plan's CPU under load), so the caller works
    // alone.
    int working = this.working.incrementAndGet();
    try {
      int helpers = working > pool.getMaximumPoolSize() ? 0 : Math.min(threads, count) - 1;
      runOn(count, helpers, task);
    } finally {
      this.working.decrementAndGet();
    }
  }

  /** Runs the tasks on the caller's thread and up to {@code helpers} pool threads. */
  private void runOn(int count, int helpers, IndexTask task) {
    if (helpers <= 0) {
      for (int i = 0; i < count; i++) task.run(i);
      return;
    }
    AtomicInteger next = new AtomicInteger();
    CountDownLatch ended = new CountDownLatch(count);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Runnable loop =
        () -> {
          int i;
          while ((i = next.getAndIncrement()) < count) {
            try {
              if (failure.get() == null) task.run(i);
            } catch (Throwable t) {
              failure.compareAndSet(null, t);
            } finally {
              ended.countDown();
            }
          }
        };
    List<Future<?>> submitted = new ArrayList<>(helpers);
    try {
      for (int h = 0; h < helpers; h++) submitted.add(pool.submit(loop));
    } catch (RejectedExecutionException full) {
      // Queue full or pool stopped: the threads already working take the rest.
    }
    loop.run();
    for (Future<?> helper : submitted) {
      // A helper still queued would find nothing left: take it out of the queue.
      if (helper.cancel(false)) pool.remove((Runnable) helper);
    }
    try {
      ended.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while solving", e);
    }
    Throwable t = failure.get();
    if (t instanceof RuntimeException re) throw re;
    if (t instanceof Error err) throw err;
    if (t != null) throw new IllegalStateException(t);
  }
}
