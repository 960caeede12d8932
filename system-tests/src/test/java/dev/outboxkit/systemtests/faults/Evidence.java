package dev.outboxkit.systemtests.faults;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;

import dev.outboxkit.systemtests.Databases;
import dev.outboxkit.systemtests.Mailbox;

/**
 * What a fault-injection run left behind, read from where it is true rather than from what clients were
 * told: the services' databases (what committed), the topics, the SMTP server, the ledger and the slots.
 * {@link #violations()} lists every broken promise; the counts feed the printed table.
 */
final class Evidence {

    /** A customer of this run as customer-service committed it: its last event's sequence included. */
    record Customer(String id, String email, long lastSequence) {
    }

    /** An order of this run as order-service committed it, and its invoice number if it was confirmed. */
    record Order(String id, String customerId, long lastSequence, String invoice) {
    }

    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*(<[^>]+>)");

    final List<Customer> customers = new ArrayList<>();
    final List<Order> orders = new ArrayList<>();
    /** What one address's mailbox holds, per kind: copies, and distinct emails (Message-IDs). */
    record Received(long welcomeCopies, long welcomeEmails, long invoiceCopies, long invoiceEmails) {
        long copies() {
            return welcomeCopies + invoiceCopies;
        }
    }

    final Map<String, Received> mail = new HashMap<>();
    final Map<String, long[]> sentInLedger = new HashMap<>();  // address -> {welcome, invoice, unconfirmed sends}
    /**
     * Where notification-service stands with each customer (its applied_sequence row). Its dedupe rule applies an
     * event only past the last sequence or into a recorded gap, so "at sequence n, no gap ever" means it applied
     * 1..n, once each, in order.
     */
    record Applied(long lastSequence, long gaps, String missing) {
        boolean inOrderUpTo(long sequence) {
            return lastSequence == sequence && gaps == 0 && missing.isEmpty();
        }
    }

    final Map<String, Applied> appliedByNotification = new HashMap<>();
    final Map<String, List<Long>> loggedByOrderService = new HashMap<>();
    final Map<String, Long> orderServiceCustomerSequence = new HashMap<>();
    final Map<String, Long> retainedWal = new LinkedHashMap<>();
    final List<String> rolledBack = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();
    long lost;
    long duplicated;
    long resentAfterUnknownOutcome;

    static Evidence collect(Traffic traffic, TopicRecorder topics) throws Exception {
        Evidence evidence = new Evidence();
        evidence.read(traffic);
        evidence.check(traffic, topics);
        return evidence;
    }

    /** True once every committed effect has reached every consumer and every email owed is sent. */
    static boolean settled(Traffic traffic, TopicRecorder topics) throws Exception {
        Evidence evidence = new Evidence();
        evidence.read(traffic);
        for (Customer c : evidence.customers) {
            if (topics.arrivals(c.id()).size() < c.lastSequence()
                    || evidence.appliedByNotification.getOrDefault(c.id(), new Applied(0, 0, "")).lastSequence() < c.lastSequence()
                    || evidence.sentInLedger.getOrDefault(c.email(), new long[3])[0] < 1
                    || evidence.orderServiceCustomerSequence.getOrDefault(c.id(), 0L) < c.lastSequence()) {
                return false;
            }
        }
        long invoices = evidence.orders.stream().filter(o -> o.invoice() != null).count();
        long invoicesSent = evidence.sentInLedger.values().stream().mapToLong(n -> n[1]).sum();
        return invoicesSent >= invoices && evidence.orders.stream()
                .allMatch(o -> evidence.loggedByOrderService.getOrDefault(o.id(), List.of()).size() >= o.lastSequence());
    }

