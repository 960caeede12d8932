// Part of bench/Bench.java (the source launcher compiles the files of this directory together).

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The CPU time each component of the chain has used, read from /proc: for the component's root process and
 * every live descendant, utime + stime + cutime + cstime (the last two hold the descendants that already exited
 * and were reaped, e.g. a PostgreSQL backend whose connection closed), so the difference of two snapshots is
 * the tree's CPU time in between, whatever started or ended meanwhile. PostgreSQL's tree is the postmaster
 * with every backend, walsender and background worker; Keycloak's is kc.sh with its JVM.
 */
final class CpuMeter {

    record Component(String name, long pid) {
    }

    private record Proc(long ppid, long ticks) {
    }

    final List<Component> components = new ArrayList<>();
    private final double ticksPerSecond;

    /** spec: "name=pid name=pid ..." (names may not contain spaces or '='); the calling process is added last. */
    CpuMeter(String spec, double ticksPerSecond, String selfName) {
        for (String item : spec.trim().split("\\s+")) {
            if (!item.isBlank()) {
                String[] kv = item.split("=", 2);
                components.add(new Component(kv[0], Long.parseLong(kv[1])));
            }
        }
        components.add(new Component(selfName, ProcessHandle.current().pid()));
        this.ticksPerSecond = ticksPerSecond;
    }

    /** CPU seconds used so far by each component's process tree, by component name, in the order given. */
    Map<String, Double> snapshot() {
        Map<Long, Proc> procs = new HashMap<>();
        Map<Long, List<Long>> children = new HashMap<>();
        try (Stream<Path> dirs = Files.list(Path.of("/proc"))) {
            for (Path dir : (Iterable<Path>) dirs::iterator) {
                String name = dir.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                Proc p = read(dir.resolve("stat"));
                if (p != null) {
                    long pid = Long.parseLong(name);
                    procs.put(pid, p);
                    children.computeIfAbsent(p.ppid(), k -> new ArrayList<>()).add(pid);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (Component c : components) {
            long ticks = 0;
            Deque<Long> todo = new ArrayDeque<>(List.of(c.pid()));
            while (!todo.isEmpty()) {
                long pid = todo.pop();
                Proc p = procs.get(pid);
                if (p != null) {
                    ticks += p.ticks();
                    todo.addAll(children.getOrDefault(pid, List.of()));
                }
            }
            seconds.put(c.name(), ticks / ticksPerSecond);
        }
        return seconds;
    }

    /** /proc/PID/stat: the command (field 2) may hold spaces and parentheses, so fields are counted after its ')'. */
    private static Proc read(Path stat) {
        try {
            String s = Files.readString(stat);
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            // f[0] = field 3 (state), f[1] = ppid, f[11..14] = utime, stime, cutime, cstime
            return new Proc(Long.parseLong(f[1]),
                    Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]));
        } catch (IOException | RuntimeException e) {
            return null; // the process ended while we looked
        }
    }

    static Map<String, Double> minus(Map<String, Double> after, Map<String, Double> before) {
        Map<String, Double> d = new LinkedHashMap<>();
        after.forEach((k, v) -> d.put(k, v - before.getOrDefault(k, 0.0)));
        return d;
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }
}
