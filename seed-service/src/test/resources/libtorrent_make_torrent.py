"""Makes a v1-only, v2-only or hybrid .torrent (BEP 3, BEP 52) of one file or a directory with libtorrent
(python3-libtorrent 2.0).

usage: libtorrent_make_torrent.py FILE_OR_DIR v1|v2|hybrid PIECE_LENGTH ANNOUNCE_URL OUT
"""
import os
import sys

import libtorrent as lt

path, fmt, piece_length, announce, out = sys.argv[1:6]
fs = lt.file_storage()
lt.add_files(fs, path)
flags = {"v1": lt.create_torrent.v1_only, "v2": lt.create_torrent.v2_only}.get(fmt, 0)
ct = lt.create_torrent(fs, int(piece_length), flags=flags)
ct.add_tracker(announce)
lt.set_piece_hashes(ct, os.path.dirname(os.path.abspath(path)))
with open(out, "wb") as f:
    f.write(lt.bencode(ct.generate()))
