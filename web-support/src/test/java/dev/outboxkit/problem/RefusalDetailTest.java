package dev.outboxkit.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.concurrent.RejectedExecutionException;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.junit.jupiter.api.Test;

/** A refusal's own subclass speaks to the client; the JDK's or Hibernate's base class never leaks its message. */
class RefusalDetailTest {

    private final ProblemMappers mappers = new ProblemMappers();
    private final UriInfo uri = (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[] {UriInfo.class},
            (proxy, method, args) -> method.getName().equals("getPath") ? "/customers" : null);

    @Test
    void aSubclassOfRejectedExecutionIsA503WithItsOwnMessage() {
        Problem problem = body(mappers.notNow(new RejectedExecutionException("relay slot missing") { }, uri));

        assertThat(problem.status()).isEqualTo(503);
        assertThat(problem.title()).isEqualTo("Not accepting changes yet");
        assertThat(problem.detail()).isEqualTo("relay slot missing");
    }

    @Test
    void aFullPoolIsA503ThatNamesNoInternals() {
        Problem problem = body(mappers.notNow(
                new RejectedExecutionException("Task x rejected from java.util.concurrent.ThreadPoolExecutor@1f"), uri));

        assertThat(problem.status()).isEqualTo(503);
        assertThat(problem.title()).isEqualTo("Busy");
        assertThat(problem.detail()).doesNotContain("ThreadPoolExecutor");
    }

    @Test
    void hibernatesConflictIsA409InGeneralTerms() {
        Problem problem = body(mappers.concurrentChange(
                new OptimisticLockException("Row was updated or deleted by another transaction [Customer#42]"), uri));

        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.title()).isEqualTo("Concurrent modification");
        assertThat(problem.detail()).doesNotContain("Customer#42");
    }

    @Test
    void theApplicationsOwnStaleVersionSaysWhichVersions() {
        Problem problem = body(mappers.concurrentChange(new OptimisticLockException("Customer 42 is at version 3, not 2") { },
                uri));

        assertThat(problem.title()).isEqualTo("Stale version");
        assertThat(problem.detail()).isEqualTo("Customer 42 is at version 3, not 2");
    }

    private static Problem body(Response response) {
        return (Problem) response.getEntity();
    }
}
