#!/usr/bin/env python3
"""Measures the real staff inbox on a pseudo-terminal, without tmux's polling in the way.

usage: inbox-pty.py BIN OUTBOX N [IDLE_SECONDS]
Runs `BIN inbox --outbox OUTBOX --lang en` on a 110x32 pty, where OUTBOX holds N results
(planted by scripts/inbox-scale.sh), and prints: the time to the first frame, to the first
result row, to the whole list; a key (down) from written to the screen's bytes, 30 times;
and the CPU the inbox uses idling for IDLE_SECONDS (default 10).
"""
import fcntl, os, pty, select, signal, struct, sys, termios, time

bin_, outbox, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
idle = float(sys.argv[4]) if len(sys.argv) > 4 else 10.0
t_start = time.monotonic()
pid, fd = pty.fork()
if pid == 0:
    os.environ.update({"TERM": "xterm-256color", "LANG": "en_US.UTF-8"})
    os.execv(bin_, [bin_, "inbox", "--outbox", outbox, "--lang", "en"])
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 32, 110, 0, 0))
buf = b""

def answer(b):
    """answers the terminal queries a real terminal answers at once (lipgloss asks for the
    background colour at start and waits up to 5 s for the answer)"""
    if b"\x1b]11;?" in b:
        os.write(fd, b"\x1b]11;rgb:0000/0000/0000\x1b\\")
    if b"\x1b[6n" in b:
        os.write(fd, b"\x1b[1;1R")

hist = b""  # everything read so far: a frame may hold several of the texts waited for

def read_until(pat, timeout=120.0):
    global buf, hist
    end = time.monotonic() + timeout
    while pat.encode() not in hist:
        left = end - time.monotonic()
        if left <= 0:
            raise SystemExit("timeout waiting for %r" % pat)
        r, _, _ = select.select([fd], [], [], left)
        if r:
            b = os.read(fd, 1 << 20)
            answer(b)
            buf += b
            hist += b
    return (time.monotonic() - t_start) * 1000

def drain(quiet=0.3):
    """reads until nothing comes for quiet seconds"""
    global buf
    while True:
        r, _, _ = select.select([fd], [], [], quiet)
        if not r:
            return
        buf += os.read(fd, 1 << 20)

first_frame = read_until("Screening inbox")
first_row = read_until("R-0")
whole = read_until("%d results (" % n)
drain()
keys = []
for i in range(30):
    buf = b""
    t0 = time.monotonic()
    os.write(fd, b"\x1b[B")
    r, _, _ = select.select([fd], [], [], 5)
    if r:
        buf += os.read(fd, 1 << 20)
    keys.append((time.monotonic() - t0) * 1000)
    drain(0.05)
keys.sort()

def ticks():
    with open("/proc/%d/stat" % pid) as f:
        s = f.read()
    f = s[s.rindex(")") + 2:].split()
    return int(f[11]) + int(f[12])  # utime + stime (fields 14, 15)

drain()
a = ticks()
time.sleep(idle)
b = ticks()
hz = os.sysconf("SC_CLK_TCK")
print("inbox over %d results: first frame %.0f ms, first result row %.0f ms, whole list %.0f ms; "
      "a key: median %.1f ms, max %.1f ms (30 keys, 60 frames/s renderer); idle %.0f s: %.2f %% of a core"
      % (n, first_frame, first_row, whole, keys[len(keys) // 2], keys[-1], idle, 100.0 * (b - a) / hz / idle))
os.write(fd, b"q")
os.waitpid(pid, 0)
