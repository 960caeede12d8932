package dev.outboxkit.notificationservice.welcome;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

@ApplicationScoped
public class WelcomeEmailService {

    private final Mailer mailer;
    private final Template text;
    private final Template html;

    WelcomeEmailService(Mailer mailer, @Location("welcome.txt") Template text, @Location("welcome.html") Template html) {
        this.mailer = mailer;
        this.text = text;
        this.html = html;
    }

    public void send(CustomerCreated customer) {
        Mail mail = Mail.withText(customer.email(), "Welcome, " + customer.name() + "!",
                text.data("customer", customer).render())
                .setHtml(html.data("customer", customer).render());
        mailer.send(mail);
        Log.infof("Welcome email sent to customer %s", customer.customerId());
    }
}
