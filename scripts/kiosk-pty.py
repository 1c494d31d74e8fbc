#!/usr/bin/env python3
"""Measures the real kiosk on a pseudo-terminal, without tmux's polling in the way.

usage: kiosk-pty.py BIN OUTBOX ROUNDS
Runs `BIN --kiosk --outbox OUTBOX --details none --lang en` on a 100x32 pty, screens ROUNDS
patients (every question answered with its first option) and prints, for each, the time from
writing the key on the completion screen to the welcome screen's bytes arriving on the pty.
"""
import fcntl, os, pty, select, signal, struct, sys, termios, time

bin_, outbox, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
pid, fd = pty.fork()
if pid == 0:
    os.environ.update({"EXOSCREEN_STAFF_PIN": "2468", "TERM": "xterm-256color", "LANG": "en_US.UTF-8"})
    os.execv(bin_, [bin_, "--kiosk", "--outbox", outbox, "--details", "none", "--lang", "en"])
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 32, 100, 0, 0))
os.kill(pid, signal.SIGWINCH)
buf = b""

def read_until(pat, timeout=10.0):
    global buf
    end = time.monotonic() + timeout
    while pat.encode() not in buf:
        left = end - time.monotonic()
        if left <= 0:
            raise SystemExit("timeout waiting for %r" % pat)
        r, _, _ = select.select([fd], [], [], left)
        if r:
            buf += os.read(fd, 65536)
    i = buf.index(pat.encode())
    buf = buf[i + len(pat):]

read_until("ようこそ")
resets = []
for _ in range(rounds):
    os.write(fd, b"\r")
    read_until("Question 1")
    for _ in range(60):
        os.write(fd, b"1\r")  # the first option by its number key (nothing is pre-chosen)
        time.sleep(0.05)
        r, _, _ = select.select([fd], [], [], 0.2)
        if r:
            buf += os.read(fd, 65536)
        if b"Review your answers" in buf:
            break
    time.sleep(0.4)
    os.write(fd, b"\x1b[F")  # End: the confirm button
    time.sleep(0.2)
    os.write(fd, b"\r")
    read_until("Please tell the reception")
    time.sleep(1.2)
    buf = b""
    t0 = time.monotonic()
    os.write(fd, b" ")
    read_until("ようこそ")
    resets.append((time.monotonic() - t0) * 1000)
print("reset between patients (key written -> welcome bytes on the pty), ms:",
      " ".join("%.1f" % r for r in resets), "| max %.1f" % max(resets))
os.kill(pid, signal.SIGTERM)
os.waitpid(pid, 0)
