package dev.outboxkit.notificationservice.invoice;

import java.math.BigDecimal;

import jakarta.enterprise.context.ApplicationScoped;

import dev.outboxkit.messaging.directory.KnownCustomer;
import dev.outboxkit.notificationservice.events.InvoiceCreated;
import io.quarkus.mailer.Mail;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;

/**
 * The invoice email, in text and HTML. Names come from the customer directory as it is when the email is sent,
 * not from when the order was placed: a customer or organization renamed since then is addressed by
 * the new name.
 */
@ApplicationScoped
public class InvoiceEmail {

    private final Template text;
    private final Template html;

    InvoiceEmail(@Location("invoice.txt") Template text, @Location("invoice.html") Template html) {
        this.text = text;
        this.html = html;
    }

    public Mail compose(KnownCustomer customer, String organizationName, InvoiceCreated invoice) {
        Data data = new Data(customer.name(), customer.email(), organizationName, invoice.invoiceNumber(),
                invoice.purchaseOrderNumber(), invoice.amount());
        return Mail.withText(customer.email(), "Invoice " + invoice.invoiceNumber() + " for order "
                        + invoice.purchaseOrderNumber(), text.data("invoice", data).render())
                .setHtml(html.data("invoice", data).render());
    }

    /** What the templates may use; registered for native images. */
    @TemplateData
    public record Data(String customerName, String email, String organizationName, String number,
            String purchaseOrderNumber, BigDecimal amount) {
    }
}
