package dev.outboxkit.notificationservice.access;

import static dev.outboxkit.testkit.AccessTable.ANONYMOUS;
import static dev.outboxkit.testkit.AccessTable.as;
import static dev.outboxkit.testkit.Identities.ALICE;
import static dev.outboxkit.testkit.Identities.CAROL;
import static dev.outboxkit.testkit.Identities.NOBODY;
import static dev.outboxkit.testkit.Identities.SAM;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.outboxkit.testkit.AccessTable;
import dev.outboxkit.testkit.AccessTable.Rule;
import dev.outboxkit.testkit.Identities;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The delivery ledger names recipients, so it is staff-only: support reads it, back-office also redrives.
 * Real tokens from the stack's Keycloak; every refusal is problem+json.
 */
@QuarkusTest
class LedgerAccessTest {

    @BeforeEach
    void noDefaultToken() {
        Identities.actAnonymously();
    }

    @Test
    void staffReadTheLedgerAndOnlyBackOfficeRedrives() {
        String unknown = UUID.randomUUID().toString();
        List<Rule> rules = new ArrayList<>();
        for (String caller : List.of(ANONYMOUS, NOBODY, CAROL, SAM, ALICE)) {
            int refused = caller.equals(ANONYMOUS) ? 401 : 403;
            boolean staff = caller.equals(SAM) || caller.equals(ALICE);
            rules.add(new Rule(caller, "GET", "/deliveries", staff ? 200 : refused));
            rules.add(new Rule(caller, "GET", "/deliveries/missing-welcome", staff ? 200 : refused));
            rules.add(new Rule(caller, "GET", "/deliveries/" + unknown, staff ? 404 : refused));
            rules.add(new Rule(caller, "POST", "/deliveries/" + unknown + "/redrive", caller.equals(ALICE) ? 404 : refused));
            rules.add(new Rule(caller, "GET", "/q/health/ready", 200));
        }
        assertThat(AccessTable.mismatches(rules, rule -> as(rule.caller()).request(rule.method(), rule.path()))).isEmpty();
    }
}
