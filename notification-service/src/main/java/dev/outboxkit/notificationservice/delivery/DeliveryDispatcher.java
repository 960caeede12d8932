package dev.outboxkit.notificationservice.delivery;

import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.outboxkit.messaging.Causes;
import dev.outboxkit.messaging.TransientFailures;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.ext.mail.SMTPException;

/**
 * Sends the emails the ledger owes, each on its own and several at a time ({@code senders}), so that one
 * customer's failing or slow email never holds up another's. A failure is retried with backoff until the attempt budget is spent, then the event
 * is dead-lettered. Consumers wake the dispatcher after they commit; otherwise it polls.
 * <p>
 * The senders are kept busy: whenever a quarter of them are idle (and due emails exist), the dispatcher claims
 * that many more, instead of waiting for a whole batch to settle, so a mail server that takes 100-200 ms per
 * message sees {@code senders} conversations at once (each over a pooled, kept-alive SMTP connection).
 * <p>
 * The one window left: the server accepts an email and this process dies before it records SENT; the
 * lease expires and the email goes again, with the same Message-ID (see {@link EmailComposer}), and the
 * ledger counts it as an unconfirmed send. A database outage at that moment does not open the window:
 * the outcome is recorded as soon as the database is back.
 */
@ApplicationScoped
public class DeliveryDispatcher {

    private final DeliveryLedger ledger;
    private final EmailComposer composer;
    private final Mailer mailer;
    private final DeadLetters deadLetters;
    private final DeliveryConfig config;
    private final MeterRegistry metrics;
    private final Clock clock;
    private static final Duration RECORD_RETRY_WAIT = Duration.ofMillis(500);

    private final Semaphore wake = new Semaphore(0);
    /** One permit per sender that is not sending. */
    private Semaphore idle;
    private volatile boolean running;
    private Thread worker;
    private ExecutorService senders;

    DeliveryDispatcher(DeliveryLedger ledger, EmailComposer composer, Mailer mailer, DeadLetters deadLetters,
            DeliveryConfig config, MeterRegistry metrics, Clock clock) {
        this.ledger = ledger;
        this.composer = composer;
        this.mailer = mailer;
        this.deadLetters = deadLetters;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
    }

