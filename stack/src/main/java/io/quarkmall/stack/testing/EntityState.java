package io.quarkmall.stack.testing;

import java.lang.reflect.Field;

/**
 * Gives an entity what only its database row would give it: an id generated on insert, a row that
 * SQL inserted, a status loaded from the table. Hibernate sets those fields the same way when it
 * loads a row, so a plain unit test can hold an aggregate in any state its table may hold without
 * starting a database. Only for that: every change under test goes through the aggregate's methods.
 */
public final class EntityState {

    private EntityState() {
    }

    /** Sets {@code field} (declared by the entity's class or a superclass) to {@code value}; returns the entity. */
    public static <T> T set(T entity, String field, Object value) {
        try {
            Field declared = declaredField(entity.getClass(), field);
            declared.setAccessible(true);
            declared.set(entity, value);
            return entity;
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("Cannot set " + field + " of " + entity.getClass().getSimpleName(), e);
        }
    }

    private static Field declaredField(Class<?> type, String field) throws NoSuchFieldException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(field);
            } catch (NoSuchFieldException e) {
                // declared higher up, if anywhere
            }
        }
        throw new NoSuchFieldException(type.getName() + "." + field);
    }
}
