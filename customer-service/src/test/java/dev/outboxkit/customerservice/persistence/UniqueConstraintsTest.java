package dev.outboxkit.customerservice.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Test;

import dev.outboxkit.problem.ConflictException;
import dev.outboxkit.problem.DomainProblem;

/** A plain JUnit test: an EntityManager whose flush fails as Hibernate's does, no database. */
class UniqueConstraintsTest {

    private static final ConflictException EMAIL_TAKEN = new ConflictException("Email already registered", "taken");
    private static final ConflictException SECOND_PROFILE = new ConflictException("Profile exists", "exists");

    private final AtomicInteger flushes = new AtomicInteger();

    /** Only flush is used; it throws {@code failure} (or nothing) and counts its calls. */
    private EntityManager flushing(RuntimeException failure) {
        return (EntityManager) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { EntityManager.class },
                (proxy, method, args) -> {
                    if (!method.getName().equals("flush")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    flushes.incrementAndGet();
                    if (failure != null) {
                        throw failure;
                    }
                    return null;
                });
    }

    private static ConstraintViolationException violated(String constraint) {
        return new ConstraintViolationException("duplicate key value violates unique constraint",
                new SQLException("duplicate key", "23505"), constraint);
    }

    private static Map<String, Supplier<? extends DomainProblem>> refusals() {
        return Map.of("customer_email_key", () -> EMAIL_TAKEN, "customer_owner_subject_key", () -> SECOND_PROFILE);
    }

    @Test
    void aCleanFlushRefusesNothing() {
        assertThatCode(() -> UniqueConstraints.flushOrRefuse(flushing(null), refusals())).doesNotThrowAnyException();
        assertThat(flushes).hasValue(1);
    }

    @Test
    void eachViolatedIndexGetsItsOwnRefusal() {
        assertThatThrownBy(() -> UniqueConstraints.flushOrRefuse(flushing(violated("customer_email_key")), refusals()))
                .isSameAs(EMAIL_TAKEN);
        assertThatThrownBy(() -> UniqueConstraints.flushOrRefuse(flushing(violated("customer_owner_subject_key")), refusals()))
                .isSameAs(SECOND_PROFILE);
        assertThat(flushes).hasValue(2);
    }

    @Test
    void theViolationIsFoundWhereverItIsInTheCauseChain() {
        PersistenceException wrapped = new PersistenceException("flush failed",
                new RuntimeException("batch failed", violated("customer_email_key")));
        assertThatThrownBy(() -> UniqueConstraints.flushOrRefuse(flushing(wrapped), "customer_email_key", () -> EMAIL_TAKEN))
                .isSameAs(EMAIL_TAKEN);
    }

    @Test
    void anotherIndexOrAnotherFailureIsRethrownAsItCame() {
        ConstraintViolationException otherIndex = violated("organization_name_key");
        assertThatThrownBy(() -> UniqueConstraints.flushOrRefuse(flushing(otherIndex), refusals())).isSameAs(otherIndex);

        PersistenceException lockTimeout = new PersistenceException("lock timeout", new SQLException("timeout", "55P03"));
        assertThatThrownBy(() -> UniqueConstraints.flushOrRefuse(flushing(lockTimeout), refusals())).isSameAs(lockTimeout);
    }

    @Test
    void aViolationWithoutAConstraintNameIsRethrownNotANullPointer() {
        // Hibernate leaves the name null when it cannot read it from the driver's message.
        ConstraintViolationException unnamed = violated(null);
        assertThatThrownBy(() -> UniqueConstraints.flushOrRefuse(flushing(unnamed), refusals())).isSameAs(unnamed);
    }

    @Test
    void aFailureThatIsNotAPersistenceExceptionPassesUntouched() {
        IllegalStateException closed = new IllegalStateException("EntityManager is closed");
        assertThatThrownBy(() -> UniqueConstraints.flushOrRefuse(flushing(closed), refusals())).isSameAs(closed);
    }
}
