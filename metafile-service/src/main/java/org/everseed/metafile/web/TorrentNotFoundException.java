package org.everseed.metafile.web;

/** No torrent has the requested info_hash; answered with 404. */
public class TorrentNotFoundException extends RuntimeException {
    /** @param infoHash the info_hash asked for, as given */
    public TorrentNotFoundException(String infoHash) {
        super("no torrent with info_hash " + infoHash);
    }
}
