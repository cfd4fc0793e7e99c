"""Makes a v2-only or hybrid .torrent (BEP 52) of one file with libtorrent (python3-libtorrent 2.0).

usage: libtorrent_make_torrent.py FILE v2|hybrid PIECE_LENGTH ANNOUNCE_URL OUT
"""
import os
import sys

import libtorrent as lt

path, fmt, piece_length, announce, out = sys.argv[1:6]
fs = lt.file_storage()
lt.add_files(fs, path)
flags = lt.create_torrent.v2_only if fmt == "v2" else 0
ct = lt.create_torrent(fs, int(piece_length), flags=flags)
ct.add_tracker(announce)
lt.set_piece_hashes(ct, os.path.dirname(os.path.abspath(path)))
with open(out, "wb") as f:
    f.write(lt.bencode(ct.generate()))
