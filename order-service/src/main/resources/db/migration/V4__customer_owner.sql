-- Who owns a customer profile (the identity provider's subject), from CustomerCreated/CustomerUpdated:
-- customers may read only their own orders and invoices, decided here without calling customer-service.
ALTER TABLE customer_view ADD COLUMN owner_subject varchar(255);
