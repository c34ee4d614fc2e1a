package workbench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import lesson1.StatusPage;
import org.junit.jupiter.api.Test;

class ReferenceSolutionTest {

    /** How a check sees both status pages of exercise fix-hot-path. */
    interface Page extends AutoCloseable {
        String render(String requestId);

        @Override
        void close();
    }

    @Test
    void loadsTheReferenceBesideAClassOfTheSameName() {
        Class<?> reference = ReferenceSolution.classOf(StatusPage.class);
        assertEquals(StatusPage.class.getName(), reference.getName());
        assertNotSame(StatusPage.class, reference);
        assertEquals("reference-solutions", reference.getClassLoader().getName());
    }

    @Test
    void drivesTheReferenceAndTheLearnersInstanceThroughOneView() {
        try (Page reference = ReferenceSolution.create(Page.class, StatusPage.class);
             Page yours = ReferenceSolution.view(Page.class, new StatusPage())) {
            assertTrue(reference.render("r-1").contains("\"r-1\""));
            assertTrue(yours.render("r-2").contains("\"r-2\""));
        }
    }
}
