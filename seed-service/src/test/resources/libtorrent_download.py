"""Downloads a .torrent with libtorrent (python3-libtorrent) from one given peer only.

usage: libtorrent_download.py TORRENT_OR_MAGNET SAVE_DIR HOST PORT TIMEOUT_SECONDS [ENCRYPTION]
ENCRYPTION "rc4" forces Message Stream Encryption with an RC4 payload (no plain fallback); by default libtorrent
tries an encrypted handshake first and falls back to a plain one.
A magnet URI makes libtorrent fetch the info dictionary from the peer first (BEP 9 ut_metadata).
DHT, local peer discovery, UPnP, NAT-PMP and uTP are off (the everseed speaks TCP) and the
trackers are removed, so the given peer is the only source. Exits 0 once the download is complete and checked, 2 on timeout.
"""
import sys
import time

import libtorrent as lt

torrent, save_dir, host, port, timeout = sys.argv[1:6]
encryption = sys.argv[6] if len(sys.argv) > 6 else "default"
settings = {
    "listen_interfaces": "127.0.0.1:0",
    "enable_dht": False,
    "enable_lsd": False,
    "enable_upnp": False,
    "enable_natpmp": False,
    "allow_multiple_connections_per_ip": True,
    "enable_outgoing_utp": False,
    "enable_incoming_utp": False,
    "alert_mask": lt.alert.category_t.error_notification | lt.alert.category_t.peer_notification
    | lt.alert.category_t.connect_notification,
}
if encryption == "rc4":
    settings.update({"out_enc_policy": 0, "in_enc_policy": 0, "allowed_enc_level": 2, "prefer_rc4": True})  # forced, rc4
session = lt.session(settings)
if torrent.startswith("magnet:"):
    params = lt.parse_magnet_uri(torrent)
else:
    params = lt.add_torrent_params()
    params.ti = lt.torrent_info(torrent)
params.save_path = save_dir
params.trackers = []
handle = session.add_torrent(params)
handle.replace_trackers([])
handle.connect_peer((host, int(port)))
deadline = time.time() + float(timeout)
status = handle.status()
while time.time() < deadline:
    status = handle.status()
    if status.is_seeding:
        print("complete", status.total_payload_download)
        sys.exit(0)
    if not status.num_peers:
        handle.connect_peer((host, int(port)))
    time.sleep(0.2)
for alert in session.pop_alerts():
    print(alert.what(), alert.message())
print("timeout", status.progress, status.state, status.num_peers)
sys.exit(2)
