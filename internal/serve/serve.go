// Package serve is `exoscreen serve`: the front-desk kiosk (or the interactive screening) over
// SSH, so that every terminal in a clinic (a tablet in the waiting room, a thin client in a
// consulting room) runs its own screening with a plain SSH client, all results landing in one
// outbox that the staff inbox reads.
//
// It is built on charmbracelet/wish and its bubbletea middleware. Every session has its own
// program, renderer (colour profile and dark or light background of that client), window
// size, answers, idle timer and wipe; nothing of one session is reachable from another. The
// one thing shared is the staff PIN guard, so that a lockout counts tries from every session.
//
// A session gets a screen and nothing else: exec requests, subsystems (sftp), port, agent and
// X11 forwarding are refused. A client without a pty gets a message and the line-by-line
// screening (ui/accessible). The operator log names sessions by number, remote address and
// how they authenticated, never by anything a patient typed: not the SSH user name, not the
// patient's details, not an answer.
package serve

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"
	bm "github.com/charmbracelet/wish/bubbletea"
	"github.com/exoscreen/exoscreen/internal/fserr"
	"github.com/exoscreen/exoscreen/internal/outbox"
	"github.com/exoscreen/exoscreen/screening"
	"github.com/exoscreen/exoscreen/ui"
	"github.com/exoscreen/exoscreen/ui/kiosk"
	"github.com/muesli/termenv"
	gossh "golang.org/x/crypto/ssh"
)

// Mode is what a session runs.
type Mode string

// The modes of a session.
const (
	ModeKiosk     Mode = "kiosk"     // welcome, details, questionnaire, completion; again
	ModeScreening Mode = "screening" // one interactive screening, its result to the outbox
)

// DefaultListen is the address served when none is given: loopback only.
const DefaultListen = "127.0.0.1:2222"

// PasswordEnv is the environment variable holding the shared password.
const PasswordEnv = "EXOSCREEN_SERVE_PASSWORD"

// Config configures a server.
type Config struct {
	// Listen is the address to listen on (DefaultListen when empty).
	Listen string
	// Outbox is the folder results are written to (required).
	Outbox string
	// Mode is what every session runs (ModeKiosk when empty).
	Mode Mode
	// RuleSet is the rule set screened with (required).
	RuleSet *screening.RuleSet
	// Lang is the staff's language and the language preselected for patients. A session of
	// the screening mode or the line mode starts in the language of the client's LC_ALL,
	// LC_MESSAGES or LANG when that names ja or en (OpenSSH sends LANG and LC_* by default
	// on Debian), else in Lang.
	Lang screening.Lang
	// Details, ShowResult, IdleTimeout and Clinic are those of the kiosk (kiosk.Options).
	// IdleTimeout applies in every mode: in the screening mode and in the line mode a session
	// idle that long (and then the countdown) is wiped and ended.
	Details     []kiosk.Field
	ShowResult  bool
	IdleTimeout time.Duration
	Clinic      string
	// Guard is the staff PIN guard, shared by every session (nil: no staff menu).
	Guard *kiosk.Guard

	// HostKey is the host key file: created (ed25519, mode 0600) when missing, refused when
	// readable by others (required).
	HostKey string
	// AuthorizedKeys is an OpenSSH authorized_keys file; Password a shared password. At least
	// one of them is required.
	AuthorizedKeys string
	Password       string

	// MaxSessions is how many sessions run at once (default 32); one more is refused politely.
	MaxSessions int
	// AuthTimeout is how long a connection has to authenticate and open its session
	// (default 30s).
	AuthTimeout time.Duration
	// CloseGrace is how long Shutdown waits for sessions to finish their saves (default 5s).
	CloseGrace time.Duration
	// KeepAlive is how often a session's client is asked whether it is still there; a client
	// that does not answer within the same time is disconnected (default 30s).
	KeepAlive time.Duration

	// Log receives the operator log (os.Stderr when nil).
	Log io.Writer
}

