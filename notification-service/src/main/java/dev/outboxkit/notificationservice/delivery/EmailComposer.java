package dev.outboxkit.notificationservice.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.outboxkit.notificationservice.events.InvoiceCreated;
import dev.outboxkit.notificationservice.invoice.InvoiceEmail;
import dev.outboxkit.notificationservice.projection.CustomerView;
import dev.outboxkit.notificationservice.projection.OrganizationView;
import dev.outboxkit.notificationservice.projection.Projection;
import dev.outboxkit.notificationservice.welcome.WelcomeEmail;
import io.quarkus.mailer.Mail;

/** Turns a ledger entry into the email to send, from the latest projection at the moment of sending. */
@ApplicationScoped
public class EmailComposer {

    private final Projection projection;
    private final WelcomeEmail welcome;
    private final InvoiceEmail invoice;
    private final ObjectMapper mapper;

    EmailComposer(Projection projection, WelcomeEmail welcome, InvoiceEmail invoice, ObjectMapper mapper) {
        this.projection = projection;
        this.welcome = welcome;
        this.invoice = invoice;
        this.mapper = mapper;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Mail compose(Delivery delivery) {
        CustomerView customer = projection.customer(delivery.getCustomerId())
                .orElseThrow(() -> new IllegalStateException("Customer " + delivery.getCustomerId() + " is not known yet"));
        Mail mail = switch (delivery.getKind()) {
            case WELCOME -> welcome.compose(customer);
            case INVOICE -> {
                InvoiceCreated invoiced = parse(delivery.source().payload());
                String organization = projection.organization(
                                invoiced.organizationId() != null ? invoiced.organizationId() : customer.getOrganizationId())
                        .map(OrganizationView::getName).orElse(null);
                yield invoice.compose(customer, organization, invoiced);
            }
        };
        // A stable Message-ID per event lets mail systems recognise a resent duplicate.
        return mail.addHeader("Message-ID", "<" + delivery.getEventId() + "@notification.outboxkit>");
    }

    private InvoiceCreated parse(String payload) {
        try {
            return mapper.readValue(payload, InvoiceCreated.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored InvoiceCreated payload is unreadable", e);
        }
    }
}
