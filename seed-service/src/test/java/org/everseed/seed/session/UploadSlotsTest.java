package org.everseed.seed.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UploadSlotsTest {
    private final List<String> log = new ArrayList<>();

    private SlotHolder peer(String name) {
        return new SlotHolder() {
            @Override
            public void unchoke() {
                log.add("unchoke " + name);
            }

            @Override
            public void choke() {
                log.add("choke " + name);
            }
        };
    }

    @Test
    void interestedPeersAreUnchokedUpToTheCapacityAndTheRestWait() {
        UploadSlots slots = new UploadSlots(2);
        SlotHolder a = peer("a");
        SlotHolder b = peer("b");
        SlotHolder c = peer("c");
        slots.interested(a);
        slots.interested(b);
        slots.interested(c);
        slots.interested(a);
        assertThat(log).containsExactly("unchoke a", "unchoke b");
        assertThat(slots.waitingCount()).isEqualTo(1);
        assertThat(slots.isUnchoked(c)).isFalse();
    }

    @Test
    void aReleasedSlotGoesToTheFirstWaiter() {
        UploadSlots slots = new UploadSlots(1);
        SlotHolder a = peer("a");
        SlotHolder b = peer("b");
        slots.interested(a);
        slots.interested(b);
        slots.release(a);
        assertThat(log).containsExactly("unchoke a", "unchoke b");
        assertThat(slots.isUnchoked(b)).isTrue();
        assertThat(slots.unchokedCount()).isEqualTo(1);
    }

    @Test
    void rotationChokesTheLongestUnchokedAndUnchokesTheFirstWaiterInTurn() {
        UploadSlots slots = new UploadSlots(2);
        SlotHolder a = peer("a");
        SlotHolder b = peer("b");
        SlotHolder c = peer("c");
        slots.interested(a);
        slots.interested(b);
        slots.interested(c);
        slots.rotate();
        slots.rotate();
        slots.rotate();
        assertThat(log).containsExactly("unchoke a", "unchoke b",
                "choke a", "unchoke c",
                "choke b", "unchoke a",
                "choke c", "unchoke b");
        assertThat(slots.unchokedCount()).isEqualTo(2);
        assertThat(slots.waitingCount()).isEqualTo(1);
    }

    @Test
    void rotationWithoutWaitersChokesNobody() {
        UploadSlots slots = new UploadSlots(2);
        slots.interested(peer("a"));
        slots.rotate();
        assertThat(log).containsExactly("unchoke a");
    }

    @Test
    void theOptimisticSlotIsOneMoreAndGoesToTheLongestWaiterInTurn() {
        UploadSlots slots = new UploadSlots(1, true);
        SlotHolder a = peer("a");
        SlotHolder b = peer("b");
        SlotHolder c = peer("c");
        SlotHolder d = peer("d");
        slots.interested(a);
        slots.interested(b);
        slots.interested(c);
        slots.interested(d);
        assertThat(log).containsExactly("unchoke a", "unchoke b");
        assertThat(slots.unchokedCount()).isEqualTo(2);
        slots.rotateOptimistic();
        slots.rotateOptimistic();
        assertThat(log).containsExactly("unchoke a", "unchoke b", "unchoke c", "choke b", "unchoke d", "choke c");
        assertThat(slots.isUnchoked(d)).isTrue();
        assertThat(slots.isUnchoked(a)).as("the regular slot is untouched").isTrue();
        slots.release(d);                              // the optimistic holder leaves: the next waiter gets it
        assertThat(log.getLast()).isEqualTo("unchoke b");
        assertThat(slots.unchokedCount()).isEqualTo(2);
        assertThat(slots.waitingCount()).isEqualTo(1);
    }
}
