package dev.outboxkit.customerservice.persistence;

import java.util.function.Supplier;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import org.hibernate.exception.ConstraintViolationException;

import dev.outboxkit.problem.DomainProblem;

/** Turns a unique index's verdict into the domain's refusal, for the race that a prior check cannot close. */
public final class UniqueConstraints {

    private UniqueConstraints() {
    }

    public static void flushOrRefuse(EntityManager em, String constraint, Supplier<? extends DomainProblem> refusal) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof ConstraintViolationException violation && constraint.equals(violation.getConstraintName())) {
                    throw refusal.get();
                }
            }
            throw e;
        }
    }
}
