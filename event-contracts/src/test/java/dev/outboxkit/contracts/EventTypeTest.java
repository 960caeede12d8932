package dev.outboxkit.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class EventTypeTest {

    private static final Path CONTRACTS = Path.of("..", "src-deploy", "contracts");

    @Test
    void everyEventTypeHasAContractUnderItsAggregateAndEveryContractAnEventType() throws IOException {
        List<String> contracts;
        try (Stream<Path> files = Files.walk(CONTRACTS)) {
            contracts = files.filter(f -> f.getFileName().toString().endsWith(".schema.json"))
                    .map(f -> f.getParent().getFileName() + "/" + f.getFileName().toString().replaceFirst("\\.v\\d+\\.schema\\.json$", ""))
                    .distinct()
                    .toList();
        }
        List<String> declared = Arrays.stream(EventType.values())
                .map(t -> t.aggregate().wireName() + "/" + t.wireName())
                .toList();
        assertThat(declared).containsExactlyInAnyOrderElementsOf(contracts);
    }

    @Test
    void aHeaderIsLookedUpByItsWireNameOnly() {
        assertThat(EventType.named("InvoiceCreated")).contains(EventType.INVOICE_CREATED);
        assertThat(EventType.INVOICE_CREATED.aggregate()).isEqualTo(AggregateType.ORDER);
        assertThat(EventType.named("INVOICE_CREATED")).isEmpty();
        assertThat(EventType.named("CustomerTeleported")).isEmpty();
        assertThat(EventType.named(null)).isEmpty();
    }
}
