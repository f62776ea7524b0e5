package dev.arca.fetch;

import java.util.List;

/**
 * The requisites found, in order of appearance and without duplicates, and how many more were
 * found past the limit asked for, so that the caller can say that the limit was hit.
 *
 * @param requisites at most the limit's number of requisites
 * @param omitted    distinct requisites found past the limit, left out
 */
public record RequisiteList(List<Requisite> requisites, int omitted) {

    public RequisiteList {
        requisites = List.copyOf(requisites);
    }
}
