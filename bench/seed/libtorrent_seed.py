"""Seeds one file with libtorrent (python3-libtorrent 2.0) for the benchmark, announcing to the tracker.

usage: /usr/bin/python3 libtorrent_seed.py TORRENT SAVE_DIR PORT
seed_mode: pieces are verified lazily on first request, as the everseed does. DHT, LSD, UPnP,
NAT-PMP and uTP are off. Runs until killed; prints "seeding" once the torrent is added.
"""
import sys
import time

import libtorrent as lt

torrent, save_dir, port = sys.argv[1:4]
session = lt.session({
    "listen_interfaces": "127.0.0.1:" + port,
    "enable_dht": False,
    "enable_lsd": False,
    "enable_upnp": False,
    "enable_natpmp": False,
    "enable_outgoing_utp": False,
    "enable_incoming_utp": False,
    "allow_multiple_connections_per_ip": True,
    "announce_to_all_trackers": True,
})
params = lt.add_torrent_params()
params.ti = lt.torrent_info(torrent)
params.save_path = save_dir
params.flags |= lt.torrent_flags.seed_mode
handle = session.add_torrent(params)
print("seeding", flush=True)
while True:
    time.sleep(1)
