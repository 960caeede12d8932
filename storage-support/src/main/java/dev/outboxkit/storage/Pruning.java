package dev.outboxkit.storage;

/**
 * One kind of old row and what becomes of it, as the single statement a batch executes. The statement picks its
 * rows oldest first with {@code FOR UPDATE SKIP LOCKED}, so a batch never waits for a row that a request, a consumer
 * or another instance's pruning holds, and two instances never count the same row. Its two parameters are the
 * retention window in seconds and the batch size ({@link BatchPruner} binds them).
 *
 * @param table  the table, as the metrics tag it
 * @param action what happens to the rows: {@code deleted}, or {@code compacted} (kept, without what is no longer needed)
 */
public record Pruning(String table, String action, String sql) {

    /**
     * @param key       the primary key's column(s), e.g. {@code event_id} or {@code scope, idempotency_key}
     * @param age       the column that dates a row; rows older than the window go first (it should be indexed)
     * @param condition which rows may go at all, e.g. {@code status = 'SENT'}
     */
    public static Pruning deleting(String table, String key, String age, String condition) {
        return new Pruning(table, "deleted",
                "DELETE FROM " + table + " WHERE (" + key + ") IN (" + oldestFirst(table, key, age, condition) + ")");
    }

    /** As {@link #deleting}, but the rows stay: {@code assignments} (e.g. {@code payload = ''}) is what they lose. */
    public static Pruning compacting(String table, String assignments, String key, String age, String condition) {
        return new Pruning(table, "compacted", "UPDATE " + table + " SET " + assignments + " WHERE (" + key + ") IN ("
                + oldestFirst(table, key, age, condition) + ")");
    }

    private static String oldestFirst(String table, String key, String age, String condition) {
        return "SELECT " + key + " FROM " + table + " WHERE (" + condition + ") AND " + age
                + " < now() - make_interval(secs => ?) ORDER BY " + age + " LIMIT ? FOR UPDATE SKIP LOCKED";
    }
}
