package dev.outboxkit.orderservice.rebuild;

import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.common.TopicPartition;

import dev.outboxkit.problem.ConflictException;

/** The topics no longer hold every event since the start, so a rebuild from them would lose state. */
public class HistoryIncompleteException extends ConflictException {

    public HistoryIncompleteException(Map<TopicPartition, Long> firstOffsets) {
        super("The event topics no longer hold the whole history",
                "A rebuild replays the topics from offset 0, but " + describe(firstOffsets) + ": the events before "
                        + "were deleted by retention, and a rebuild would forget them. Nothing was changed. Keep the "
                        + "event topics with unlimited retention (retention.ms=-1) to be able to rebuild.");
    }

    private static String describe(Map<TopicPartition, Long> firstOffsets) {
        return firstOffsets.entrySet().stream()
                .map(e -> e.getKey().topic() + " partition " + e.getKey().partition() + " starts at offset " + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