// Server is an exoscreen SSH server.
type Server struct {
	cfg         Config
	srv         *ssh.Server
	box         *outbox.Outbox
	fingerprint string
	authorized  []gossh.PublicKey
	password    [sha256.Size]byte
	hasPassword bool
	log         *opLog
	saveDelay   time.Duration // tests only: a slow disk

	closing  atomic.Bool
	nextID   atomic.Int64
	active   atomic.Int64
	mu       sync.Mutex
	sessions map[ssh.Session]*session // the sessions running, by their SSH session
	wg       sync.WaitGroup           // running sessions
	failures *failures
}

// testSaveDelay slows every save down (a slow disk). It is set only by tests, in the binary
// with -ldflags "-X github.com/exoscreen/exoscreen/internal/serve.testSaveDelay=2s".
var testSaveDelay string

// New checks cfg, loads (or creates) the host key and the authorized keys and prepares the
// outbox. Nothing listens yet.
func New(cfg Config) (*Server, error) {
	if cfg.RuleSet == nil {
		return nil, errors.New("serve: no rule set")
	}
	if cfg.Outbox == "" {
		return nil, errors.New("serve needs --outbox DIR")
	}
	if cfg.HostKey == "" {
		return nil, errors.New("serve needs --host-key FILE")
	}
	if cfg.AuthorizedKeys == "" && cfg.Password == "" {
		return nil, startMessages.Errorf("nobody", PasswordEnv)
	}
	switch cfg.Mode {
	case "":
		cfg.Mode = ModeKiosk
	case ModeKiosk, ModeScreening:
	default:
		return nil, startMessages.Errorf("mode", string(cfg.Mode))
	}
	if cfg.Listen == "" {
		cfg.Listen = DefaultListen
	}
	cfg.Lang = ui.Common{Lang: cfg.Lang}.Defaults(cfg.RuleSet).Lang // the staff's; each session has its own renderer
	if cfg.IdleTimeout <= 0 {
		cfg.IdleTimeout = 2 * time.Minute
	}
	if cfg.MaxSessions <= 0 {
		cfg.MaxSessions = 32
	}
	if cfg.AuthTimeout <= 0 {
		cfg.AuthTimeout = 30 * time.Second
	}
	if cfg.CloseGrace <= 0 {
		cfg.CloseGrace = 5 * time.Second
	}
	if cfg.KeepAlive <= 0 {
		cfg.KeepAlive = 30 * time.Second
	}
	if cfg.Log == nil {
		cfg.Log = os.Stderr
	}
	s := &Server{cfg: cfg, box: outbox.New(cfg.Outbox), log: &opLog{w: cfg.Log},
		sessions: map[ssh.Session]*session{}, failures: newFailures()}
	if testSaveDelay != "" {
		s.saveDelay, _ = time.ParseDuration(testSaveDelay)
	}
	pemKey, fp, err := loadHostKey(cfg.HostKey)
	if err != nil {
		return nil, err
	}
	s.fingerprint = fp
	if cfg.AuthorizedKeys != "" {
		if s.authorized, err = loadAuthorizedKeys(cfg.AuthorizedKeys); err != nil {
			return nil, err
		}
	}
	if cfg.Password != "" {
		s.password, s.hasPassword = sha256.Sum256([]byte(cfg.Password)), true
		s.cfg.Password = "" // only the digest is kept
	}
	warn, err := s.box.Prepare(time.Now())
	if err != nil {
		return nil, fserr.OutboxUnwritable(cfg.Outbox, err)
	}
	if warn != "" {
		s.log.printf("warning: %s", warn)
	}

	opts := []ssh.Option{
		wish.WithAddress(cfg.Listen),
		wish.WithHostKeyPEM(pemKey),
		wish.WithVersion("exoscreen"),
		wish.WithMiddleware(
			bm.MiddlewareWithProgramHandler(s.program, termenv.Ascii),
			s.gate,
		),
		func(srv *ssh.Server) error {
			srv.ConnCallback = s.onConnect
			// Nothing but sessions: no direct-tcpip (local forwarding), no reverse
			// forwarding, no subsystems. (The library's defaults; set here so that a change
			// of default cannot open them.)
			srv.ChannelHandlers = map[string]ssh.ChannelHandler{"session": screenOnly}
			srv.RequestHandlers = map[string]ssh.RequestHandler{}
			srv.SubsystemHandlers = map[string]ssh.SubsystemHandler{}
			srv.LocalPortForwardingCallback = func(ssh.Context, string, uint32) bool { return false }
			srv.ReversePortForwardingCallback = func(ssh.Context, string, uint32) bool { return false }
			// A shell (the screen) only: exec and subsystem requests are refused.
			srv.SessionRequestCallback = func(sess ssh.Session, req string) bool { return req == "shell" }
			return nil
		},
	}
	if len(s.authorized) > 0 {
		opts = append(opts, wish.WithPublicKeyAuth(s.checkKey))
	}
	if s.hasPassword {
		opts = append(opts, wish.WithPasswordAuth(s.checkPassword))
	}
	srv, err := wish.NewServer(opts...)
	if err != nil {
		return nil, err
	}
	s.srv = srv
	return s, nil
}

