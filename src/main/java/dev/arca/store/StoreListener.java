package dev.arca.store;

/**
 * What a {@link Store} tells about its changes, for what is derived from the bundles (an index)
 * to follow them without listing the directories again. Called on the writer's thread, right after
 * the rename or removal; the bundle is already safe, or gone, whatever the listener does.
 */
public interface StoreListener {

    /** A bundle was renamed into its month directory. */
    void added(BundleFile file);

    /** The bundle {@code id} was removed from {@code month} ("yyyy/mm"). */
    void removed(String month, String id);
}
