package dev.outboxkit.notificationservice.welcome;

import jakarta.enterprise.context.ApplicationScoped;

import dev.outboxkit.messaging.directory.KnownCustomer;
import io.quarkus.mailer.Mail;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;

/** The welcome email, in text and HTML, from the customer's latest known name and address. */
@ApplicationScoped
public class WelcomeEmail {

    private final Template text;
    private final Template html;

    WelcomeEmail(@Location("welcome.txt") Template text, @Location("welcome.html") Template html) {
        this.text = text;
        this.html = html;
    }

    public Mail compose(KnownCustomer known) {
        Recipient customer = new Recipient(known.name(), known.email());
        return Mail.withText(customer.email(), "Welcome, " + customer.name() + "!", text.data("customer", customer).render())
                .setHtml(html.data("customer", customer).render());
    }

    /** What the templates may use; registered for native images. */
    @TemplateData
    public record Recipient(String name, String email) {
    }
}
