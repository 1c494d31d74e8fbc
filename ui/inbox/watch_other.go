//go:build !linux

package inbox

// networkFS is false where the file system type is not known: notifications are tried, and
// polling takes over when they fail.
func networkFS(string) bool { return false }
