package dev.outboxkit.web;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list: of domain results where a use case returns it, of response records where a resource does
 * ({@link #map}). Pages count from 0.
 */
public record Page<T>(List<T> items, int page, int size, long totalItems, long totalPages) {

    public static <T> Page<T> of(List<T> items, int page, int size, long totalItems) {
        return new Page<>(List.copyOf(items), page, size, totalItems, (totalItems + size - 1) / size);
    }

    /** The same page, each item mapped (a domain result to its response record, say). */
    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), page, size, totalItems, totalPages);
    }
}