// Fingerprint is the SHA256 fingerprint of the host key, as OpenSSH prints it.
func (s *Server) Fingerprint() string { return s.fingerprint }

// Listen opens the listening socket of cfg.Listen.
func (s *Server) Listen() (net.Listener, error) { return net.Listen("tcp", s.cfg.Listen) }

// Serve accepts connections on ln until Shutdown; it returns nil after Shutdown.
func (s *Server) Serve(ln net.Listener) error {
	s.log.printf("listening on %s (mode %s, host key %s)", ln.Addr(), s.cfg.Mode, s.fingerprint)
	err := s.srv.Serve(ln)
	if errors.Is(err, ssh.ErrServerClosed) || s.closing.Load() {
		return nil
	}
	return err
}

// Shutdown stops accepting connections, tells every session that the server is closing,
// lets saves in progress finish (CloseGrace at most) and closes what is left. A result
// whose save had started is in the outbox before Shutdown returns, or its failure is logged.
func (s *Server) Shutdown() {
	if s.closing.Swap(true) {
		return
	}
	s.log.printf("closing: %d session(s) open", s.active.Load())
	ctx, cancel := context.WithTimeout(context.Background(), s.cfg.CloseGrace+time.Second)
	defer cancel()
	go s.srv.Shutdown(ctx) //nolint:errcheck // stops the listeners; the conns are closed below

	s.mu.Lock()
	for _, ss := range s.sessions {
		ss.terminate()
	}
	s.mu.Unlock()

	done := make(chan struct{})
	go func() { s.wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(s.cfg.CloseGrace):
		s.log.printf("closing: %d session(s) did not end in %v", s.active.Load(), s.cfg.CloseGrace)
	}
	s.srv.Close()
	s.log.printf("closed")
}

// screenOnly is the session channel handler: the library's, with agent and X11 forwarding
// requests refused (the library would accept an agent request, though it never forwards).
func screenOnly(srv *ssh.Server, conn *gossh.ServerConn, nc gossh.NewChannel, ctx ssh.Context) {
	ssh.DefaultSessionHandler(srv, conn, filteredChannel{nc}, ctx)
}

type filteredChannel struct{ gossh.NewChannel }

// Accept accepts the channel and drops the forwarding requests made on it.
func (c filteredChannel) Accept() (gossh.Channel, <-chan *gossh.Request, error) {
	ch, reqs, err := c.NewChannel.Accept()
	if err != nil {
		return ch, reqs, err
	}
	out := make(chan *gossh.Request)
	go func() {
		defer close(out)
		for r := range reqs {
			switch r.Type {
			case "auth-agent-req@openssh.com", "x11-req":
				if r.WantReply {
					r.Reply(false, nil) //nolint:errcheck
				}
				continue
			}
			out <- r
		}
	}()
	return ch, out, nil
}

