package inbox

import "syscall"

// networkFS reports whether dir is on a network file system (NFS, SMB/CIFS, FUSE: sshfs and
// the like), where notifications do not see other computers' changes.
func networkFS(dir string) bool {
	var st syscall.Statfs_t
	if syscall.Statfs(dir, &st) != nil {
		return false
	}
	switch uint32(st.Type) {
	case 0x6969, // NFS
		0x517b,     // SMB
		0xff534d42, // CIFS
		0xfe534d42, // SMB2
		0x65735546, // FUSE
		0x564c:     // NCP
		return true
	}
	return false
}
