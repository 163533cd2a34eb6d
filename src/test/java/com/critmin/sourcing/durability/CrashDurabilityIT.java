package com.critmin.sourcing.durability;

import static org.assertj.core.api.Assertions.assertThat;

import com.critmin.sourcing.testsupport.ServiceProcess;
import com.critmin.sourcing.testsupport.ServiceProcess.Answer;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every acknowledged write survives SIGKILL of the JVM: the packaged jar is killed in the middle of
 * a stream of supplier creates, bulk offer batches, plans and replaces of one supplier, restarted
 * on the same data (the H2 file, or the suite's PostgreSQL database), and every write that was
 * answered 2xx must be there.
 */
class CrashDurabilityIT {
  private static final int ROUNDS = 2;
  private static final Duration STREAM = Duration.ofSeconds(4);
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Pattern PLAN_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

  @TempDir Path dataDir;

  @Test
  void everyAcknowledgedWriteSurvivesSigkill() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    try (ServiceProcess service = ServiceProcess.start(dataDir, Map.of())) {
      String material = "mat-" + run;
      String supplier = "sup-" + run;
      assertThat(
              put(service, "/v1/materials/" + material, "{\"name\":\"NdPr oxide\",\"unit\":\"t\"}"))
          .isEqualTo(201);
      assertThat(put(service, "/v1/suppliers/" + supplier, supplierBody(supplier))).isEqualTo(201);
      for (int round = 0; round < ROUNDS; round++) {
        Acknowledged acked = stream(service, run + "-" + round, supplier, material);
        assertThat(acked.suppliers).as("writes acknowledged before the kill").isNotEmpty();

        service.kill();
        service.start();

        List<String> lost = new ArrayList<>();
        for (String id : acked.suppliers) {
          if (service.status("/v1/suppliers/" + id) != 200) {
            lost.add("supplier " + id);
          }
        }
        for (List<String> batch : acked.batches) {
          for (String id : batch) {
            if (service.status("/v1/offers/" + id) != 200) {
              lost.add("offer " + id);
            }
          }
        }
        for (String id : acked.plans) {
          if (service.status("/v1/allocation-plans/" + id) != 200) {
            lost.add("plan " + id);
          }
        }
        assertThat(lost)
            .as(
                "acknowledged writes lost by SIGKILL in round %d (%d supplier creates, %d batches,"
                    + " %d plans acknowledged); log: %s",
                round,
                acked.suppliers.size(),
                acked.batches.size(),
                acked.plans.size(),
                service.log())
            .isEmpty();
        Answer replaced = get(service, "/v1/suppliers/replaced-" + run + "-" + round);
        assertThat(replaced.status()).isEqualTo(200);
        int stored =
            Integer.parseInt(
                replaced.body().replaceAll("(?s).*\"name\"\\s*:\\s*\"v(\\d+)\".*", "$1"));
        assertThat(stored)
            .as("the replaced supplier is at least at its last acknowledged version")
            .isGreaterThanOrEqualTo(acked.lastReplace.get());
      }
    }
    assertThat(Files.exists(dataDir)).isTrue();
  }

  /** What the service acknowledged during one stream. */
  private static final class Acknowledged {
    final ConcurrentLinkedQueue<String> suppliers = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<List<String>> batches = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<String> plans = new ConcurrentLinkedQueue<>();
    final AtomicInteger lastReplace = new AtomicInteger();
  }

  /** Writes on seven threads for a while, then returns while they are still writing. */
  private static Acknowledged stream(
      ServiceProcess service, String tag, String supplier, String material) throws Exception {
    // One of each first, so that a cold JVM has every write path warm when the clock starts.
    post(service, "/v1/allocation-plans", PLAN);
    post(service, "/v1/offers", batch(List.of("w-" + tag), supplier, material));
    Acknowledged acked = new Acknowledged();
    AtomicBoolean stop = new AtomicBoolean();
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      int worker = w;
      threads.add(
          new Thread(
              () -> {
                for (int i = 0; !stop.get(); i++) {
                  String id = "c-" + tag + "-" + worker + "-" + i;
                  if (put(service, "/v1/suppliers/" + id, supplierBody(id)) == 201) {
                    acked.suppliers.add(id);
                  }
                }
              }));
    }
    threads.add(
        new Thread(
            () -> {
              for (int i = 0; !stop.get(); i++) {
                List<String> ids = new ArrayList<>();
                for (int k = 0; k < 20; k++) {
                  ids.add("b-" + tag + "-" + i + "-" + k);
                }
                if (post(service, "/v1/offers", batch(ids, supplier, material)).status() == 200) {
                  acked.batches.add(ids);
                }
              }
            }));
    threads.add(
        new Thread(
            () -> {
              while (!stop.get()) {
                Answer plan = post(service, "/v1/allocation-plans", PLAN);
                if (plan.status() == 201) {
                  Matcher id = PLAN_ID.matcher(plan.body());
                  if (id.find()) {
                    acked.plans.add(id.group(1));
                  }
                }
              }
            }));
    threads.add(
        new Thread(
            () -> {
              for (int n = 1; !stop.get(); n++) {
                String body = "{\"name\":\"v" + n + "\",\"country\":\"AU\"}";
                int status = put(service, "/v1/suppliers/replaced-" + tag, body);
                if (status == 200 || status == 201) {
                  acked.lastReplace.set(n);
                }
              }
            }));
    threads.forEach(Thread::start);
    Thread.sleep(STREAM.toMillis());
    // The kill comes while every thread is still writing; stop them only after it.
    Thread stopper =
        new Thread(
            () -> {
              stop.set(true);
              threads.forEach(
                  t -> {
                    try {
                      t.join();
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  });
            });
    service.kill();
    stopper.start();
    stopper.join();
    return acked;
  }

  private static final String PLAN =
      "{\"demand\":[{\"material\":\"NDPR_OXIDE\",\"quantity\":100}],"
          + "\"policy\":{\"maxCountryShare\":0.65},\"offers\":["
          + "{\"id\":\"o1\",\"material\":\"NDPR_OXIDE\",\"supplier\":{\"id\":\"s1\",\"name\":\"s1\",\"country\":\"CN\"},"
          + "\"capacity\":80,\"unitPrice\":60,\"currency\":\"USD\"},"
          + "{\"id\":\"o2\",\"material\":\"NDPR_OXIDE\",\"supplier\":{\"id\":\"s2\",\"name\":\"s2\",\"country\":\"AU\"},"
          + "\"capacity\":80,\"unitPrice\":70,\"currency\":\"USD\"}]}";

  private static String batch(List<String> ids, String supplier, String material) {
    StringBuilder body = new StringBuilder("[");
    for (String id : ids) {
      body.append(body.length() == 1 ? "" : ",")
          .append("{\"id\":\"")
          .append(id)
          .append("\",\"supplierId\":\"")
          .append(supplier)
          .append("\",\"material\":\"")
          .append(material)
          .append("\",\"capacity\":500,\"unitPrice\":80,\"currency\":\"USD\"}");
    }
    return body.append(']').toString();
  }

  private static String supplierBody(String name) {
    return "{\"name\":\"" + name + "\",\"country\":\"AU\"}";
  }

  private static int put(ServiceProcess service, String path, String json) {
    return service
        .send(
            service
                .request(path)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)),
            TIMEOUT)
        .status();
  }

  private static Answer post(ServiceProcess service, String path, String json) {
    return service.send(
        service
            .request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)),
        TIMEOUT);
  }

  private static Answer get(ServiceProcess service, String path) {
    return service.send(service.request(path).GET(), TIMEOUT);
  }
}
