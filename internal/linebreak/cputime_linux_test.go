package linebreak

import (
	"runtime"
	"syscall"
	"time"
)

// cpuTime runs f on a locked OS thread and returns the processor time that thread spent,
// which, unlike the wall clock, does not grow when other processes keep the machine busy.
func cpuTime(f func()) time.Duration {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	const rusageThread = 1 // RUSAGE_THREAD
	var a, b syscall.Rusage
	if syscall.Getrusage(rusageThread, &a) != nil {
		return wallTime(f)
	}
	f()
	if syscall.Getrusage(rusageThread, &b) != nil {
		return wallTime(f)
	}
	return time.Duration(b.Utime.Nano()+b.Stime.Nano()-a.Utime.Nano()-a.Stime.Nano()) * time.Nanosecond
}
