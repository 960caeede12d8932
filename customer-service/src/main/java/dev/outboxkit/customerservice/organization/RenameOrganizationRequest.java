package dev.outboxkit.customerservice.organization;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code version} is the one the client read, for optimistic locking. */
public record RenameOrganizationRequest(@NotBlank @Size(max = 200) String name, @NotNull Long version) {
}
