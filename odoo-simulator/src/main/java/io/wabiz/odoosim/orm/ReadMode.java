package io.wabiz.odoosim.orm;

/** How {@code read} formats values. */
public enum ReadMode {
    /** the default {@code load='_classic_read'}: many2one as {@code [id, "display name"]} */
    CLASSIC,
    /** {@code load=None}: many2one as the bare id */
    RAW,
    /**
     * what an automation webhook posts: {@code read(load=None)} serialised with {@code default=str}, so a
     * datetime keeps its microseconds
     */
    WEBHOOK
}