    void start(@Observes StartupEvent startup) {
        running = true;
        idle = new Semaphore(config.senders());
        senders = Executors.newFixedThreadPool(config.senders(),
                Thread.ofPlatform().name("delivery-sender-", 1).daemon(true).factory());
        worker = Thread.ofPlatform().name("delivery-dispatcher").daemon(true).start(this::run);
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        wake.release();
        worker.join(10_000);
        senders.shutdown();
        senders.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** Something new may be due: look now rather than at the next poll. */
    public void wakeUp() {
        wake.release();
    }

    private void run() {
        while (running) {
            boolean more = false;
            try {
                more = dispatchDue();
            } catch (RuntimeException e) {
                Log.warnf(e, "Dispatching emails failed; trying again in %s", config.pollInterval());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (!more) {
                try {
                    wake.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Waits until enough senders are idle (a quarter of them, at least one), claims that many due emails (up to
     * the batch size) and hands them over; each sender frees itself when its email is settled (sent, retrying or
     * dead-lettered). @return whether more may be due right now (every idle sender got an email).
     */
    boolean dispatchDue() throws InterruptedException {
        int refill = Math.max(1, config.senders() / 4);
        if (!idle.tryAcquire(refill, config.pollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
            return true; // all busy: look again once some are done
        }
        int taken = refill + idle.drainPermits();
        int limit = Math.min(config.batchSize(), taken);
        List<Outgoing> due;
        try {
            due = claimAndCompose(limit);
        } catch (RuntimeException e) {
            idle.release(taken);
            throw e;
        }
        idle.release(taken - due.size());
        for (Outgoing outgoing : due) {
            senders.execute(() -> {
                try {
                    deliver(outgoing);
                } catch (RuntimeException e) {
                    // The lease runs out and the email is claimed again; nothing is lost.
                    Log.warnf(e, "Sending an email failed outside its own error handling");
                } finally {
                    idle.release();
                }
            });
        }
        return !due.isEmpty() && due.size() == limit;
    }

    /** A claimed delivery and its email, composed in the claim's transaction (or why it could not be). */
    private record Outgoing(DeliveryLedger.Claim delivery, Mail mail, RuntimeException composeFailure) {
    }

    /**
     * One transaction per claim: the leases, the rows and the directory reads the emails need, instead of a read and
     * a transaction per email. An email that cannot be composed (its customer not known yet) fails alone.
     */
    private List<Outgoing> claimAndCompose(int limit) {
        Instant leaseUntil = clock.instant().plus(config.lease());
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Outgoing> outgoing = new ArrayList<>();
            for (DeliveryLedger.Claim claim : ledger.claimDue(limit, leaseUntil)) {
                try {
                    outgoing.add(new Outgoing(claim, composer.compose(claim), null));
                } catch (RuntimeException e) {
                    outgoing.add(new Outgoing(claim, null, e));
                }
            }
            return outgoing;
        });
    }

    private void deliver(Outgoing outgoing) {
        DeliveryLedger.Claim delivery = outgoing.delivery();
        UUID eventId = delivery.eventId();
        if (delivery.takenOver()) {
            unconfirmed(delivery);
            Log.warnf("Email for event %s is sent again after its sender stopped mid-send; the customer may get it twice "
                    + "(same Message-ID)", eventId);
        }
        if (outgoing.composeFailure() != null) {
            failed(delivery, describe(outgoing.composeFailure()), false);
            return;
        }
        Mail mail = outgoing.mail();
        try {
            mailer.send(mail);
        } catch (RuntimeException e) {
            boolean mayHaveArrived = mayHaveArrived(e);
            if (mayHaveArrived) {
                unconfirmed(delivery);
            }
            failed(delivery, describe(e), mayHaveArrived);
            return;
        }
        recordSent(eventId, mail.getTo().get(0));
        attempt(delivery, "sent");
    }

    private void failed(DeliveryLedger.Claim delivery, String error, boolean mayHaveArrived) {
        UUID eventId = delivery.eventId();
        if (ledger.markFailed(eventId, error, mayHaveArrived)) {
            deadLetters.publish(delivery.source(), "Gave up after " + config.maxAttempts() + " attempts: " + error);
            ledger.markDeadLettered(eventId, error);
            attempt(delivery, "dead_lettered");
            Log.errorf("Email for event %s dead-lettered after %d attempts: %s", eventId, config.maxAttempts(), error);
        } else {
            attempt(delivery, "retry");
            Log.warnf("Email for event %s failed (attempt %d), will retry: %s", eventId, delivery.attempts() + 1, error);
        }
    }

    /** notification_email_unconfirmed_sends_total{kind}: sends that may have reached the customer though none was recorded. */
    private void unconfirmed(DeliveryLedger.Claim delivery) {
        metrics.counter("notification.email.unconfirmed.sends", "kind", delivery.kind().name()).increment();
    }

    /**
     * The server has the email now. Giving up on recording that over a database outage would let the lease
     * run out and send it again, so a transient failure is retried, for up to half the lease.
     */
    private void recordSent(UUID eventId, String recipient) {
        Instant giveUpAt = clock.instant().plus(config.lease().dividedBy(2));
        while (true) {
            try {
                ledger.markSent(eventId, recipient);
                return;
            } catch (RuntimeException e) {
                if (!TransientFailures.isTransient(e) || clock.instant().isAfter(giveUpAt)) {
                    throw e;
                }
                Log.warnf("Email for event %s was sent but recording it failed; trying again: %s", eventId, describe(e));
                try {
                    Thread.sleep(RECORD_RETRY_WAIT);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /**
     * Refused at connect, or answered with an SMTP error: the server did not take the email. Anything else
     * (a reset or a timeout mid-conversation) may have come after the server accepted it.
     */
    static boolean mayHaveArrived(Throwable failure) {
        return Causes.of(failure).noneMatch(cause -> cause instanceof ConnectException || cause instanceof SMTPException);
    }

    /** notification_email_attempts_total{kind, outcome}: sent, retry (failed, tried again later), dead_lettered. */
    private void attempt(DeliveryLedger.Claim delivery, String outcome) {
        metrics.counter("notification.email.attempts", "kind", delivery.kind().name(), "outcome", outcome).increment();
    }

    private static String describe(Throwable e) {
        Throwable root = Causes.root(e);
        String message = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        return message.length() > 1000 ? message.substring(0, 1000) : message;
    }
}
