package org.everseed.bittorrent.bencode;

/**
 * A bencoded value: a byte string, an integer, a list or a dictionary (BEP 3).
 */
public sealed interface BencodeValue permits BencodeString, BencodeInteger, BencodeList, BencodeDictionary {
}
