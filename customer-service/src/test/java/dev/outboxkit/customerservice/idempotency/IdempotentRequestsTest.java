package dev.outboxkit.customerservice.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.outboxkit.problem.DomainProblem;
import dev.outboxkit.problem.UnprocessableException;

/**
 * A plain JUnit test of what IdempotentRequests decides without the database: the request's fingerprint, the
 * answer to a key found in its window, and the window as the claim's SQL takes it. (Claiming, expiry and replay
 * against PostgreSQL: IdempotencyKeyTest, KeyExpiryTest.)
 */
class IdempotentRequestsTest {

    @Test
    void theFingerprintIsTheRequestsSha256InLowerCaseHexAndFitsItsColumn() {
        // The FIPS 180-2 test vector for "abc".
        assertThat(IdempotentRequests.fingerprintOf("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(IdempotentRequests.fingerprintOf("{\"name\":\"Ada\"}")).hasSize(64).matches("[0-9a-f]{64}");
    }

    @Test
    void anyDifferenceInTheRequestsJsonIsAnotherRequest() {
        String ada = IdempotentRequests.fingerprintOf("{\"name\":\"Ada\",\"email\":\"ada@example.com\"}");
        assertThat(IdempotentRequests.fingerprintOf("{\"name\":\"Ada\",\"email\":\"ada@example.com\"}")).isEqualTo(ada);
        assertThat(IdempotentRequests.fingerprintOf("{\"name\":\"Ada\",\"email\":\"ada@example.org\"}")).isNotEqualTo(ada);
        assertThat(IdempotentRequests.fingerprintOf("{\"name\":\"Ada\",\"email\":null}")).isNotEqualTo(ada);
        assertThat(IdempotentRequests.fingerprintOf("")).isNotEqualTo(ada);
    }

    @Test
    void theSameRequestGetsTheStoredResponseMarkedAsReplayed() {
        String fingerprint = IdempotentRequests.fingerprintOf("{\"name\":\"Ada\"}");
        IdempotentRequests.Earlier earlier = new IdempotentRequests.Earlier(fingerprint, 201L, "/customers/42", "{\"id\":42}");
        assertThat(earlier.replayFor("key-1", fingerprint))
                .isEqualTo(new StoredResponse(201, "/customers/42", "{\"id\":42}", true));
    }

    @Test
    void anotherRequestUnderTheKeyIsRefusedNamingTheKey() {
        IdempotentRequests.Earlier earlier = new IdempotentRequests.Earlier(IdempotentRequests.fingerprintOf("first"), 201,
                "/organizations/7", "{}");
        assertThatThrownBy(() -> earlier.replayFor("key-7", IdempotentRequests.fingerprintOf("second")))
                .isInstanceOf(UnprocessableException.class)
                .hasMessageContaining("key-7")
                .satisfies(e -> {
                    assertThat(((DomainProblem) e).title()).isEqualTo("Idempotency-Key reused");
                    assertThat(((DomainProblem) e).status()).isEqualTo(422);
                });
    }

    @Test
    void theWindowKeepsFractionsOfASecond() {
        assertThat(IdempotentRequests.seconds(Duration.ofHours(24))).isEqualTo(86_400.0);
        assertThat(IdempotentRequests.seconds(Duration.ofMillis(1_500))).isEqualTo(1.5);
        assertThat(IdempotentRequests.seconds(Duration.ofMillis(999))).isEqualTo(0.999);
        assertThat(IdempotentRequests.seconds(Duration.ZERO)).isZero();
    }
}
