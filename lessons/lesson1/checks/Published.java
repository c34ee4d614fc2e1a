package lesson1.checks;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What a page publishes to its request threads, read by reflection: the objects of its own classes (or arrays) that
 * its volatile fields and its {@link AtomicReference}s hold, each with its fields' values at the moment of reading.
 * Two readings a few refreshes apart tell a result replaced on every refresh from one changed in place.
 */
final class Published {

    /**
     * One published object and what it held.
     *
     * @param holder   the object itself, compared by identity
     * @param contents its fields' values (an array's elements), primitives boxed
     */
    record Holding(Object holder, Map<String, Object> contents) {

        /** The first of its fields that holds another value in {@code later}, described; null if none does. */
        String changedIn(Holding later) {
            for (Map.Entry<String, Object> entry : contents.entrySet()) {
                Object then = later.contents.get(entry.getKey());
                if (!same(entry.getValue(), then)) {
                    return entry.getKey() + " went from " + entry.getValue() + " to " + then;
                }
            }
            return null;
        }

        private static boolean same(Object a, Object b) {
            return a == b || a != null && (a instanceof Number || a instanceof Boolean || a instanceof Character)
                    && a.equals(b);
        }
    }

    private Published() {
    }

    /** Every object the page publishes now, by the page's field that holds it. */
    static Map<String, Holding> read(Object page) throws IllegalAccessException {
        Map<String, Holding> published = new LinkedHashMap<>();
        for (Field field : instanceFields(page.getClass())) {
            Object value = field.get(page);
            if (value instanceof AtomicReference<?> reference) {
                value = reference.get();
            } else if (!Modifier.isVolatile(field.getModifiers())) {
                continue;
            }
            if (value != null && (value.getClass().isArray() || isLearners(value.getClass()))) {
                published.put(field.getName(), new Holding(value, contents(value)));
            }
        }
        return published;
    }

    /** A class the learner wrote: the JDK's and the library's own are immutable or not the page's doing. */
    private static boolean isLearners(Class<?> type) {
        return type.getClassLoader() != null && !type.getName().startsWith("workbench.")
                && !type.getName().startsWith("com.") && !type.getName().startsWith("org.");
    }

    private static Map<String, Object> contents(Object value) throws IllegalAccessException {
        Map<String, Object> contents = new LinkedHashMap<>();
        if (value.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(value); i++) {
                contents.put("[" + i + "]", Array.get(value, i));
            }
            return contents;
        }
        for (Field field : instanceFields(value.getClass())) {
            contents.put(field.getName(), field.get(value));
        }
        return contents;
    }

    private static List<Field> instanceFields(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && field.trySetAccessible()) {
                    fields.add(field);
                }
            }
        }
        return fields;
    }
}
