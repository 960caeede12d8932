package dev.outboxkit.notificationservice.delivery;

public enum DeliveryKind {
    WELCOME,
    INVOICE
}
