package dev.outboxkit.storage;

/** What one pruning run did: rows removed or compacted, and how many statements (batches) it took. */
public record PruneRun(long rows, int batches) {
}
