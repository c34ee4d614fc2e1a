package workbench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FeedbackTest {

    @Test
    void aPassingTestKeepsItsLastObservationsOnOneLine() {
        Feedback.takeObserved();
        for (int run = 1; run <= 4; run++) {
            Feedback.check(true, "p99 was " + run + " ms\nof 40 pauses", "Lesson 2");
        }
        assertEquals("p99 was 2 ms of 40 pauses | p99 was 3 ms of 40 pauses | p99 was 4 ms of 40 pauses",
                Feedback.takeObserved());
        assertNull(Feedback.takeObserved(), "taken once");
    }

    @Test
    void aLongObservationIsCutAndAFailureIsNoObservation() {
        Feedback.takeObserved();
        Feedback.check(true, "x".repeat(1_000), "Lesson 1");
        assertThrows(AssertionError.class, () -> Feedback.check(false, "wrong", "Lesson 1"));
        String observed = Feedback.takeObserved();
        assertTrue(observed.length() < 400 && observed.endsWith("..."), observed);
    }
}
