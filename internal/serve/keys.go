package serve

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"errors"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/exoscreen/exoscreen/internal/fserr"
	"github.com/exoscreen/exoscreen/screening/export"
	gossh "golang.org/x/crypto/ssh"
)

// loadHostKey reads the host key in path, or creates an ed25519 key there (mode 0600) when
// there is none. A key file readable or writable by others is refused, as OpenSSH does.
// It returns the key in PEM and its SHA256 fingerprint.
func loadHostKey(path string) ([]byte, string, error) {
	data, err := ReadPrivate("--host-key", path, 64<<10)
	if errors.Is(err, fs.ErrNotExist) {
		return createHostKey(path)
	}
	if err != nil {
		return nil, "", err
	}
	signer, err := gossh.ParsePrivateKey(data)
	if err != nil {
		return nil, "", startMessages.Wrap(err, "hostKeyBad", export.Sanitize(path))
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
		return nil, "", startMessages.Errorf("hostKeyCreate", export.Sanitize(path), fserr.Cause(err))
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(path)
		return nil, "", startMessages.Errorf("hostKeyCreate", export.Sanitize(path), fserr.Cause(err))
	}
	if err := f.Sync(); err != nil {
		f.Close()
		os.Remove(path)
		return nil, "", startMessages.Errorf("hostKeyCreate", export.Sanitize(path), fserr.Cause(err))
	}
	if err := f.Close(); err != nil {
		os.Remove(path)
		return nil, "", startMessages.Errorf("hostKeyCreate", export.Sanitize(path), fserr.Cause(err))
	}
	signer, err := gossh.ParsePrivateKey(data)
	if err != nil {
		return nil, "", err
	}
	return data, gossh.FingerprintSHA256(signer.PublicKey()), nil
}

// ReadPrivate reads a regular file that only its owner may read or write (mode 0600 or
// stricter), at most limit bytes: a secret given by the flag named flag (the host key, the
// password file, the kiosk's staff PIN file). Its errors name the flag and the file and say
// the problem in every language (i18n.Message); a missing file is fs.ErrNotExist.
func ReadPrivate(flag, path string, limit int64) ([]byte, error) {
	name := export.Sanitize(path)
	f, err := os.Open(path)
	if err != nil {
		return nil, startMessages.Errorf("read", flag, name, fserr.ReadCause(err))
	}
	defer f.Close()
	fi, err := f.Stat() // the file opened, not whatever the name points to later
	if err != nil {
		return nil, startMessages.Errorf("read", flag, name, fserr.ReadCause(err))
	}
	if !fi.Mode().IsRegular() {
		return nil, startMessages.Errorf("notRegular", flag, name)
	}
	if fi.Mode().Perm()&0o077 != 0 {
		return nil, startMessages.Errorf("loose", flag, name, fi.Mode().Perm())
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, startMessages.Errorf("read", flag, name, fserr.ReadCause(err))
	}
	if int64(len(data)) > limit {
		return nil, startMessages.Errorf("tooLarge", flag, name, limit)
	}
	return data, nil
}

// ReadPasswordFile reads the shared password from the first line of path, which must be
// private to its owner (mode 0600 or stricter). An empty password is refused.
func ReadPasswordFile(path string) (string, error) {
	data, err := ReadPrivate("--password-file", path, 4096)
	if err != nil {
		return "", err
	}
	line, _, _ := strings.Cut(string(data), "\n")
	pw := strings.TrimRight(line, "\r")
	if pw == "" {
		return "", startMessages.Errorf("pwEmpty", export.Sanitize(path))
	}
	return pw, nil
}

// loadAuthorizedKeys reads an OpenSSH authorized_keys file. A file that others may write
// (group or world writable) is refused, as sshd does; so is a file with no key.
func loadAuthorizedKeys(path string) ([]gossh.PublicKey, error) {
	const flag = "--authorized-keys"
	name := export.Sanitize(path)
	f, err := os.Open(path)
	if err != nil {
		return nil, startMessages.Errorf("read", flag, name, fserr.ReadCause(err))
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, startMessages.Errorf("read", flag, name, fserr.ReadCause(err))
	}
	if !fi.Mode().IsRegular() {
		return nil, startMessages.Errorf("notRegular", flag, name)
	}
	if fi.Mode().Perm()&0o022 != 0 {
		return nil, startMessages.Errorf("akLoose", name, fi.Mode().Perm())
	}
	data, err := io.ReadAll(io.LimitReader(f, 1<<20))
	if err != nil {
		return nil, startMessages.Errorf("read", flag, name, fserr.ReadCause(err))
	}
	var keys []gossh.PublicKey
	for n, line := range bytes.Split(data, []byte("\n")) {
		line = bytes.TrimSpace(line)
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		k, _, _, _, err := gossh.ParseAuthorizedKey(line)
		if err != nil {
			return nil, startMessages.Wrap(err, "akLine", name, n+1)
		}
		keys = append(keys, k)
	}
	if len(keys) == 0 {
		return nil, startMessages.Errorf("akNone", name)
	}
	return keys, nil
}
