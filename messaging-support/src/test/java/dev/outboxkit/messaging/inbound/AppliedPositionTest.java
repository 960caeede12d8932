package dev.outboxkit.messaging.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.outboxkit.messaging.inbound.AppliedPosition.Verdict;

class AppliedPositionTest {

    @Test
    void eventsInSequenceAreEachAppliedOnceAndAReplayFromTheStartChangesNothing() {
        AppliedPosition position = AppliedPosition.NONE;
        List<Verdict> verdicts = new ArrayList<>();
        for (long sequence : new long[] { 1, 2, 3, 1, 2, 3, 3 }) {
            AppliedPosition.Step step = position.accept(sequence);
            verdicts.add(step.verdict());
            position = step.after();
        }
        assertThat(verdicts).containsExactly(Verdict.NEXT, Verdict.NEXT, Verdict.NEXT,
                Verdict.ALREADY_APPLIED, Verdict.ALREADY_APPLIED, Verdict.ALREADY_APPLIED, Verdict.ALREADY_APPLIED);
        assertThat(position).isEqualTo(AppliedPosition.of(3, "", 0));
    }

    @Test
    void aGapIsRememberedAndCountedAndTheEventsThatFillItAreAppliedOnce() {
        AppliedPosition.Step jump = AppliedPosition.of(1, "", 0).accept(4);
        assertThat(jump.verdict()).isEqualTo(Verdict.AFTER_GAP);
        assertThat(jump.after()).isEqualTo(AppliedPosition.of(4, "2,3", 1));

        AppliedPosition.Step late = jump.after().accept(3);
        assertThat(late.verdict()).isEqualTo(Verdict.FILLS_GAP);
        assertThat(late.after()).isEqualTo(AppliedPosition.of(4, "2", 1));
        assertThat(late.after().accept(3).verdict()).isEqualTo(Verdict.ALREADY_APPLIED);
        assertThat(late.after().accept(1).verdict()).isEqualTo(Verdict.ALREADY_APPLIED);

        AppliedPosition.Step filled = late.after().accept(2);
        assertThat(filled.verdict()).isEqualTo(Verdict.FILLS_GAP);
        assertThat(filled.after()).isEqualTo(AppliedPosition.of(4, "", 1));
        assertThat(filled.after().missingText()).isEmpty();
    }

    @Test
    void aSecondGapAddsToTheFirst() {
        AppliedPosition position = AppliedPosition.of(4, "2", 1).accept(6).after();
        assertThat(position).isEqualTo(AppliedPosition.of(6, "2,5", 2));
        assertThat(position.missingText()).isEqualTo("2,5");
    }

    @Test
    void aHugeJumpRemembersOnlyTheNewestMissingSequences() {
        AppliedPosition position = AppliedPosition.NONE.accept(1_000_000).after();
        assertThat(position.missing()).hasSize(AppliedPosition.MOST_MISSING);
        assertThat(position.missing().first()).isEqualTo(1_000_000 - AppliedPosition.MOST_MISSING);
        assertThat(position.missing().last()).isEqualTo(999_999);
        assertThat(position.accept(5).verdict()).as("older than anything remembered").isEqualTo(Verdict.ALREADY_APPLIED);

        AppliedPosition older = AppliedPosition.of(5, "1,2,3,4", 1).accept(5 + AppliedPosition.MOST_MISSING).after();
        assertThat(older.missing()).hasSize(AppliedPosition.MOST_MISSING).doesNotContain(1L).contains(6L);
    }

    @Test
    void theStoredFormReadsBackAsItWasWritten() {
        AppliedPosition position = AppliedPosition.of(9, " 3, 7 ", 2);
        assertThat(position.missingText()).isEqualTo("3,7");
        assertThat(AppliedPosition.of(9, position.missingText(), 2)).isEqualTo(position);
        assertThat(AppliedPosition.of(0, null, 0)).isEqualTo(AppliedPosition.NONE);
    }
}
