package main

import (
	"bytes"
	"os"
	"strconv"
	"strings"
)

// scrubEnv removes the value of the environment variable name from the process's initial
// environment block, the memory that /proc/PID/environ and `ps eww` show: os.Unsetenv only
// drops the Go runtime's copy, the block keeps the value. The block's place comes from
// /proc/self/stat (env_start, env_end); the value's bytes are overwritten with NUL bytes
// through /proc/self/mem, so no pointer is made from an address. Nothing in the program
// reads the block after start-up (the runtime copied it). It reports whether a value was
// removed.
func scrubEnv(name string) bool {
	start, end, ok := envBlock()
	if !ok {
		return false
	}
	mem, err := os.OpenFile("/proc/self/mem", os.O_RDWR, 0)
	if err != nil {
		return false
	}
	defer mem.Close()
	block := make([]byte, end-start)
	if n, err := mem.ReadAt(block, start); err != nil || n != len(block) {
		return false
	}
	done := false
	prefix := []byte(name + "=")
	for off := 0; off < len(block); {
		entry := block[off:]
		if i := bytes.IndexByte(entry, 0); i >= 0 {
			entry = entry[:i]
		}
		if bytes.HasPrefix(entry, prefix) && len(entry) > len(prefix) {
			at := start + int64(off+len(prefix))
			if n, err := mem.WriteAt(make([]byte, len(entry)-len(prefix)), at); err == nil && n == len(entry)-len(prefix) {
				done = true
			} else {
				return false
			}
		}
		off += len(entry) + 1
	}
	return done
}

// envBlock is where the initial environment lies in memory: fields 50 and 51 of
// /proc/self/stat (Linux 3.5 and later).
func envBlock() (start, end int64, ok bool) {
	b, err := os.ReadFile("/proc/self/stat")
	if err != nil {
		return 0, 0, false
	}
	i := strings.LastIndexByte(string(b), ')') // the command name may hold spaces
	if i < 0 {
		return 0, 0, false
	}
	f := strings.Fields(string(b[i+1:])) // f[0] is field 3
	if len(f) < 49 {
		return 0, 0, false
	}
	s, err1 := strconv.ParseInt(f[47], 10, 64)
	e, err2 := strconv.ParseInt(f[48], 10, 64)
	if err1 != nil || err2 != nil || s <= 0 || e <= s || e-s > 1<<24 {
		return 0, 0, false
	}
	return s, e, true
}
