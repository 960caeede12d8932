package dev.outboxkit.customerservice.persistence;

import java.util.Map;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import org.hibernate.exception.ConstraintViolationException;

import dev.outboxkit.problem.DomainProblem;

/**
 * Turns a unique index's verdict into the domain's refusal. The index is the check: a query before the write would
 * cost a round trip on every change and could not close the race between two concurrent ones anyway.
 */
public final class UniqueConstraints {

    private UniqueConstraints() {
    }

    public static void flushOrRefuse(EntityManager em, String constraint, Supplier<? extends DomainProblem> refusal) {
        flushOrRefuse(em, Map.of(constraint, refusal));
    }

    /** One flush decides every unique index a change touches; each violated index names its own refusal. */
    public static void flushOrRefuse(EntityManager em, Map<String, Supplier<? extends DomainProblem>> refusals) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                // Hibernate leaves the name null when it cannot read it; Map.of's maps refuse to look up null.
                if (cause instanceof ConstraintViolationException violation && violation.getConstraintName() != null
                        && refusals.containsKey(violation.getConstraintName())) {
                    throw refusals.get(violation.getConstraintName()).get();
                }
            }
            throw e;
        }
    }
}