    private void read(Traffic traffic) throws Exception {
        String addresses = "%" + traffic.emailDomain();
        for (String[] row : Databases.rows("customer",
                "SELECT id::text, email, event_sequence::text FROM customer WHERE email LIKE ?", addresses)) {
            customers.add(new Customer(row[0], row[1], Long.parseLong(row[2])));
        }
        for (String[] row : Databases.rows("orders", """
                SELECT o.id::text, o.customer_id::text, o.event_sequence::text, i.number
                FROM orders o LEFT JOIN invoice i ON i.order_id = o.id
                WHERE o.purchase_order_number LIKE ?""", "PO-" + traffic.run + "-%")) {
            orders.add(new Order(row[0], row[1], Long.parseLong(row[2]), row[3]));
        }
        for (String[] row : Databases.rows("notification", """
                SELECT c.email, d.kind, d.unconfirmed_sends::text FROM delivery d
                JOIN customer_view c ON c.customer_id = d.customer_id
                WHERE c.email LIKE ? AND d.status = 'SENT'""", addresses)) {
            long[] ledger = sentInLedger.computeIfAbsent(row[0], a -> new long[3]);
            ledger[row[1].equals("WELCOME") ? 0 : 1]++;
            ledger[2] += Long.parseLong(row[2]);
        }
        for (String[] row : Databases.rows("notification", """
                SELECT a.aggregate_id, a.last_sequence::text, a.gaps::text, a.missing FROM applied_sequence a
                WHERE a.consumer = 'notification-service' AND a.aggregate_type = 'customer'
                  AND a.aggregate_id IN (SELECT customer_id::text FROM customer_view WHERE email LIKE ?)""", addresses)) {
            appliedByNotification.put(row[0], new Applied(Long.parseLong(row[1]), Long.parseLong(row[2]), row[3]));
        }
        for (String[] row : Databases.rows("orders", """
                SELECT l.order_id::text, l.sequence::text FROM order_event_log l JOIN orders o ON o.id = l.order_id
                WHERE o.purchase_order_number LIKE ? ORDER BY l.order_id, l.sequence""", "PO-" + traffic.run + "-%")) {
            loggedByOrderService.computeIfAbsent(row[0], a -> new ArrayList<>()).add(Long.parseLong(row[1]));
        }
        for (String[] row : Databases.rows("orders",
                "SELECT customer_id::text, last_sequence::text FROM customer_view WHERE email LIKE ?", addresses)) {
            orderServiceCustomerSequence.put(row[0], Long.parseLong(row[1]));
        }
    }

    private void check(Traffic traffic, TopicRecorder topics) throws Exception {
        for (Customer c : customers) {
            readMailbox(c.email());
        }
        for (Traffic.SignUp signUp : traffic.signUps) {
            if (customers.stream().noneMatch(c -> c.email().equals(signUp.email()))) {
                rolledBack.add(signUp.email());
                readMailbox(signUp.email());
            }
        }
        for (String[] row : Databases.rows("customer",
                "SELECT slot_name, pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)::bigint::text FROM pg_replication_slots "
                        + "WHERE slot_name LIKE ? ORDER BY slot_name", "%outbox")) {
            retainedWal.put(row[0], Long.parseLong(row[1]));
        }
        checkEmails();
        checkOrder(topics);
    }

    private void readMailbox(String address) throws Exception {
        long welcome = 0;
        long invoice = 0;
        Set<String> welcomeIds = new HashSet<>();
        Set<String> invoiceIds = new HashSet<>();
        for (Mailbox.Message message : new Mailbox(address).messages()) {
            Matcher id = MESSAGE_ID.matcher(message.raw());
            String messageId = id.find() ? id.group(1) : "none:" + UUID.randomUUID();
            if (message.subject().startsWith("Welcome,")) {
                welcome++;
                welcomeIds.add(messageId);
            } else {
                invoice++;
                invoiceIds.add(messageId);
            }
        }
        mail.put(address, new Received(welcome, welcomeIds.size(), invoice, invoiceIds.size()));
    }

