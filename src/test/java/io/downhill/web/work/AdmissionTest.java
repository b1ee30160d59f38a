package io.downhill.web.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AdmissionTest {
    private final FairScheduler scheduler = new FairScheduler(1, 1);

    @Test
    void aClientIsRefusedWith429WhenItsShareIsFullAndOthersStillGetIn() {
        Admission admission = new Admission(new Admission.Limits(100, 1_000, 10_000, 50, 100, 2), scheduler);
        for (int i = 0; i < 10; i++) {
            admission.admit("a", 100);
        }
        assertThatThrownBy(() -> admission.admit("a", 1))
                .isInstanceOfSatisfying(Admission.Refusal.class, r -> assertThat(r.status()).isEqualTo(429));
        admission.admit("b", 100);
        assertThat(admission.pendingTotal()).isEqualTo(1_100);
    }

    @Test
    void theServerRefusesWith503WhenItsQueueIsFullAndTicketsGiveTheirPlaceBack() {
        Admission admission = new Admission(new Admission.Limits(100, 1_000, 300, 50, 100, 2), scheduler);
        Admission.Ticket[] held = {admission.admit("a", 100), admission.admit("b", 100), admission.admit("c", 100)};
        assertThatThrownBy(() -> admission.admit("d", 100))
                .isInstanceOfSatisfying(Admission.Refusal.class, r -> {
                    assertThat(r.status()).isEqualTo(503);
                    assertThat(r.retryAfterSeconds()).isBetween(1, 30);
                });
        held[0].close();
        held[0].close(); // twice is harmless: the place is given back once
        assertThat(admission.pendingTotal()).isEqualTo(200);
        admission.admit("d", 100);
        assertThat(admission.openTotal()).isEqualTo(3);
    }

    @Test
    void openResponsesAreCountedPerClientEvenWhenTheyCostNothing() {
        Admission admission = new Admission(new Admission.Limits(100, 1_000, 10_000, 3, 100, 2), scheduler);
        for (int i = 0; i < 3; i++) {
            admission.admit("a", 0);
        }
        assertThatThrownBy(() -> admission.admit("a", 0)).isInstanceOf(Admission.Refusal.class);
    }
}
