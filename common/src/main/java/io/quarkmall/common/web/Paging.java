package io.quarkmall.common.web;

/**
 * Bounds of every paged list: {@code page × size} must stay an {@code int} offset (the database
 * takes no more), so pages are capped well below where it would wrap round. Resources declare
 * {@code @Max(Paging.MAX_PAGE)} on their page parameter; a larger one is a 400.
 */
public final class Paging {

    /** With sizes of at most 200, the deepest offset is 20 million rows. */
    public static final int MAX_PAGE = 100_000;

    private Paging() {
    }
}
