package dev.outboxkit.messaging.lag;

/**
 * A consumer group's committed lag: records on its partitions that it has not committed yet, summed, as
 * Kafka sees it (whichever instances run, or none). {@code error} when it could not be read.
 */
public record GroupLag(String group, long records, int partitions, String error) {

    static GroupLag unreadable(String group, Exception e) {
        return new GroupLag(group, -1, 0, e.getClass().getSimpleName() + ": " + e.getMessage());
    }

    public boolean readable() {
        return error == null;
    }

    /** Within the threshold: readable and below {@code warnRecords}. */
    public boolean ok(long warnRecords) {
        return readable() && records < warnRecords;
    }

    public String describe(long warnRecords) {
        if (!readable()) {
            return "lag of consumer group " + group + " unreadable: " + error;
        }
        return "consumer group " + group + " is " + records + " records behind over " + partitions + " partitions"
                + (records < warnRecords ? "" : ", at or over the warning threshold of " + warnRecords
                        + " (docs/operations.md: Consumer lag)");
    }
}
