package dev.outboxkit.customerservice.customer;

import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record CreateCustomerRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Email(regexp = ".+@.+\\..+") @Size(max = 254) String email,
        UUID organizationId,
        @Size(max = 255) String ownerSubject) {
}