    private void checkEmails() {
        Map<String, Long> invoicesOwed = new HashMap<>();
        for (Order order : orders) {
            if (order.invoice() != null) {
                String email = customers.stream().filter(c -> c.id().equals(order.customerId())).findFirst().orElseThrow().email();
                invoicesOwed.merge(email, 1L, Long::sum);
            }
        }
        for (Customer c : customers) {
            Received received = mail.get(c.email());
            expectEmails(c.email(), "welcome", 1, received.welcomeEmails());
            expectEmails(c.email(), "invoice", invoicesOwed.getOrDefault(c.email(), 0L), received.invoiceEmails());
            long[] ledger = sentInLedger.getOrDefault(c.email(), new long[3]);
            if (ledger[0] != received.welcomeEmails() || ledger[1] != received.invoiceEmails()) {
                violations.add("ledger says " + ledger[0] + " welcome + " + ledger[1] + " invoice emails sent to " + c.email()
                        + ", the mail server holds " + received.welcomeEmails() + " + " + received.invoiceEmails());
            }
            // A second copy of the same email is SMTP's one open window (sender killed between the server's
            // acceptance and the ledger's commit); the ledger must have flagged every such copy.
            long extraCopies = received.copies() - received.welcomeEmails() - received.invoiceEmails();
            resentAfterUnknownOutcome += extraCopies;
            if (extraCopies > ledger[2]) {
                duplicated += extraCopies - ledger[2];
                violations.add(c.email() + " holds " + extraCopies + " repeated copies, the ledger flagged " + ledger[2]
                        + " unconfirmed sends");
            }
        }
        for (String address : rolledBack) {
            long received = mail.get(address).copies();
            if (received > 0) {
                violations.add(address + " was never committed (its sign-up failed) but got " + received + " emails");
                duplicated += received;
            }
        }
    }

    private void expectEmails(String address, String kind, long owed, long received) {
        if (received < owed) {
            lost += owed - received;
            violations.add(address + " is owed " + owed + " " + kind + " email(s), the mail server holds " + received);
        } else if (received > owed) {
            duplicated += received - owed;
            violations.add(address + " is owed " + owed + " " + kind + " email(s), the mail server holds " + received);
        }
    }

    /** Each aggregate's events, once each and in sequence order: on the topics, at notification-service, at order-service. */
    private void checkOrder(TopicRecorder topics) {
        for (Customer c : customers) {
            List<Long> expected = LongStream.rangeClosed(1, c.lastSequence()).boxed().toList();
            expectSequences("customer " + c.id() + " on customer.events", expected, topics.arrivals(c.id()));
            Applied applied = appliedByNotification.getOrDefault(c.id(), new Applied(0, 0, ""));
            if (!applied.inOrderUpTo(c.lastSequence())) {
                lost += Math.max(0, c.lastSequence() - applied.lastSequence());
                violations.add("customer " + c.id() + " handled by notification-service: " + applied + ", expected sequence "
                        + c.lastSequence() + " reached in order, without a gap");
            }
            Long known = orderServiceCustomerSequence.get(c.id());
            if (known == null || known != c.lastSequence()) {
                violations.add("order-service's view of customer " + c.id() + " is at sequence " + known + ", not " + c.lastSequence());
            }
        }
        for (Order o : orders) {
            List<Long> expected = LongStream.rangeClosed(1, o.lastSequence()).boxed().toList();
            expectSequences("order " + o.id() + " on order.events", expected, topics.arrivals(o.id()));
            expectSequences("order " + o.id() + " in order-service's history", expected,
                    loggedByOrderService.getOrDefault(o.id(), List.of()));
        }
    }

    private void expectSequences(String where, List<Long> expected, List<Long> actual) {
        if (!actual.equals(expected)) {
            if (actual.size() < expected.size()) {
                lost += expected.size() - actual.size();
            }
            violations.add(where + ": sequences " + actual + ", expected " + expected);
        }
    }

    List<String> violations() {
        return List.copyOf(violations);
    }

    long emails() {
        return mail.values().stream().mapToLong(Received::copies).sum();
    }
}
