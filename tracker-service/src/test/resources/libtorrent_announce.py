"""Drives real libtorrent (Debian's python3-libtorrent) against the tracker under test.

Usage: libtorrent_announce.py <workdir> <announce-url> make [v1|hybrid]
           -> creates content.bin and content.torrent announcing to <announce-url>;
              prints the v1 info_hash (hex) and, for hybrid, the truncated v2 info_hash (hex)
       libtorrent_announce.py <workdir> <announce-url> seed
           -> prints REPLY <peers> or ERROR <message>
       libtorrent_announce.py <workdir> <announce-url> scrape
           -> announces, then scrapes: prints SCRAPE <complete> <incomplete> or SCRAPEFAIL <message>
       libtorrent_announce.py <workdir> <announce-url> swarm
           -> a seeder and a leecher session find each other through the tracker only (no DHT, LSD, PEX)
              and the leecher downloads everything: prints DOWNLOADED or TIMEOUT
       libtorrent_announce.py <workdir> <announce-url> seedfor <seconds>
           -> seeds content.bin for that long at most (or until <workdir>/stop exists) for another client
              that finds it through the tracker; prints SEEDING after the first tracker reply, then DONE
The announce URL of the torrent is replaced by <announce-url>, so one torrent serves HTTP and UDP runs.
Every wait is bounded (30 s).
"""
import os
import shutil
import sys
import time

import libtorrent as lt

workdir, url, mode = sys.argv[1], sys.argv[2], sys.argv[3]
path = os.path.join(workdir, "content.bin")
tpath = os.path.join(workdir, "content.torrent")
DEADLINE = 30


def session():
    # ssrf_mitigation (libtorrent 2.0, on by default) refuses any tracker request to a loopback address
    # whose path is not /announce: the scrape to http://127.0.0.1:N/scrape fails with error 201 "blocked by
    # SSRF mitigation" and an empty tracker message, before any request is sent. Trackers on public
    # addresses are not affected; the tests run on loopback, so they turn it off.
    return lt.session({"listen_interfaces": "127.0.0.1:0", "enable_dht": False, "enable_lsd": False,
                       "enable_upnp": False, "enable_natpmp": False, "allow_multiple_connections_per_ip": True,
                       "ssrf_mitigation": False,
                       "alert_mask": lt.alert.category_t.tracker_notification
                       | lt.alert.category_t.error_notification | lt.alert.category_t.status_notification})


def add(ses, save_path, seed):
    params = lt.add_torrent_params()
    params.ti = lt.torrent_info(tpath)
    params.trackers = [url]
    params.save_path = save_path
    if seed:
        params.flags |= lt.torrent_flags.seed_mode
    return ses.add_torrent(params)


if mode == "make":
    with open(path, "wb") as f:
        f.write(os.urandom(256 * 1024))
    fs = lt.file_storage()
    lt.add_files(fs, path)
    flags = 0 if len(sys.argv) > 4 and sys.argv[4] == "hybrid" else lt.create_torrent.v1_only
    t = lt.create_torrent(fs, 16384, flags=flags)
    t.add_tracker(url)
    lt.set_piece_hashes(t, workdir)
    with open(tpath, "wb") as f:
        f.write(lt.bencode(t.generate()))
    hashes = lt.torrent_info(tpath).info_hashes()
    print(str(hashes.v1))
    if hashes.has_v2():
        print(str(hashes.v2)[:40])
    sys.exit(0)

if mode == "swarm":
    leech_dir = os.path.join(workdir, "leech")
    shutil.rmtree(leech_dir, ignore_errors=True)
    os.makedirs(leech_dir)
    seeder_session, leecher_session = session(), session()
    add(seeder_session, workdir, True)
    time.sleep(1)  # the seeder announces first, so the leecher's first answer names it
    leecher = add(leecher_session, leech_dir, False)
    deadline = time.time() + DEADLINE
    while time.time() < deadline:
        for s in (seeder_session, leecher_session):
            for a in s.pop_alerts():
                if isinstance(a, lt.tracker_error_alert):
                    print("ERROR", a.error_message(), a.message(), flush=True)
        if leecher.status().is_seeding:
            print("DOWNLOADED", flush=True)
            sys.exit(0)
        time.sleep(0.2)
    print("TIMEOUT", leecher.status().progress, flush=True)
    sys.exit(2)

if mode == "seedfor":
    ses = session()
    add(ses, workdir, True)
    deadline = time.time() + min(float(sys.argv[4]), 120)
    replied = False
    while time.time() < deadline and not os.path.exists(os.path.join(workdir, "stop")):
        ses.wait_for_alert(200)
        for a in ses.pop_alerts():
            if isinstance(a, lt.tracker_reply_alert) and not replied:
                replied = True
                print("SEEDING", flush=True)
            elif isinstance(a, lt.tracker_error_alert):
                print("ERROR", a.error_message(), a.message(), flush=True)
    print("DONE", flush=True)
    sys.exit(0)

ses = session()
handle = add(ses, workdir, True)
deadline = time.time() + DEADLINE
scraped = False
while time.time() < deadline:
    ses.wait_for_alert(500)
    for a in ses.pop_alerts():
        if isinstance(a, lt.tracker_reply_alert):
            if mode == "seed":
                print("REPLY", a.num_peers, flush=True)
                sys.exit(0)
            if not scraped:
                scraped = True
                handle.scrape_tracker()
        elif isinstance(a, lt.scrape_reply_alert):
            print("SCRAPE", a.complete, a.incomplete, flush=True)
            sys.exit(0)
        elif isinstance(a, lt.scrape_failed_alert):
            print("SCRAPEFAIL", a.error_message(), a.message(), flush=True)
            sys.exit(1)
        elif isinstance(a, lt.tracker_error_alert):
            print("ERROR", a.error_message(), a.message(), flush=True)
            sys.exit(1)
print("TIMEOUT", flush=True)
sys.exit(2)
