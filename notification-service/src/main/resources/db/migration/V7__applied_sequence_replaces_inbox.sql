-- Dedupe by the last applied sequence per aggregate (applied_sequence, created by messaging-support's
-- db/consumer/V6) instead of one inbox row per event kept forever. What the inbox and the directory knew is carried
-- over, so an event handled before the upgrade stays handled after it. (V5 is left free: V6 is the shared file.)
INSERT INTO applied_sequence (consumer, aggregate_type, aggregate_id, last_sequence, missing, gaps, updated_at)
SELECT 'notification-service', aggregate_type, aggregate_id, max(sequence), '', 0, now()
FROM (
    SELECT CASE WHEN event_type LIKE 'Customer%' THEN 'customer'
                WHEN event_type LIKE 'Organization%' THEN 'organization'
                ELSE 'order' END AS aggregate_type,
           aggregate_id, sequence
    FROM inbox WHERE aggregate_id IS NOT NULL AND sequence IS NOT NULL
    UNION ALL
    SELECT 'customer', customer_id::text, last_sequence FROM customer_view
    UNION ALL
    SELECT 'organization', organization_id::text, last_sequence FROM organization_view
) handled
GROUP BY aggregate_type, aggregate_id
ON CONFLICT DO NOTHING;

DROP TABLE inbox;
