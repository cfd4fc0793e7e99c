# One image per service: docker build --build-arg MODULE=web-portal -t everseed/web-portal:0.1.0 .
# Build the jars first: bin/everseed test (or ./mvnw -DskipTests package).
FROM eclipse-temurin:25-jre
ARG MODULE
RUN useradd --system --uid 10001 everseed && mkdir -p /data/blobs && chown everseed /data/blobs
COPY ${MODULE}/target/${MODULE}-0.1.0-SNAPSHOT-exec.jar /app/app.jar
USER everseed
ENTRYPOINT ["java", "-XX:+UseZGC", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
