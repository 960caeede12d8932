-- Dedupe by the last applied sequence per aggregate (applied_sequence, created by messaging-support's
-- db/consumer/V6) for both consumers, instead of the event log's event id and the views' guards. What the read
-- model already holds is carried over, so an event applied before the upgrade stays applied after it.
INSERT INTO applied_sequence (consumer, aggregate_type, aggregate_id, last_sequence, missing, gaps, updated_at)
SELECT 'order-service', aggregate_type, aggregate_id, max(sequence), '', 0, now()
FROM (
    SELECT 'customer' AS aggregate_type, customer_id::text AS aggregate_id, last_sequence AS sequence FROM customer_view
    UNION ALL
    SELECT 'organization', organization_id::text, last_sequence FROM organization_view
    UNION ALL
    SELECT 'order', order_id::text, sequence FROM order_event_log
) applied
GROUP BY aggregate_type, aggregate_id
ON CONFLICT DO NOTHING;
