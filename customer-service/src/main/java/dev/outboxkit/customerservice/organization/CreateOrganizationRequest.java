package dev.outboxkit.customerservice.organization;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record CreateOrganizationRequest(@Schema(example = "Analytical Engines Ltd") @NotBlank @Size(max = 200) String name) {
}
