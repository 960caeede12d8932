package dev.outboxkit.messaging.inbound;

import java.util.Arrays;
import java.util.Collections;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Where one consumer stands with one aggregate: the last sequence it applied, the sequences it jumped over (a gap:
 * events lost or not yet re-published), and how many jumps there were. The dedupe rule: an event is applied when
 * its sequence is past the last one, or fills a gap; anything else was applied before. So a replay from offset 0 or
 * a redelivery changes nothing, while an event re-published to repair a gap (docs/operations.md, "Slot lost") still
 * takes effect. Storage grows with aggregates and gaps, never with events.
 *
 * @param missing ascending; at most {@link #MOST_MISSING}, the newest kept
 */
public record AppliedPosition(long lastSequence, NavigableSet<Long> missing, long gaps) {

    /** A jump larger than this (a consumer that started late, retention) remembers only the newest gap sequences. */
    public static final int MOST_MISSING = 100;

    public static final AppliedPosition NONE = new AppliedPosition(0, Collections.emptyNavigableSet(), 0);

    public AppliedPosition {
        missing = Collections.unmodifiableNavigableSet(new TreeSet<>(missing));
    }

    public enum Verdict {
        /** The next in sequence. */
        NEXT,
        /** Past the next one: the sequences in between are remembered as missing, and the gap is counted. */
        AFTER_GAP,
        /** One that had been missing: it fills (part of) a gap. */
        FILLS_GAP,
        /** Applied before, or older than anything this position remembers. */
        ALREADY_APPLIED;

        public boolean applies() {
            return this != ALREADY_APPLIED;
        }
    }

    public record Step(Verdict verdict, AppliedPosition after) {
    }

    public Step accept(long sequence) {
        if (sequence == lastSequence + 1) {
            return new Step(Verdict.NEXT, new AppliedPosition(sequence, missing, gaps));
        }
        if (sequence > lastSequence) {
            NavigableSet<Long> stillMissing = new TreeSet<>(missing);
            for (long skipped = Math.max(lastSequence + 1, sequence - MOST_MISSING); skipped < sequence; skipped++) {
                stillMissing.add(skipped);
            }
            while (stillMissing.size() > MOST_MISSING) {
                stillMissing.pollFirst();
            }
            return new Step(Verdict.AFTER_GAP, new AppliedPosition(sequence, stillMissing, gaps + 1));
        }
        if (missing.contains(sequence)) {
            NavigableSet<Long> stillMissing = new TreeSet<>(missing);
            stillMissing.remove(sequence);
            return new Step(Verdict.FILLS_GAP, new AppliedPosition(lastSequence, stillMissing, gaps));
        }
        return new Step(Verdict.ALREADY_APPLIED, this);
    }

    /** As stored: the missing sequences comma-separated, empty for none. */
    public String missingText() {
        return missing.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    public static AppliedPosition of(long lastSequence, String missingText, long gaps) {
        NavigableSet<Long> missing = new TreeSet<>();
        if (missingText != null && !missingText.isBlank()) {
            Arrays.stream(missingText.split(",")).map(String::trim).map(Long::valueOf).forEach(missing::add);
        }
        return new AppliedPosition(lastSequence, missing, gaps);
    }
}
