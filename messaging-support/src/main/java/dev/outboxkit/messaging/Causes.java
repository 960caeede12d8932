package dev.outboxkit.messaging;

import java.util.Objects;
import java.util.stream.Stream;

/** A failure's chain of causes, which is where a wrapped SQL state or socket error is to be found. */
public final class Causes {

    private Causes() {
    }

    /** The failure and its causes, outermost first; a cause that names itself ends the chain. */
    public static Stream<Throwable> of(Throwable failure) {
        return Stream.iterate(failure, Objects::nonNull, cause -> cause.getCause() == cause ? null : cause.getCause());
    }

    /** The innermost cause, or the failure itself when it has none. */
    public static Throwable root(Throwable failure) {
        return of(failure).reduce((outer, inner) -> inner).orElseThrow();
    }
}
