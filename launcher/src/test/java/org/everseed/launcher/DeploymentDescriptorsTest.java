package org.everseed.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine or cluster runs here, so docker-compose.yml and deploy/ are checked by reading
 * them: every service they run is a module of ours, every port they publish is the one the service
 * listens on, and every environment variable they set binds to a property the service knows (its
 * own {@code <module>.yml}, its configuration metadata, or Spring's).
 */
class DeploymentDescriptorsTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> SERVICES = List.of("web-portal", "metafile-service", "tracker-service", "seed-service", "api-gateway");
    private static final Pattern METADATA_NAME = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"");

    @Test
    void composeRunsOurServicesWithKnownPortsAndProperties() throws IOException {
        Map<String, Object> compose = yaml(ROOT.resolve("docker-compose.yml"));
        Map<String, Object> services = map(compose.get("services"));
        assertThat(services.keySet()).containsAll(SERVICES);
        for (String name : SERVICES) {
            Map<String, Object> service = map(services.get(name));
            Map<String, String> env = new HashMap<>();
            map(service.get("environment")).forEach((k, v) -> env.put(k, String.valueOf(v)));
            assertThat(map(service.get("build")).get("args")).as(name).isEqualTo(Map.of("MODULE", name));
            assertKnown(name, env.keySet());
            String port = env.get("SERVER_PORT");
            assertThat(port).as(name + " SERVER_PORT").isEqualTo(String.valueOf(serverPort(name)));
            List<String> published = new ArrayList<>();
            list(service.get("expose")).forEach(p -> published.add(String.valueOf(p)));
            list(service.get("ports")).forEach(p -> published.add(String.valueOf(p).replaceAll(".*:", "")));
            assertThat(published).as(name + " exposes its HTTP port").contains(port);
        }
        assertThat(list(map(services.get("seed-service")).get("ports"))).contains("6881:6881");
        assertThat(list(map(services.get("api-gateway")).get("ports"))).contains("8080:8080");
    }

    @Test
    void kubernetesManifestsRunOurServicesWithKnownPortsAndProperties() throws IOException {
        Map<String, Object> kustomization = yaml(ROOT.resolve("deploy/kustomization.yaml"));
        Map<String, String> sharedEnv = new HashMap<>();
        Set<String> seen = new HashSet<>();
        Set<String> sharedUsers = new HashSet<>();
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object resource : list(kustomization.get("resources"))) {
            Path file = ROOT.resolve("deploy").resolve(String.valueOf(resource));
            assertThat(file).as("kustomization names " + resource).exists();
            for (Object doc : new Yaml().loadAll(Files.readString(file))) {
                documents.add(map(doc));
            }
        }
        for (Map<String, Object> doc : documents) {
            if ("ConfigMap".equals(doc.get("kind"))) {
                map(doc.get("data")).forEach((k, v) -> sharedEnv.put(k, String.valueOf(v)));
            }
        }
        for (Map<String, Object> doc : documents) {
            if (!List.of("Deployment", "StatefulSet").contains(doc.get("kind"))) {
                continue;
            }
            Map<String, Object> podSpec = map(map(map(doc.get("spec")).get("template")).get("spec"));
            for (Object c : list(podSpec.get("containers"))) {
                Map<String, Object> container = map(c);
                String name = String.valueOf(container.get("name"));
                assertThat(SERVICES).as("container " + name + " is one of our services").contains(name);
                seen.add(name);
                Map<String, String> env = new HashMap<>();
                for (Object e : list(container.get("env"))) {
                    Map<String, Object> var = map(e);
                    env.put(String.valueOf(var.get("name")), String.valueOf(var.get("value")));
                }
                assertKnown(name, env.keySet());
                if (container.containsKey("envFrom")) {
                    sharedUsers.add(name);
                }
                assertThat(env.get("SERVER_PORT")).as(name + " SERVER_PORT").isEqualTo(String.valueOf(serverPort(name)));
                List<Object> ports = list(container.get("ports"));
                assertThat(ports).as(name + " container ports")
                        .anySatisfy(p -> assertThat(String.valueOf(map(p).get("containerPort"))).isEqualTo(env.get("SERVER_PORT")));
            }
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(SERVICES);
        // A shared ConfigMap key need not bind in every service, but in at least one that reads it.
        Set<String> knownBySharedUsers = new HashSet<>();
        for (String user : sharedUsers) {
            knownBySharedUsers.addAll(knownProperties(user));
        }
        for (String key : sharedEnv.keySet()) {
            assertThat(knownBySharedUsers).as("ConfigMap key " + key + " binds to no property").contains(normalize(key));
        }
    }

    private static void assertKnown(String module, Set<String> envNames) throws IOException {
        Set<String> known = knownProperties(module);
        for (String env : envNames) {
            assertThat(known).as(module + ": environment variable " + env + " binds to no property the service knows")
                    .contains(normalize(env));
        }
    }

    /** Normalized names of every property the module knows: its own yml, its metadata and the shared modules', Spring's. */
    private static Set<String> knownProperties(String module) throws IOException {
        Set<String> names = new HashSet<>();
        flatten("", yaml(ROOT.resolve(module).resolve("src/main/resources/" + module + ".yml")), names);
        for (URL url : Collections.list(DeploymentDescriptorsTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            String where = url.toString();
            boolean ours = where.contains("/" + module + "/") || where.contains(module + "-0.1.0")
                    || where.contains("platform-messaging") || where.contains("blob-storage");
            boolean spring = where.contains("/org/springframework/") || where.contains("/spring-");
            if (ours || (spring && !where.contains("/org/everseed/") && !where.contains("everseed"))) {
                try (InputStream in = url.openStream()) {
                    Matcher m = METADATA_NAME.matcher(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                    while (m.find()) {
                        names.add(normalize(m.group(1)));
                    }
                }
            }
        }
        return names;
    }

    private static int serverPort(String module) throws IOException {
        Map<String, Object> yml = yaml(ROOT.resolve(module).resolve("src/main/resources/" + module + ".yml"));
        return (Integer) map(yml.get("server")).get("port");
    }

    private static void flatten(String prefix, Object value, Set<String> into) {
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, into));
        } else {
            into.add(normalize(prefix));
        }
    }

    /** Spring's relaxed binding: case, dots, dashes and underscores do not matter. */
    private static String normalize(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[._-]", "");
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return map(new Yaml().load(reader));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o == null ? Map.of() : (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return o == null ? List.of() : (List<Object>) o;
    }
}
