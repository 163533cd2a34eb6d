package com.critmin.sourcing.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.critmin.sourcing.config.SourcingConfig;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Renders every kustomize overlay in k8s/ with kubectl, reads every object into fabric8's typed
 * Kubernetes models (an unknown field or kind fails), and holds the manifests to the application:
 * probe paths, container port, /tmp and the security context, the termination grace period against
 * the shutdown timeouts, and every environment variable name against the application's
 * configuration keys. Skipped, saying so, when kubectl is not on the PATH.
 */
class KubernetesManifestsTest {

  private static final Path ROOT = Path.of("").toAbsolutePath();
  private static final String APP = "sourcing-optimizer";

  /** Environment variables the JVM reads itself, not the application's configuration. */
  private static final Set<String> JVM_ENVIRONMENT = Set.of("JAVA_TOOL_OPTIONS");

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void overlayRendersToValidObjectsThatFitTheApplication(String overlay) throws Exception {
    List<KubernetesResource> objects = parse(render(overlay));
    assertThat(objects).isNotEmpty();
    for (KubernetesResource object : objects) {
      assertThat(object)
          .as("a kind fabric8 knows")
          .isNotInstanceOf(GenericKubernetesResource.class);
      List<String> unknown = new ArrayList<>();
      unknownFields(object, describe(object), unknown, new IdentityHashMap<>());
      assertThat(unknown).as("fields no Kubernetes schema has").isEmpty();
    }
    Set<String> kinds = new TreeSet<>();
    objects.forEach(o -> kinds.add(((HasMetadata) o).getKind()));
    assertThat(kinds)
        .contains(
            "Deployment",
            "Service",
            "ConfigMap",
            "Secret",
            "HorizontalPodAutoscaler",
            "PodDisruptionBudget",
            "NetworkPolicy");

    Deployment deployment = one(objects, Deployment.class, APP);
    PodSpec pod = deployment.getSpec().getTemplate().getSpec();
    assertThat(deployment.getSpec().getReplicas()).isGreaterThanOrEqualTo(2);
    Container container =
        pod.getContainers().stream().filter(c -> c.getName().equals(APP)).findFirst().orElseThrow();

    // Port: the one the image configures.
    int imagePort = imageHttpPort();
    assertThat(container.getPorts()).anySatisfy(p -> assertEquals(imagePort, p.getContainerPort()));
    String portName =
        container.getPorts().stream()
            .filter(p -> p.getContainerPort() == imagePort)
            .findFirst()
            .orElseThrow()
            .getName();

    // Probes: Quarkus' health endpoints, on that port; readiness makes a test commit (up to 3 s).
    assertProbe(container.getStartupProbe(), "/q/health/started", imagePort, portName);
    assertProbe(container.getLivenessProbe(), "/q/health/live", imagePort, portName);
    assertProbe(container.getReadinessProbe(), "/q/health/ready", imagePort, portName);
    assertThat(container.getReadinessProbe().getTimeoutSeconds()).isGreaterThanOrEqualTo(5);

    // Hardening: read-only root, no capabilities, non-root, RuntimeDefault seccomp, a small /tmp.
    var security = container.getSecurityContext();
    assertThat(security.getReadOnlyRootFilesystem()).isTrue();
    assertThat(security.getAllowPrivilegeEscalation()).isFalse();
    assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    VolumeMount tmpMount =
        container.getVolumeMounts().stream()
            .filter(m -> m.getMountPath().equals("/tmp"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no /tmp volume"));
    Volume tmp =
        pod.getVolumes().stream()
            .filter(v -> v.getName().equals(tmpMount.getName()))
            .findFirst()
            .orElseThrow();
    assertThat(tmp.getEmptyDir()).isNotNull();
    assertThat(Quantity.getAmountInBytes(tmp.getEmptyDir().getSizeLimit()))
        .isLessThanOrEqualTo(BigDecimal.valueOf(16L * 1024 * 1024));
    assertThat(pod.getTopologySpreadConstraints()).isNotEmpty();
    assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
    assertThat(container.getResources().getLimits()).containsKey("memory");

    // Environment: every name is a configuration key of the application (or a JVM variable).
    Map<String, String> environment = new java.util.TreeMap<>();
    for (EnvFromSource from : container.getEnvFrom()) {
      if (from.getConfigMapRef() != null) {
        one(objects, ConfigMap.class, from.getConfigMapRef().getName())
            .getData()
            .forEach(environment::put);
      }
      if (from.getSecretRef() != null) {
        Secret secret = one(objects, Secret.class, from.getSecretRef().getName());
        if (secret.getData() != null)
          secret.getData().keySet().forEach(k -> environment.put(k, "<secret>"));
        if (secret.getStringData() != null)
          secret.getStringData().keySet().forEach(k -> environment.put(k, "<secret>"));
      }
    }
    for (EnvVar env : container.getEnv()) environment.put(env.getName(), env.getValue());
    Set<String> known = knownEnvironmentNames();
    for (String name : environment.keySet()) {
      assertTrue(
          known.contains(name) || JVM_ENVIRONMENT.contains(name),
          () ->
              overlay
                  + ": environment variable "
                  + name
                  + " is no configuration key of the application");
    }
    assertThat(environment)
        .containsKeys(
            "QUARKUS_DATASOURCE_JDBC_URL",
            "QUARKUS_DATASOURCE_USERNAME",
            "QUARKUS_DATASOURCE_PASSWORD",
            "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
            "MP_JWT_VERIFY_ISSUER");

    // Graceful termination: the preStop pause plus the longer of the two shutdown timeouts fits.
    long shutdown =
        Math.max(
            seconds(environment.getOrDefault("QUARKUS_SHUTDOWN_TIMEOUT", "30s")),
            seconds(environment.getOrDefault("SOURCING_JOBS_SHUTDOWN_TIMEOUT", "30s")));
    long preStop = preStopSeconds(container);
    assertThat(pod.getTerminationGracePeriodSeconds())
        .as("terminationGracePeriodSeconds vs preStop %d s + shutdown %d s", preStop, shutdown)
        .isGreaterThan(preStop + shutdown);
  }

  private static void assertProbe(Probe probe, String path, int port, String portName) {
    assertThat(probe).as(path).isNotNull();
    HTTPGetAction get = probe.getHttpGet();
    assertThat(get).as(path).isNotNull();
    assertEquals(path, get.getPath());
    if (get.getPort().getIntVal() != null) assertEquals(port, get.getPort().getIntVal());
    else assertEquals(portName, get.getPort().getStrVal());
  }

  private static long preStopSeconds(Container container) {
    if (container.getLifecycle() == null || container.getLifecycle().getPreStop() == null) return 0;
    var exec = container.getLifecycle().getPreStop().getExec();
    if (exec == null) return 0;
    List<String> command = exec.getCommand();
    return command.size() == 2 && command.get(0).equals("sleep")
        ? Long.parseLong(command.get(1))
        : 0;
  }

  private static long seconds(String duration) {
    Matcher m = Pattern.compile("(\\d+)s").matcher(duration);
    if (m.matches()) return Long.parseLong(m.group(1));
    return Duration.parse(duration).toSeconds();
  }

  private static int imageHttpPort() throws IOException {
    Matcher m =
        Pattern.compile("QUARKUS_HTTP_PORT=(\\d+)")
            .matcher(Files.readString(ROOT.resolve("Dockerfile")));
    assertTrue(m.find(), "the Dockerfile sets QUARKUS_HTTP_PORT");
    return Integer.parseInt(m.group(1));
  }

  // ---- The application's configuration keys, as environment variable names ----------------------

  static Set<String> knownEnvironmentNames() throws IOException {
    Set<String> keys = new TreeSet<>();
    Properties properties = new Properties();
    try (InputStream in =
        Files.newInputStream(ROOT.resolve("src/main/resources/application.properties"))) {
      properties.load(in);
    }
    for (String key : properties.stringPropertyNames()) {
      keys.add(key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key);
    }
    // Keys the code names: @ConfigProperty(name = "..."), config.getValue("...") and friends.
    Pattern literal = Pattern.compile("\"((?:quarkus|mp|sourcing)\\.[a-z0-9.-]+)\"");
    try (Stream<Path> files = Files.walk(ROOT.resolve("src/main/java"))) {
      for (Path file :
          (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
        Matcher m = literal.matcher(Files.readString(file));
        while (m.find()) keys.add(m.group(1));
      }
    }
    mappingKeys("sourcing", SourcingConfig.class, keys);
    Set<String> names = new TreeSet<>();
    keys.forEach(k -> names.add(k.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_")));
    return names;
  }

  /**
   * The keys of a @ConfigMapping interface: kebab-case method names, nested interfaces recursed.
   */
  private static void mappingKeys(String prefix, Class<?> mapping, Set<String> keys) {
    for (Method method : mapping.getMethods()) {
      if (method.getParameterCount() != 0 || Modifier.isStatic(method.getModifiers())) continue;
      String key =
          prefix + "." + method.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
      Class<?> type = method.getReturnType();
      if (type == java.util.Optional.class
          && method.getGenericReturnType() instanceof ParameterizedType p
          && p.getActualTypeArguments()[0] instanceof Class<?> c) {
        type = c;
      }
      if (type.isInterface() && type.getEnclosingClass() == SourcingConfig.class) {
        mappingKeys(key, type, keys);
      } else {
        keys.add(key);
      }
    }
  }

  // ---- Rendering and parsing
  // -----------------------------------------------------------------------

  private static String render(String overlay) throws Exception {
    Path kubectl = onPath("kubectl");
    Assumptions.assumeTrue(
        kubectl != null,
        "kubectl is not on the PATH: the Kubernetes manifests were NOT rendered or validated");
    Process process =
        new ProcessBuilder(kubectl.toString(), "kustomize", "k8s/overlays/" + overlay)
            .directory(ROOT.toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "kubectl kustomize did not finish");
    assertEquals(
        0, process.exitValue(), () -> "kubectl kustomize k8s/overlays/" + overlay + ":\n" + output);
    return output;
  }

  private static Path onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir, tool);
      if (Files.isExecutable(candidate)) return candidate;
    }
    return null;
  }

  private static List<KubernetesResource> parse(String yaml) {
    List<KubernetesResource> objects = new ArrayList<>();
    for (String document : yaml.split("(?m)^---\\s*$")) {
      if (document.isBlank()) continue;
      objects.add(SERIALIZATION.unmarshal(document, KubernetesResource.class));
    }
    return objects;
  }

  private static <T extends HasMetadata> T one(
      List<KubernetesResource> objects, Class<T> type, String name) {
    return objects.stream()
        .filter(type::isInstance)
        .map(type::cast)
        .filter(o -> o.getMetadata().getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
  }

  private static String describe(KubernetesResource object) {
    HasMetadata o = (HasMetadata) object;
    return o.getKind() + "/" + o.getMetadata().getName();
  }

  /**
   * fabric8's models keep fields they do not know in additionalProperties instead of failing: walk
   * every model object and collect them.
   */
  private static void unknownFields(
      Object value, String path, List<String> unknown, Map<Object, Boolean> seen) {
    if (value == null || seen.put(value, Boolean.TRUE) != null) return;
    if (value instanceof Collection<?> list) {
      int i = 0;
      for (Object item : list) unknownFields(item, path + "[" + i++ + "]", unknown, seen);
      return;
    }
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> unknownFields(v, path + "." + k, unknown, seen));
      return;
    }
    if (!value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) return;
    for (Method getter : value.getClass().getMethods()) {
      if (getter.getParameterCount() != 0
          || Modifier.isStatic(getter.getModifiers())
          || getter.getDeclaringClass() == Object.class
          || !(getter.getName().startsWith("get") || getter.getName().startsWith("is"))) continue;
      Object field;
      try {
        field = getter.invoke(value);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
      if (getter.getName().equals("getAdditionalProperties")) {
        if (field instanceof Map<?, ?> extra && !extra.isEmpty()) {
          extra.keySet().forEach(k -> unknown.add(path + "." + k));
        }
        continue;
      }
      unknownFields(field, path + "." + getter.getName(), unknown, seen);
    }
  }
}
