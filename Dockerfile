# Builds the service from this repository and runs it on a JRE.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/target/customer-tiering-*.jar app.jar
COPY rules rules
COPY rule-tests rule-tests
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
