package dev.outboxkit.storage;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

/** Defaults and environment variables: storage-support's META-INF/microprofile-config.properties. */
@ConfigMapping(prefix = "storage")
public interface StorageConfig {

    PruningSettings pruning();

    TableSizeSettings tableSizes();

    interface PruningSettings {

        /** Rows one statement removes or compacts (env STORAGE_PRUNING_BATCH_SIZE). */
        int batchSize();

        /** The most statements one run executes; a backlog beyond that waits for the next run (env STORAGE_PRUNING_MAX_BATCHES). */
        int maxBatches();
    }

    interface TableSizeSettings {

        /** How often the table gauges are read (env STORAGE_TABLE_SIZES_REFRESH_INTERVAL). */
        Duration refreshInterval();
    }
}
