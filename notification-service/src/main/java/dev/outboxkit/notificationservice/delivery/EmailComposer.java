package dev.outboxkit.notificationservice.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.outboxkit.messaging.directory.CustomerDirectory;
import dev.outboxkit.messaging.directory.KnownCustomer;
import dev.outboxkit.notificationservice.events.InvoiceCreated;
import dev.outboxkit.notificationservice.invoice.InvoiceEmail;
import dev.outboxkit.notificationservice.welcome.WelcomeEmail;
import io.quarkus.mailer.Mail;

/** Turns a ledger entry into the email to send, from the customer directory as it is at the moment of sending. */
@ApplicationScoped
public class EmailComposer {

    private final CustomerDirectory directory;
    private final WelcomeEmail welcome;
    private final InvoiceEmail invoice;
    private final ObjectMapper mapper;

    EmailComposer(CustomerDirectory directory, WelcomeEmail welcome, InvoiceEmail invoice, ObjectMapper mapper) {
        this.directory = directory;
        this.welcome = welcome;
        this.invoice = invoice;
        this.mapper = mapper;
    }

    /** Reads the directory in the caller's transaction (the dispatcher's claim). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Mail compose(DeliveryLedger.Claim delivery) {
        KnownCustomer customer = directory.customer(delivery.customerId())
                .orElseThrow(() -> new IllegalStateException("Customer " + delivery.customerId() + " is not known yet"));
        Mail mail = switch (delivery.kind()) {
            case WELCOME -> welcome.compose(customer);
            case INVOICE -> {
                InvoiceCreated invoiced = parse(delivery.source().payload());
                String organization = directory.organizationName(
                                invoiced.organizationId() != null ? invoiced.organizationId() : customer.organizationId())
                        .orElse(null);
                yield invoice.compose(customer, organization, invoiced);
            }
        };
        // A stable Message-ID per event lets mail systems recognise a resent duplicate.
        return mail.addHeader("Message-ID", "<" + delivery.eventId() + "@notification.outboxkit>");
    }

    private InvoiceCreated parse(String payload) {
        try {
            return mapper.readValue(payload, InvoiceCreated.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored InvoiceCreated payload is unreadable", e);
        }
    }
}
