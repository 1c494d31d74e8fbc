package serve

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	gossh "golang.org/x/crypto/ssh"
)

// loadHostKey reads the host key in path, or creates an ed25519 key there (mode 0600) when
// there is none. A key file readable or writable by others is refused, as OpenSSH does.
// It returns the key in PEM and its SHA256 fingerprint.
func loadHostKey(path string) ([]byte, string, error) {
	data, err := readPrivate(path, 64<<10)
	if errors.Is(err, fs.ErrNotExist) {
		return createHostKey(path)
	}
	if err != nil {
		return nil, "", fmt.Errorf("--host-key: %w", err)
	}
	signer, err := gossh.ParsePrivateKey(data)
	if err != nil {
		return nil, "", fmt.Errorf("--host-key: %s is not a private key without a passphrase: %v", path, err)
	}
	return data, gossh.FingerprintSHA256(signer.PublicKey()), nil
}

func createHostKey(path string) ([]byte, string, error) {
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, "", err
	}
	block, err := gossh.MarshalPrivateKey(priv, "exoscreen serve host key")
	if err != nil {
		return nil, "", err
	}
	data := pem.EncodeToMemory(block)
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, "", fmt.Errorf("--host-key: creating %s: %w", path, err)
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(path)
		return nil, "", fmt.Errorf("--host-key: writing %s: %w", path, err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		os.Remove(path)
		return nil, "", fmt.Errorf("--host-key: writing %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		os.Remove(path)
		return nil, "", fmt.Errorf("--host-key: writing %s: %w", path, err)
	}
	signer, err := gossh.ParsePrivateKey(data)
	if err != nil {
		return nil, "", err
	}
	return data, gossh.FingerprintSHA256(signer.PublicKey()), nil
}

// readPrivate reads a regular file that only its owner may read or write (mode 0600 or
// stricter), at most limit bytes.
func readPrivate(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat() // the file opened, not whatever the name points to later
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file", path)
	}
	if fi.Mode().Perm()&0o077 != 0 {
		return nil, fmt.Errorf("%s has mode %04o; make it private with chmod 600", path, fi.Mode().Perm())
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s is larger than %d bytes", path, limit)
	}
	return data, nil
}

// ReadPasswordFile reads the shared password from the first line of path, which must be
// private to its owner (mode 0600 or stricter). An empty password is refused.
func ReadPasswordFile(path string) (string, error) {
	data, err := readPrivate(path, 4096)
	if err != nil {
		return "", fmt.Errorf("--password-file: %w", err)
	}
	line, _, _ := strings.Cut(string(data), "\n")
	pw := strings.TrimRight(line, "\r")
	if pw == "" {
		return "", fmt.Errorf("--password-file: %s has no password on its first line", path)
	}
	return pw, nil
}

// loadAuthorizedKeys reads an OpenSSH authorized_keys file. A file that others may write
// (group or world writable) is refused, as sshd does; so is a file with no key.
func loadAuthorizedKeys(path string) ([]gossh.PublicKey, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("--authorized-keys: %w", err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("--authorized-keys: %w", err)
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("--authorized-keys: %s is not a regular file", path)
	}
	if fi.Mode().Perm()&0o022 != 0 {
		return nil, fmt.Errorf("--authorized-keys: %s has mode %04o and others may change it; chmod 600", path, fi.Mode().Perm())
	}
	data, err := io.ReadAll(io.LimitReader(f, 1<<20))
	if err != nil {
		return nil, fmt.Errorf("--authorized-keys: %w", err)
	}
	var keys []gossh.PublicKey
	for n, line := range bytes.Split(data, []byte("\n")) {
		line = bytes.TrimSpace(line)
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		k, _, _, _, err := gossh.ParseAuthorizedKey(line)
		if err != nil {
			return nil, fmt.Errorf("--authorized-keys: %s line %d: %v", path, n+1, err)
		}
		keys = append(keys, k)
	}
	if len(keys) == 0 {
		return nil, fmt.Errorf("--authorized-keys: %s has no key", path)
	}
	return keys, nil
}
