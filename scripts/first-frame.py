#!/usr/bin/env python3
"""First frame of exoscreen next to a bare bubbletea v1.3.10 program, on an 80x24 pty.

usage: scripts/first-frame.py [RUNS] [EXOSCREEN_BIN BARE_BIN]

Without binaries it builds both from this checkout (go build ./cmd/exoscreen, and
tools/bench/bare, the smallest bubbletea program, full screen like exoscreen). It then starts
them alternately RUNS times each (default 20; the order flips every round so neither always
runs on a warmer machine), each on a fresh 80x24 pseudo-terminal, and measures the time from
fork to the bytes of the first frame arriving on the pty: for `exoscreen --lang en` the first
screen's heading "Pre-treatment screening", for the bare program its one line. The harness
answers the terminal queries a real terminal answers (background colour OSC 11, cursor
position DSR) at once, as a local terminal does. It prints every run, the medians, the ratio of
the medians and the median and range of the per-round ratios. The machine is shared: only the
ratio of interleaved runs means anything.
"""
import os, select, signal, statistics, subprocess, sys, tempfile, time, fcntl, termios, struct

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
runs = int(sys.argv[1]) if len(sys.argv) > 1 else 20
if len(sys.argv) > 3:
    exo, bare = sys.argv[2], sys.argv[3]
else:
    tmp = tempfile.mkdtemp(prefix="first-frame-")
    exo, bare = os.path.join(tmp, "exoscreen"), os.path.join(tmp, "bare")
    subprocess.run(["go", "build", "-o", exo, "./cmd/exoscreen"], cwd=ROOT, check=True)
    subprocess.run(["go", "build", "-o", bare, "./bare"], cwd=os.path.join(ROOT, "tools", "bench"), check=True)

PROGRAMS = {
    "exoscreen": ([exo, "--lang", "en"], b"Pre-treatment screening"),
    "bare": ([bare], b"first frame"),
}
ANSWERS = {  # query -> what a terminal with a black background answers
    b"\x1b]11;?": b"\x1b]11;rgb:0000/0000/0000\x1b\\",
    b"\x1b[6n": b"\x1b[1;1R",
}


def first_frame(argv, marker, timeout=10.0):
    """Milliseconds from fork to marker on the pty."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    t0 = time.monotonic()
    pid = os.fork()
    if pid == 0:
        os.close(master)
        os.login_tty(slave)  # new session, the pty as controlling terminal and stdio
        os.environ.update({"TERM": "xterm-256color", "LANG": "en_US.UTF-8"})
        os.environ.pop("GOMAXPROCS", None)
        os.execv(argv[0], argv)
    os.close(slave)
    buf, answered, took = b"", set(), None
    end = t0 + timeout
    while took is None:
        left = end - time.monotonic()
        if left <= 0:
            break
        r, _, _ = select.select([master], [], [], left)
        if not r:
            continue
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        buf += data
        if marker in buf:
            took = (time.monotonic() - t0) * 1000
            break
        for q, a in ANSWERS.items():
            if q in buf and q not in answered:
                answered.add(q)
                os.write(master, a)
    os.kill(pid, signal.SIGTERM)
    # Drain until the program has restored the terminal and gone.
    while True:
        r, _, _ = select.select([master], [], [], 2.0)
        if not r:
            break
        try:
            if not os.read(master, 65536):
                break
        except OSError:
            break
    os.waitpid(pid, 0)
    os.close(master)
    if took is None:
        raise SystemExit("%s: no first frame within %.0f s; got %r" % (argv[0], timeout, buf[-300:]))
    return took


times = {name: [] for name in PROGRAMS}
ratios = []
for i in range(runs):
    order = list(PROGRAMS) if i % 2 == 0 else list(reversed(PROGRAMS))
    got = {}
    for name in order:
        argv, marker = PROGRAMS[name]
        got[name] = first_frame(argv, marker)
        times[name].append(got[name])
    ratios.append(got["exoscreen"] / got["bare"])
    print("run %2d: exoscreen %6.1f ms  bare %6.1f ms  ratio %.2f" % (i + 1, got["exoscreen"], got["bare"], ratios[-1]))
me, mb = statistics.median(times["exoscreen"]), statistics.median(times["bare"])
print("first frame, median of %d interleaved runs: exoscreen %.1f ms, bare bubbletea %.1f ms, ratio %.2f"
      % (runs, me, mb, me / mb))
print("per-run ratio: median %.2f, range %.2f-%.2f" % (statistics.median(ratios), min(ratios), max(ratios)))
