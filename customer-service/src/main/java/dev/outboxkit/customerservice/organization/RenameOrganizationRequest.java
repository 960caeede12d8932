package dev.outboxkit.customerservice.organization;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code version} is the one the client read, for optimistic locking. */
public record RenameOrganizationRequest(
        @Schema(example = "Difference Engines Ltd") @NotBlank @Size(max = 200) String name,
        @Schema(description = "The version the change is based on, as read.", example = "0") @NotNull Long version) {
}
