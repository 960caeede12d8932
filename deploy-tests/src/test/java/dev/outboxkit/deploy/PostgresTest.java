package dev.outboxkit.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** PostgreSQL with logical decoding, a WAL cap for the replication slots, and the databases set up at init. */
class PostgresTest {

    static final List<String> OVERLAYS = Kustomize.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void postgres_decodes_logically_and_caps_what_a_slot_may_hold(String overlay) {
        StatefulSet postgres = Manifests.overlay(overlay).get(StatefulSet.class, "postgres");
        Map<String, String> settings = settings(container(postgres).getArgs());

        assertThat(container(postgres).getImage()).as("the PostgreSQL major the local stack and CI test")
                .startsWith("postgres:" + Repo.testedPostgresMajor());
        assertThat(settings).containsEntry("wal_level", "logical")
                .containsKeys("max_replication_slots", "max_wal_senders", "max_slot_wal_keep_size");
        assertThat(Integer.parseInt(settings.get("max_replication_slots"))).as("slots for both connectors").isGreaterThanOrEqualTo(2);
        assertThat(Integer.parseInt(settings.get("max_wal_senders"))).isGreaterThanOrEqualTo(2);

        BigDecimal cap = postgresSize(settings.get("max_slot_wal_keep_size"));
        Quantity volume = postgres.getSpec().getVolumeClaimTemplates().getFirst().getSpec().getResources().getRequests().get("storage");
        assertThat(cap).as("max_slot_wal_keep_size is a positive cap (-1 would mean unlimited)").isPositive();
        assertThat(cap).as("max_slot_wal_keep_size at most a quarter of the %s volume", volume)
                .isLessThanOrEqualTo(volume.getNumericalAmount().divide(BigDecimal.valueOf(4)));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void postgres_keeps_its_data_on_a_claim_and_is_probed(String overlay) {
        StatefulSet postgres = Manifests.overlay(overlay).get(StatefulSet.class, "postgres");
        Container container = container(postgres);

        assertThat(postgres.getSpec().getVolumeClaimTemplates()).extracting(c -> c.getMetadata().getName()).containsExactly("data");
        assertThat(container.getVolumeMounts()).anySatisfy(m -> {
            assertThat(m.getName()).isEqualTo("data");
            assertThat(m.getMountPath()).isEqualTo("/var/lib/postgresql/data");
        });
        assertThat(env(container)).containsEntry("PGDATA", "/var/lib/postgresql/data/pgdata");
        assertThat(container.getStartupProbe()).isNotNull();
        assertThat(container.getReadinessProbe().getExec().getCommand()).contains("pg_isready");
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void the_init_script_runs_the_stacks_sql_with_every_variable_it_reads(String overlay) {
        Manifests manifests = Manifests.overlay(overlay);
        StatefulSet postgres = manifests.get(StatefulSet.class, "postgres");
        Container container = container(postgres);
        Map<String, Volume> volumes = postgres.getSpec().getTemplate().getSpec().getVolumes().stream()
                .collect(Collectors.toMap(Volume::getName, v -> v));
        Map<String, String> mounts = container.getVolumeMounts().stream()
                .collect(Collectors.toMap(VolumeMount::getMountPath, VolumeMount::getName));

        Volume initdb = volumes.get(mounts.get("/docker-entrypoint-initdb.d"));
        assertThat(initdb.getConfigMap().getDefaultMode()).as("executable, so the entrypoint runs it in its own shell")
                .isEqualTo(0555);
        ConfigMap initScripts = manifests.get(ConfigMap.class, initdb.getConfigMap().getName());
        assertThat(initScripts.getData()).as("only shell scripts: a .sql file there would run without psql variables")
                .allSatisfy((file, content) -> assertThat(file).endsWith(".sh"));
        String script = initScripts.getData().values().iterator().next();

        ConfigMap sql = manifests.get(ConfigMap.class, volumes.get(mounts.get("/opt/outboxkit/sql")).getConfigMap().getName());
        assertThat(sql.getData()).containsKey("00-roles-and-databases.sql")
                .allSatisfy((file, content) -> assertThat(file).matches("00-roles-and-databases\\.sql|V\\d+__\\w+\\.sql"));
        assertThat(script).contains("$sql/00-roles-and-databases.sql", "\"$sql\"/V*__*.sql", "sql=/opt/outboxkit/sql");

        Set<String> env = env(container).keySet();
        Set<String> required = requiredVariables(script, env);
        assertThat(required).contains("CUSTOMER_DB_PASSWORD", "ORDERS_DB_NAME", "NOTIFICATION_DB_USER");
        assertThat(env).as("environment of the postgres container").containsAll(required);
        if (overlay.equals("prod")) {
            assertThat(required).as("prod creates Keycloak's database").contains("KEYCLOAK_DB_PASSWORD");
        }
    }

    /**
     * The variables a shell script reads without a default. Inside an {@code if [ -n "${GUARD:-}" ]; then}
     * block they count only when the environment sets GUARD.
     */
    static Set<String> requiredVariables(String script, Set<String> env) {
        Pattern guard = Pattern.compile("^if \\[ -n \"\\$\\{([A-Z0-9_]+):-}\" ]; then$");
        Pattern variable = Pattern.compile("\\$\\{?([A-Z][A-Z0-9_]+)(:-)?");
        Set<String> required = new TreeSet<>();
        boolean active = true;
        for (String line : script.lines().map(String::strip).toList()) {
            Matcher g = guard.matcher(line);
            if (g.matches()) {
                active = env.contains(g.group(1));
                continue;
            }
            if (line.equals("fi")) {
                active = true;
                continue;
            }
            Matcher m = variable.matcher(line);
            while (active && m.find()) {
                if (m.group(2) == null) {
                    required.add(m.group(1));
                }
            }
        }
        return required;
    }

    static Container container(StatefulSet postgres) {
        return postgres.getSpec().getTemplate().getSpec().getContainers().getFirst();
    }

    static Map<String, String> env(Container container) {
        Map<String, String> env = new HashMap<>();
        for (EnvVar e : container.getEnv()) {
            env.put(e.getName(), e.getValue());
        }
        return env;
    }

    /** "-c name=value" pairs of the postgres command line. */
    static Map<String, String> settings(List<String> args) {
        Map<String, String> settings = new HashMap<>();
        for (int i = 0; i + 1 < args.size(); i++) {
            if (args.get(i).equals("-c")) {
                String[] pair = args.get(i + 1).split("=", 2);
                settings.put(pair[0], pair[1]);
            }
        }
        return settings;
    }

    /** A PostgreSQL memory/size setting in bytes: "2GB", "512MB", "1TB", or a plain number of megabytes. */
    static BigDecimal postgresSize(String value) {
        Matcher m = Pattern.compile("(-?\\d+)\\s*(kB|MB|GB|TB)?").matcher(value.trim());
        assertThat(m.matches()).as("size setting %s", value).isTrue();
        long unit = switch (m.group(2) == null ? "MB" : m.group(2)) {
            case "kB" -> 1024L;
            case "MB" -> 1024L * 1024;
            case "GB" -> 1024L * 1024 * 1024;
            default -> 1024L * 1024 * 1024 * 1024;
        };
        return BigDecimal.valueOf(Long.parseLong(m.group(1))).multiply(BigDecimal.valueOf(unit));
    }
}
