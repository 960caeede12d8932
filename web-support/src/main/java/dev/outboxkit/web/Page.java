package dev.outboxkit.web;

import java.util.List;
import java.util.function.Function;

/** One page of a list response. Pages count from 0. */
public record Page<T>(List<T> items, int page, int size, long totalItems, long totalPages) {

    public static <E, T> Page<T> of(List<E> items, int page, int size, long totalItems, Function<E, T> mapper) {
        long totalPages = (totalItems + size - 1) / size;
        return new Page<>(items.stream().map(mapper).toList(), page, size, totalItems, totalPages);
    }
}
