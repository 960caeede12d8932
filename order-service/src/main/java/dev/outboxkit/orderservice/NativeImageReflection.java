package dev.outboxkit.orderservice;

import dev.outboxkit.orderservice.history.OrderEventsResource;
import dev.outboxkit.orderservice.history.OrderHistory;
import dev.outboxkit.orderservice.history.OrderHistoryResource;
import dev.outboxkit.orderservice.order.CreateOrderRequest;
import dev.outboxkit.orderservice.order.InvoiceCreatedEvent;
import dev.outboxkit.orderservice.order.OrderCreatedEvent;
import dev.outboxkit.orderservice.order.OrderEvent;
import dev.outboxkit.orderservice.order.OrderResource;
import dev.outboxkit.orderservice.order.OrderResponse;
import dev.outboxkit.orderservice.order.OrderStatusChangedEvent;
import dev.outboxkit.orderservice.rebuild.ReadModelResource;
import dev.outboxkit.orderservice.shared.OrderAsOf;
import dev.outboxkit.orderservice.shared.OrderStatus;
import dev.outboxkit.outbox.Actor;
import dev.outboxkit.outbox.DomainEvent;
import dev.outboxkit.problem.Problem;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Classes that Jackson reaches by reflection in a native image but that Quarkus cannot see as REST types:
 * it registers the declared parameter and return types of resource methods, not what code hands to the
 * ObjectMapper, puts into a {@code Response} or returns as an interface. Missing one does not fail the
 * native build; it silently drops properties or fails at run time, so keep this list in step with the code:
 * <ul>
 * <li>event payloads, turned into JSON by {@code EventPublisher} ({@code mapper.valueToTree}); the
 * interfaces carry {@code @JsonProperty("type")} and {@code @JsonIgnore}, which Jackson reads from their
 * declared methods — without them the payload would lose {@code type} and gain the routing fields;</li>
 * <li>the actor every payload names ({@code Actor}, whose {@code Type} is written through a
 * {@code @JsonValue} method);</li>
 * <li>problem+json bodies, built as {@code Response} entities by the exception mappers;</li>
 * <li>{@code POST /orders} answers an {@code OrderResponse} inside a {@code Response}, and
 * {@code GET /orders/{id}?asOf=} an {@code OrderAsOf} from a method declared to return the interface
 * {@code OrderView}.</li>
 * <li>the resource classes: StrictParameters (web-support) reads their methods' parameter annotations
 * ({@code ResourceInfo.getResourceMethod()}) to name a parameter that does not parse.</li>
 * </ul>
 * {@code NativeImageReflectionTest} fails when an event, DTO or problem type is missing here (testkit's
 * {@code NativeReflection} states the rule), also for those Quarkus would see itself as REST types.
 * The consumed events need nothing: they are read as {@code JsonNode} trees.
 */
@RegisterForReflection(targets = {
        DomainEvent.class,
        OrderEvent.class,
        OrderCreatedEvent.class,
        OrderCreatedEvent.Line.class,
        OrderStatusChangedEvent.class,
        InvoiceCreatedEvent.class,
        Actor.class,
        Actor.Type.class,
        Problem.class,
        Problem.Violation.class,
        OrderResponse.class,
        OrderResponse.Line.class,
        OrderAsOf.class,
        OrderHistory.HistoricEvent.class,
        CreateOrderRequest.class,
        CreateOrderRequest.Line.class,
        OrderResource.InvoiceResponse.class,
        OrderStatus.class,
        OrderResource.class,
        OrderHistoryResource.class,
        OrderEventsResource.class,
        ReadModelResource.class })
final class NativeImageReflection {

    private NativeImageReflection() {
    }
}
