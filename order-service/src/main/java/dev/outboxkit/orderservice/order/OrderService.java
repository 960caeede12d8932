package dev.outboxkit.orderservice.order;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.outboxkit.messaging.directory.CustomerDirectory;
import dev.outboxkit.messaging.directory.KnownCustomer;
import dev.outboxkit.orderservice.invoice.Invoice;
import dev.outboxkit.orderservice.invoice.InvoiceRepository;
import dev.outboxkit.orderservice.shared.OrderStatus;
import dev.outboxkit.outbox.EventPublisher;
import dev.outboxkit.problem.ConflictException;
import dev.outboxkit.problem.NotFoundException;
import dev.outboxkit.problem.UnprocessableException;

/** The order use cases; each change writes its events in the same transaction. */
@ApplicationScoped
public class OrderService {

    private final OrderRepository orders;
    private final InvoiceRepository invoices;
    private final CustomerDirectory customers;
    private final EventPublisher events;
    private final Clock clock;

    OrderService(OrderRepository orders, InvoiceRepository invoices, CustomerDirectory customers, EventPublisher events,
            Clock clock) {
        this.orders = orders;
        this.invoices = invoices;
        this.customers = customers;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Order place(CreateOrderRequest request) {
        KnownCustomer customer = customers.customer(request.customerId())
                .orElseThrow(() -> new UnprocessableException("Unknown customer", "Customer " + request.customerId()
                        + " is not known to order-service. A new customer can be ordered for once its CustomerCreated "
                        + "event has arrived, usually within a second."));
        if (!customer.active()) {
            throw new UnprocessableException("Customer is deactivated",
                    "Customer " + request.customerId() + " is deactivated; nothing can be ordered for them.");
        }
        if (request.organizationId() != null && !customers.organizationKnown(request.organizationId())) {
            throw new UnprocessableException("Unknown organization",
                    "Organization " + request.organizationId() + " is not known to order-service.");
        }
        if (orders.purchaseOrderExists(request.customerId(), request.purchaseOrderNumber().trim())) {
            throw new ConflictException("Duplicate purchase order", "Customer " + request.customerId()
                    + " already has an order with purchase order number " + request.purchaseOrderNumber().trim() + ".");
        }
        List<OrderLine> lines = request.lines().stream()
                .map(l -> new OrderLine(l.product().trim(), l.quantity(), l.unitPrice()))
                .toList();
        Order order = Order.place(request.purchaseOrderNumber().trim(), request.customerId(), request.organizationId(),
                request.deliveryDate(), lines, Instant.now(clock));
        OrderCreatedEvent created = OrderCreatedEvent.of(order);
        orders.persist(order);
        orders.flush();
        events.publish(created);
        return order;
    }

    /** Confirming an order issues its invoice, in the same transaction. */
    @Transactional
    public Order changeStatus(UUID id, OrderStatus target) {
        Order order = get(id);
        OrderStatus previous = order.moveTo(target);
        Instant now = Instant.now(clock);
        OrderStatusChangedEvent changed = OrderStatusChangedEvent.of(order, previous, now);
        InvoiceCreatedEvent invoiced = null;
        if (target == OrderStatus.CONFIRMED) {
            Invoice invoice = Invoice.issue(invoices.nextNumber(), order.getId(), order.getCustomerId(),
                    order.getOrganizationId(), order.getTotal(), now);
            invoices.persist(invoice);
            invoiced = InvoiceCreatedEvent.of(order, invoice);
        }
        orders.flush();
        events.publish(changed);
        if (invoiced != null) {
            events.publish(invoiced);
        }
        return order;
    }

    public Order get(UUID id) {
        return orders.findByIdOptional(id)
                .orElseThrow(() -> new NotFoundException("Order not found", "No order with id " + id + "."));
    }

    public Invoice invoiceOf(UUID orderId) {
        get(orderId);
        return invoices.forOrder(orderId)
                .orElseThrow(() -> new NotFoundException("No invoice yet", "Order " + orderId + " has no invoice; "
                        + "confirming it issues one."));
    }
}
