package workbench.diagnostics.threads;

import java.util.Map;
import java.util.Set;

/**
 * The threads of one group in a snapshot, counted.
 *
 * {@snippet class="workbench.diagnostics.snippets.ThreadsSnippets" region="snapshot"}
 *
 * @param key      the group key (a pool name pattern, for example)
 * @param count    how many threads the group has
 * @param states   how many of them are in each state (states with no thread are left out)
 * @param blockers how many of them wait on each kind of lock or blocker, by class name
 * @param origins  the application frames their work comes from (see {@link ThreadRecord#origin()})
 */
public record GroupSummary(String key, int count, Map<Thread.State, Integer> states,
                           Map<String, Integer> blockers, Set<String> origins) {

    public GroupSummary {
        states = Map.copyOf(states);
        blockers = Map.copyOf(blockers);
        origins = Set.copyOf(origins);
    }

    /** How many threads of the group are in the given state. */
    public int count(Thread.State state) {
        return states.getOrDefault(state, 0);
    }
}
