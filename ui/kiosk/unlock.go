package kiosk

import (
	"os"
	"path/filepath"
	"syscall"
	"time"
)

// UnlockFile is the file in the outbox folder that `exoscreen kiosk-unlock` writes: its
// modification time is when staff asked to release the PIN lockout. It is hidden, so the
// inbox neither lists nor watches it; only the folder's owner can write it (the folder is
// 0700, and a world-writable one is refused). The kiosk and every session of
// `exoscreen serve` writing to the folder read it.
const UnlockFile = ".kiosk-unlock"

// ReadUnlockRequest is when the PIN lockout was last released with kiosk-unlock in the
// outbox dir (zero: never): the time of dir's UnlockFile when it is a regular file of this
// OS user. It reads the file system: call it in a tea.Cmd (Options.UnlockRequested).
func ReadUnlockRequest(dir string) time.Time {
	fi, err := os.Lstat(filepath.Join(dir, UnlockFile))
	if err != nil || !fi.Mode().IsRegular() {
		return time.Time{}
	}
	if st, ok := fi.Sys().(*syscall.Stat_t); !ok || int(st.Uid) != os.Getuid() {
		return time.Time{}
	}
	return fi.ModTime()
}