// connState is what the server knows of one connection.
type connState struct {
	started atomic.Bool // a session was opened (the client authenticated)
}

type ctxKey string

const connKey ctxKey = "exoscreen.conn"

// onConnect starts the clock of authentication: a connection that has not opened a session
// within AuthTimeout is closed.
func (s *Server) onConnect(ctx ssh.Context, conn net.Conn) net.Conn {
	if s.closing.Load() {
		return nil
	}
	st := &connState{}
	ctx.SetValue(connKey, st)
	time.AfterFunc(s.cfg.AuthTimeout, func() {
		if !st.started.Load() {
			conn.Close()
		}
	})
	return conn
}

// checkKey accepts a key listed in the authorized keys file.
func (s *Server) checkKey(ctx ssh.Context, key ssh.PublicKey) bool {
	for _, k := range s.authorized {
		if ssh.KeysEqual(key, k) {
			return true
		}
	}
	return false
}

// checkPassword compares the password in constant time. Wrong passwords are slowed down
// (one more second for each recent failure from the address, at most 5 s), and an address
// with maxPasswordFailures recent failures is refused every password for passwordBan.
func (s *Server) checkPassword(ctx ssh.Context, pw string) bool {
	host := hostOf(ctx.RemoteAddr())
	now := time.Now()
	if n, banned := s.failures.banned(host, now); banned {
		s.log.printf("password refused from %s: %d wrong passwords, address blocked for a while", host, n)
		time.Sleep(maxPasswordDelay)
		return false
	}
	d := sha256.Sum256([]byte(pw))
	if subtle.ConstantTimeCompare(d[:], s.password[:]) == 1 {
		s.failures.clear(host)
		return true
	}
	n := s.failures.add(host, now)
	s.log.printf("wrong password from %s (%d recent)", host, n)
	time.Sleep(min(time.Duration(n)*time.Second, maxPasswordDelay))
	return false
}

const (
	maxPasswordDelay    = 5 * time.Second
	maxPasswordFailures = 10
	passwordWindow      = 15 * time.Minute
	passwordBan         = 15 * time.Minute
)

// failures counts wrong passwords per address.
type failures struct {
	mu sync.Mutex
	by map[string]*failCount
}

type failCount struct {
	n     int
	last  time.Time
	until time.Time
}

func newFailures() *failures { return &failures{by: map[string]*failCount{}} }

func (f *failures) banned(host string, now time.Time) (int, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	c := f.by[host]
	if c == nil {
		return 0, false
	}
	return c.n, now.Before(c.until)
}

func (f *failures) add(host string, now time.Time) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	for h, c := range f.by { // forget old entries, so the map stays small
		if now.Sub(c.last) > passwordWindow && !now.Before(c.until) {
			delete(f.by, h)
		}
	}
	c := f.by[host]
	if c == nil {
		c = &failCount{}
		f.by[host] = c
	}
	c.n++
	c.last = now
	if c.n >= maxPasswordFailures {
		c.until = now.Add(passwordBan)
	}
	return c.n
}

func (f *failures) clear(host string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	delete(f.by, host)
}

// hostOf is the host part of a remote address.
func hostOf(a net.Addr) string {
	if a == nil {
		return "?"
	}
	h, _, err := net.SplitHostPort(a.String())
	if err != nil {
		return a.String()
	}
	return h
}

// opLog is the operator log: one line per event, with the time.
type opLog struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *opLog) printf(format string, args ...any) {
	line := fmt.Sprintf(format, args...)
	line = strings.Map(func(r rune) rune { // one line, no control characters
		if r < 0x20 || r == 0x7f {
			return ' '
		}
		return r
	}, line)
	l.mu.Lock()
	defer l.mu.Unlock()
	fmt.Fprintf(l.w, "%s exoscreen serve: %s\n", time.Now().UTC().Format(time.RFC3339), line)
}
