# syntax=docker/dockerfile:1
# Multi-stage build: Maven builds the shaded jar, a JRE image runs it as a non-root user.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q package -DskipTests

FROM eclipse-temurin:17-jre
RUN groupadd --system whalewatch && useradd --system --gid whalewatch --home-dir /var/lib/whalewatch --create-home whalewatch
COPY --from=build /src/bootstrap/target/whalewatch.jar /opt/whalewatch/whalewatch.jar
# Class-data archive of the start-up's classes (README "Faster start-up"): one training start on a
# scratch database, free loopback ports and no upstream traffic; the ENTRYPOINT maps it.
RUN java -Xmx288m -XX:ArchiveClassesAtExit=/opt/whalewatch/whalewatch.jsa -Xlog:cds=error \
        -jar /opt/whalewatch/whalewatch.jar serve --cds-training
USER whalewatch
WORKDIR /var/lib/whalewatch
ENV DB_PATH=/var/lib/whalewatch/mempool_predictions.db \
    BROADCASTER_HOST=0.0.0.0 \
    API_HOST=0.0.0.0 \
    MALLOC_ARENA_MAX=2 \
    JAVA_TOOL_OPTIONS="-Xms128m -Xmx288m -XX:MaxDirectMemorySize=64m -XX:+ExitOnOutOfMemoryError"
VOLUME ["/var/lib/whalewatch"]
EXPOSE 8765 8001
HEALTHCHECK --interval=30s --timeout=10s --start-period=20s --retries=3 \
  CMD ["java", "-jar", "/opt/whalewatch/whalewatch.jar", "health", "--url", "http://127.0.0.1:8001/health"]
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/opt/whalewatch/whalewatch.jsa", "-jar", "/opt/whalewatch/whalewatch.jar"]
CMD ["serve"]
