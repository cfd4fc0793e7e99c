"""Seeds a small random file with libtorrent and reports the tracker's answer.

Usage: libtorrent_announce.py <workdir> <announce-url> make   -> prints the v1 info_hash (hex)
       libtorrent_announce.py <workdir> <announce-url> seed   -> prints REPLY <peers> or ERROR <message>
"""
import os
import sys
import time

import libtorrent as lt

workdir, url, mode = sys.argv[1], sys.argv[2], sys.argv[3]
path = os.path.join(workdir, "content.bin")
tpath = os.path.join(workdir, "content.torrent")
if mode == "make":
    with open(path, "wb") as f:
        f.write(os.urandom(256 * 1024))
    fs = lt.file_storage()
    lt.add_files(fs, path)
    t = lt.create_torrent(fs, 16384, flags=lt.create_torrent.v1_only)
    t.add_tracker(url)
    lt.set_piece_hashes(t, workdir)
    with open(tpath, "wb") as f:
        f.write(lt.bencode(t.generate()))
    print(str(lt.torrent_info(tpath).info_hashes().v1))
    sys.exit(0)

session = lt.session({"listen_interfaces": "127.0.0.1:0", "enable_dht": False, "enable_lsd": False,
                      "enable_upnp": False, "enable_natpmp": False,
                      "alert_mask": lt.alert.category_t.tracker_notification | lt.alert.category_t.error_notification})
params = lt.add_torrent_params()
params.ti = lt.torrent_info(tpath)
params.save_path = workdir
params.flags |= lt.torrent_flags.seed_mode
handle = session.add_torrent(params)
deadline = time.time() + 30
while time.time() < deadline:
    session.wait_for_alert(500)
    for a in session.pop_alerts():
        if isinstance(a, lt.tracker_reply_alert):
            print("REPLY", a.num_peers, flush=True)
            sys.exit(0)
        if isinstance(a, lt.tracker_error_alert):
            print("ERROR", a.error_message(), a.message(), flush=True)
            sys.exit(1)
print("TIMEOUT", flush=True)
sys.exit(2)
