# The service's container image. It packages the host-built `target/quarkus-app`:
#   ./mvnw -B -ntp package -Ppostgresql -DskipTests
#   podman build --build-arg BASE_IMAGE=eclipse-temurin:17-jre --build-arg BUILD_IMAGE=eclipse-temurin:17-jdk -t sourcing-optimizer .
# (docker build works the same.) BASE_IMAGE: a glibc JRE 17 (OR-Tools needs glibc). BUILD_IMAGE: a JDK 17 image
# whose `java` has the jdk.jartool module (a JDK; Debian's openjdk-17-jre-headless has it too); it only unpacks
# the OR-Tools natives. CI passes a Debian bookworm base made by deploy/base-image.sh for both.
ARG BASE_IMAGE=eclipse-temurin:17-jre
ARG BUILD_IMAGE=eclipse-temurin:17-jdk

# ---- Stage 1: unpack the OR-Tools natives (about 69 MB) once, at image build time --------------------------
# OR-Tools' Loader first tries System.loadLibrary("jniortools") on java.library.path and only when that fails
# copies the natives out of the jar into a new directory under /tmp at every start. With them on
# java.library.path (libjniortools.so finds its siblings by RUNPATH $ORIGIN) the start copies nothing.
FROM ${BUILD_IMAGE} AS natives
COPY target/quarkus-app/lib/main/com.google.ortools.ortools-linux-x86-64-*.jar /build/ortools-natives.jar
WORKDIR /build
RUN ["java", "-m", "jdk.jartool/sun.tools.jar.Main", "xf", "/build/ortools-natives.jar", "ortools-linux-x86-64"]

# ---- Stage 2: the runtime image ----------------------------------------------------------------------------
FROM ${BASE_IMAGE}
WORKDIR /app
# Dependencies first: they change less often than the application, so their layers are reused.
COPY target/quarkus-app/lib/ /app/lib/
COPY target/quarkus-app/quarkus/ /app/quarkus/
COPY target/quarkus-app/app/ /app/app/
COPY target/quarkus-app/quarkus-run.jar /app/quarkus-run.jar
COPY --from=natives /build/ortools-linux-x86-64/ /opt/ortools/

# AppCDS: a class-data archive of the classes a start loads, dumped at the exit of a training start with this
# image's JVM and class path. There is no database at image build time, so the training start runs until it
# fails to reach one (Flyway's first connection, an unreachable port): by then Quarkus, Vert.x, Hibernate,
# Jackson, RESTEasy, SmallRye and the application's beans are loaded and initialised, which is most of a start.
# (Quarkus 3.33 ignores quarkus.appcds.generate at run time and starts the application fully.) A runtime JVM
# that differs from the dumping one ignores the archive (-Xshare:auto) and starts without it.
RUN java -XX:ArchiveClassesAtExit=/app/app-cds.jsa -Xlog:cds=off -Xlog:cds+dynamic=off \
      -Djava.library.path=/opt/ortools -Dsourcing.auth.enabled=false \
      -Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:9/appcds-training \
      -Dquarkus.datasource.jdbc.acquisition-timeout=1s \
      -jar /app/quarkus-run.jar >/dev/null 2>&1 \
    ; test -s /app/app-cds.jsa && rm -rf /tmp/* /tmp/.[!.]*

# A numeric non-root user (no passwd entry needed; Kubernetes' runAsNonRoot can check a number). Files stay
# owned by root and read-only for it; the service writes only to /tmp (and to nothing there but the JVM's and
# Vert.x' small scratch files).
USER 10001:0
ENV HOME=/tmp \
    QUARKUS_HTTP_HOST=0.0.0.0 \
    QUARKUS_HTTP_PORT=8080
EXPOSE 8080
# Heap: 60 % of the container's memory limit; the rest is for metaspace, threads, direct buffers and the
# solver's native memory (OR-Tools allocates outside the heap). More options: JAVA_TOOL_OPTIONS.
ENTRYPOINT ["java", \
  "-XX:MaxRAMPercentage=60", "-XX:InitialRAMPercentage=20", "-XX:+ExitOnOutOfMemoryError", "-XX:-UsePerfData", \
  "-XX:SharedArchiveFile=/app/app-cds.jsa", "-Xshare:auto", \
  "-Djava.library.path=/opt/ortools", \
  "-jar", "/app/quarkus-run.jar"]
