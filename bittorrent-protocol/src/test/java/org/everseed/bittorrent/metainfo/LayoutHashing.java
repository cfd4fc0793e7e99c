package org.everseed.bittorrent.metainfo;

import java.nio.ByteBuffer;
import java.util.List;

/** Hashes a {@link ContentLayout} from content held in memory, one unit after another (tests only). */
final class LayoutHashing {
    private LayoutHashing() {
    }

    /** The collected hashes of {@code layout}, whose file {@code i} holds {@code contents.get(i)}. */
    static ContentHashes hash(ContentLayout layout, List<byte[]> contents) {
        ContentHashes hashes = new ContentHashes(layout);
        UnitHasher hasher = new UnitHasher(layout);
        for (int i = 0; i < layout.unitCount(); i++) {
            HashUnit unit = layout.unit(i);
            ByteBuffer data = ByteBuffer.allocate(unit.length());
            for (HashUnit.Segment s : unit.segments()) {
                data.put(contents.get(s.file()), (int) s.offset(), s.length());
            }
            hasher.hash(unit, data.flip(), hashes);
        }
        return hashes;
    }
}
