/*
 * A BEP 15 announce load generator in C, loopback only, bounded in time, so that the generator costs
 * little CPU next to the tracker it measures (both trackers face the same generator). Each thread owns
 * one UDP socket connected to the tracker, connects (again every 60 s, as BEP 15 asks), then keeps
 * `window` announces in flight, batched with sendmmsg/recvmmsg: one of PEERS peers at random
 * re-announces to its torrent (peer n: torrent n mod count, peer_id "\0-BENCH-" + 4 zero bytes + n as
 * 64-bit big-endian, port 1024 + n mod 60000, every other one a seeder, key n), numwant 50. Every
 * announce answer received counts; a window without any answer for 200 ms is refilled (loss).
 * Prints answers per second, as UdpLoad.java does.
 *
 * Usage: udpload hashes.txt port seconds threads window
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#define PEERS 200000
#define MAX_WINDOW 256
#define MAX_HASHES 100000

static unsigned char hashes[MAX_HASHES][20];
static int hash_count;
static int port, seconds, window;
static double end_time;
static long long total_answers, total_errors;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static void put32(unsigned char *b, uint32_t v) { v = htonl(v); memcpy(b, &v, 4); }
static void put64(unsigned char *b, uint64_t v) { put32(b, (uint32_t) (v >> 32)); put32(b + 4, (uint32_t) v); }
static uint32_t get32(const unsigned char *b) { uint32_t v; memcpy(&v, b, 4); return ntohl(v); }
static uint64_t get64(const unsigned char *b) { return (uint64_t) get32(b) << 32 | get32(b + 4); }

static uint64_t next_random(uint64_t *s) { /* xorshift64* */
    *s ^= *s >> 12; *s ^= *s << 25; *s ^= *s >> 27;
    return *s * 2685821657736338717ULL;
}

static void announce(unsigned char *p, uint64_t connection_id, uint64_t *rnd) {
    uint32_t n = (uint32_t) (next_random(rnd) % PEERS);
    memset(p, 0, 98);
    put64(p, connection_id);
    put32(p + 8, 1);
    put32(p + 12, (uint32_t) next_random(rnd));
    memcpy(p + 16, hashes[n % hash_count], 20);
    put64(p + 36, 0x2d42454e43482dULL);
    put64(p + 48, n);
    put64(p + 64, n % 2 == 0 ? 0 : 1000); /* left */
    put32(p + 88, n);                     /* key */
    put32(p + 92, 50);                    /* num_want */
    p[96] = (unsigned char) ((1024 + n % 60000) >> 8);
    p[97] = (unsigned char) (1024 + n % 60000);
}

static void *run(void *arg) {
    uint64_t rnd = 0x9E3779B97F4A7C15ULL ^ (uint64_t) (uintptr_t) arg ^ (uint64_t) time(NULL);
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in to = {.sin_family = AF_INET, .sin_port = htons(port)};
    inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);
    if (fd < 0 || connect(fd, (struct sockaddr *) &to, sizeof to) != 0) { perror("socket"); exit(1); }
    struct timeval tv = {.tv_sec = 0, .tv_usec = 200000};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    static __thread unsigned char out[MAX_WINDOW][98], in[MAX_WINDOW][2048];
    struct mmsghdr smsg[MAX_WINDOW], rmsg[MAX_WINDOW];
    struct iovec siov[MAX_WINDOW], riov[MAX_WINDOW];
    for (int i = 0; i < MAX_WINDOW; i++) {
        siov[i] = (struct iovec) {out[i], 98};
        riov[i] = (struct iovec) {in[i], sizeof in[i]};
        memset(&smsg[i], 0, sizeof smsg[i]);
        memset(&rmsg[i], 0, sizeof rmsg[i]);
        smsg[i].msg_hdr.msg_iov = &siov[i]; smsg[i].msg_hdr.msg_iovlen = 1;
        rmsg[i].msg_hdr.msg_iov = &riov[i]; rmsg[i].msg_hdr.msg_iovlen = 1;
    }
    long long answers = 0, errors = 0;
    uint64_t connection_id = 0;
    double connected_at = -1e9;
    while (now() < end_time) {
        if (now() - connected_at > 60) {
            unsigned char c[16];
            put64(c, 0x41727101980ULL); put32(c + 8, 0); put32(c + 12, 7);
            send(fd, c, 16, 0);
            ssize_t n = recv(fd, in[0], sizeof in[0], 0);
            if (n < 16 || get32(in[0]) != 0) continue;
            connection_id = get64(in[0] + 8);
            connected_at = now();
        }
        for (int i = 0; i < window; i++) announce(out[i], connection_id, &rnd);
        sendmmsg(fd, smsg, window, 0);
        while (now() < end_time) {
            int got = recvmmsg(fd, rmsg, window, MSG_WAITFORONE, NULL);
            if (got <= 0) break; /* every answer of the window lost or late: refill it */
            for (int i = 0; i < got; i++) {
                if (rmsg[i].msg_len >= 8 && get32(in[i]) == 1) answers++; else errors++;
                announce(out[i], connection_id, &rnd);
            }
            sendmmsg(fd, smsg, got, 0);
        }
    }
    close(fd);
    pthread_mutex_lock(&lock);
    total_answers += answers; total_errors += errors;
    pthread_mutex_unlock(&lock);
    return NULL;
}

int main(int argc, char **argv) {
    if (argc != 6) { fprintf(stderr, "usage: udpload hashes.txt port seconds threads window\n"); return 2; }
    FILE *f = fopen(argv[1], "r");
    char line[256];
    while (f && hash_count < MAX_HASHES && fgets(line, sizeof line, f)) {
        if (strlen(line) < 40) continue;
        for (int i = 0; i < 20; i++) sscanf(line + 2 * i, "%2hhx", &hashes[hash_count][i]);
        hash_count++;
    }
    if (hash_count == 0) { fprintf(stderr, "no hashes\n"); return 1; }
    port = atoi(argv[2]);
    seconds = atoi(argv[3]) > 120 ? 120 : atoi(argv[3]);
    int threads = atoi(argv[4]);
    window = atoi(argv[5]) > MAX_WINDOW ? MAX_WINDOW : atoi(argv[5]);
    double start = now();
    end_time = start + seconds;
    pthread_t t[64];
    for (int i = 0; i < threads && i < 64; i++) pthread_create(&t[i], NULL, run, (void *) (uintptr_t) (i + 1));
    for (int i = 0; i < threads && i < 64; i++) pthread_join(t[i], NULL);
    double elapsed = now() - start;
    printf("udp answers %lld errors %lld in %.1f s: %.0f req/s\n", total_answers, total_errors, elapsed,
           total_answers / elapsed);
    return 0;
}
