//go:build unix

package outbox

import "syscall"

// noFollow makes opening a file fail when it is a symbolic link (swapped in after Lstat).
const noFollow = syscall.O_NOFOLLOW
