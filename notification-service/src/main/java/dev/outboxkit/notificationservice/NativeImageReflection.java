package dev.outboxkit.notificationservice;

import dev.outboxkit.notificationservice.delivery.DeliveryKind;
import dev.outboxkit.notificationservice.delivery.DeliveryResource;
import dev.outboxkit.notificationservice.delivery.DeliveryStatus;
import dev.outboxkit.notificationservice.delivery.SourceEvent;
import dev.outboxkit.notificationservice.events.InvoiceCreated;
import dev.outboxkit.notificationservice.redrive.DeadLetterResource;
import dev.outboxkit.problem.Problem;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Classes that Jackson reaches by reflection in a native image but that Quarkus cannot see as REST types:
 * it registers the declared parameter and return types of resource methods, not what code hands to the
 * ObjectMapper or puts into a {@code Response}. Missing one does not fail the native build; it fails at
 * run time (here: every event would be dead-lettered as unreadable), so keep this list in step with the code:
 * <ul>
 * <li>the one consumed event read into a record, InvoiceCreated, by {@code EventHandler} (messaging-support's
 * {@code EventReader.payload}, {@code mapper.treeToValue}) and {@code EmailComposer} ({@code mapper.readValue}):
 * constructor and record components (the customer directory reads the other events as JSON trees);</li>
 * <li>problem+json bodies, built as {@code Response} entities by the exception mappers.</li>
 * <li>the resource classes: StrictParameters (web-support) reads their methods' parameter annotations
 * ({@code ResourceInfo.getResourceMethod()}) to name a parameter that does not parse.</li>
 * </ul>
 * {@code NativeImageReflectionTest} fails when an event, DTO or problem type is missing here (testkit's
 * {@code NativeReflection} states the rule), also for those Quarkus would see itself as REST types.
 * The Qute template data records carry {@code @TemplateData}, which Qute resolves without reflection.
 */
@RegisterForReflection(targets = {
        InvoiceCreated.class,
        Problem.class,
        Problem.Violation.class,
        DeliveryResource.DeliveryResponse.class,
        SourceEvent.class,
        DeliveryKind.class,
        DeliveryStatus.class,
        DeliveryResource.class,
        DeadLetterResource.class })
final class NativeImageReflection {

    private NativeImageReflection() {
    }
}
