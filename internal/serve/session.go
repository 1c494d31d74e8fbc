package serve

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/ssh"
	bm "github.com/charmbracelet/wish/bubbletea"
	"github.com/exoscreen/exoscreen/internal/linebreak"
	"github.com/exoscreen/exoscreen/internal/outbox"
	"github.com/exoscreen/exoscreen/screening"
	"github.com/exoscreen/exoscreen/screening/export"
	"github.com/exoscreen/exoscreen/ui"
	"github.com/exoscreen/exoscreen/ui/accessible"
	"github.com/exoscreen/exoscreen/ui/kiosk"
	gossh "golang.org/x/crypto/ssh"
	"golang.org/x/text/unicode/norm"
)

// fps is the frame rate of a session's screen, as the local kiosk's.
const fps = 40

// Outcomes of a session, for the operator log.
const (
	outCompleted = "completed"
	outAbandoned = "abandoned"
	outIdleWipe  = "idle wipe"
	outNone      = "nothing started"
)

// session is one SSH session: its program (or line mode), its saves and its outcome. The
// fields under mu are shared with the server (Shutdown) and the save commands.
type session struct {
	id   int64
	srv  *Server
	sess ssh.Session
	pty  bool

	mu        sync.Mutex
	prog      *tea.Program
	cancel    context.CancelFunc // the line mode's context
	closing   bool
	saved     []string
	lastEvent string // outCompleted or outIdleWipe: what happened last

	kiosk *kiosk.Model    // kiosk mode, read after the program ended
	quit  bool            // the line mode ended before its screening was saved
	scr   *screeningModel // screening mode, read after the program ended
	ended atomic.Bool
}

// gate runs every session: it refuses sessions beyond MaxSessions and while closing, logs
// the start and the end, keeps the client alive, and runs the line mode for a client without
// a pty; a session with a pty goes on to the bubbletea middleware (next).
func (s *Server) gate(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		if st, ok := sess.Context().Value(connKey).(*connState); ok {
			st.started.Store(true)
		}
		_, _, hasPty := sess.Pty()
		nl := "\n"
		if hasPty {
			nl = "\r\n"
		}
		lang := s.cfg.Lang
		auth := "password"
		if k := sess.PublicKey(); k != nil {
			auth = "key " + gossh.FingerprintSHA256(k)
		}
		addr := sess.RemoteAddr().String()

		ss := &session{srv: s, sess: sess, pty: hasPty}
		s.mu.Lock()
		if s.closing.Load() {
			s.mu.Unlock()
			io.WriteString(sess, strings.ReplaceAll(tr(lang, "closing"), "\n", nl)+nl) //nolint:errcheck
			sess.Exit(1)                                                               //nolint:errcheck
			return
		}
		if n := s.active.Add(1); n > int64(s.cfg.MaxSessions) {
			s.active.Add(-1)
			s.mu.Unlock()
			s.log.printf("refused %s (%s): all %d places in use", addr, auth, s.cfg.MaxSessions)
			io.WriteString(sess, strings.ReplaceAll(tr(lang, "full"), "\n", nl)+nl) //nolint:errcheck
			sess.Exit(1)                                                            //nolint:errcheck
			return
		}
		ss.id = s.nextID.Add(1)
		s.sessions[sess] = ss
		s.wg.Add(1)
		s.mu.Unlock()
		defer func() {
			s.mu.Lock()
			delete(s.sessions, sess)
			s.mu.Unlock()
			s.active.Add(-1)
			s.wg.Done()
		}()

		start := time.Now()
		kind := "line mode (no pty)"
		if pty, _, ok := sess.Pty(); ok {
			kind = fmt.Sprintf("pty %dx%d", pty.Window.Width, pty.Window.Height)
		}
		s.log.printf("session %d start: %s, %s, %s, %s", ss.id, addr, auth, s.cfg.Mode, kind)
		stop := make(chan struct{})
		go ss.keepAlive(stop)

		code := 0
		if hasPty {
			next(sess)
		} else {
			code = ss.lineMode()
		}
		close(stop)
		ss.ended.Store(true)

		ss.mu.Lock()
		closing := ss.closing && s.closing.Load()
		ss.mu.Unlock()
		if closing {
			io.WriteString(sess, nl+strings.ReplaceAll(tr(lang, "closing"), "\n", nl)+nl) //nolint:errcheck
		} else if ss.scr != nil && ss.scr.wiped {
			// In the patient's language (the screening's), on lines that fit the terminal.
			w := linebreak.Measure
			if pty, _, ok := sess.Pty(); ok && pty.Window.Width > 0 {
				w = min(w, pty.Window.Width)
			}
			msg := strings.Join(linebreak.Lines(tr(ss.scr.cfg.Lang, "line.idle"), w), nl)
			io.WriteString(sess, nl+msg+nl) //nolint:errcheck
		}
		out, ids := ss.outcome()
		saved := ""
		if len(ids) > 0 {
			saved = ", saved " + strings.Join(ids, " ")
		}
		s.log.printf("session %d end: %s%s (%s)", ss.id, out, saved, time.Since(start).Round(time.Second))
		sess.Exit(code) //nolint:errcheck
	}
}

// outcome is how the session ended and the ids of the results it saved.
func (ss *session) outcome() (string, []string) {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	inProgress := false
	switch {
	case ss.kiosk != nil:
		inProgress = ss.kiosk.InProgress()
	case ss.scr != nil:
		inProgress = ss.scr.inProgress()
	default:
		inProgress = ss.quit
	}
	switch {
	case inProgress:
		return outAbandoned, ss.saved
	case ss.lastEvent != "":
		return ss.lastEvent, ss.saved
	}
	return outNone, ss.saved
}

// terminate tells the session's program that the server is closing (it finishes a save in
// progress, then ends), or ends the line mode.
func (ss *session) terminate() {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	ss.closing = true
	if ss.cancel != nil {
		ss.cancel()
	}
	if p := ss.prog; p != nil {
		var msg tea.Msg = kiosk.TerminateMsg{}
		go p.Send(msg) // Send waits for a program that has not started yet
	}
}

// keepAlive asks the client every KeepAlive whether it is still there, and ends the session
// of a client that does not answer in time (a vanished or stuck client).
func (ss *session) keepAlive(stop <-chan struct{}) {
	every := ss.srv.cfg.KeepAlive
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
		}
		ok := make(chan bool, 1)
		go func() {
			_, err := ss.sess.SendRequest("keepalive@openssh.com", true, nil)
			ok <- err == nil
		}()
		alive := false
		select {
		case alive = <-ok:
		case <-time.After(every):
		case <-stop:
			return
		}
		if !alive {
			ss.srv.log.printf("session %d: the client stopped answering", ss.id)
			ss.terminate()
			if c, ok := ss.sess.Context().Value(ssh.ContextKeyConn).(gossh.Conn); ok {
				c.Close()
			}
			return
		}
	}
}

// save writes a finished screening to the outbox; the result is on disk before the session
// is told it was saved.
func (ss *session) save(res *screening.Result, m export.Meta) (string, error) {
	if d := ss.srv.saveDelay; d > 0 {
		time.Sleep(d)
	}
	id, err := ss.srv.box.Save(res, m)
	if err != nil {
		ss.srv.log.printf("session %d: a result could not be saved: %v", ss.id, err)
		return "", err
	}
	ss.mu.Lock()
	ss.saved = append(ss.saved, id)
	ss.lastEvent = outCompleted
	ss.mu.Unlock()
	ss.srv.log.printf("session %d: completed, saved %s", ss.id, id)
	return id, nil
}

// lang is the language a screening starts in: the client's locale when it names ja or en,
// else the configured one.
func (ss *session) lang() screening.Lang {
	cfg := ss.srv.cfg
	env := ss.sess.Environ()
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		for _, kv := range env {
			v, ok := strings.CutPrefix(kv, name+"=")
			if !ok || v == "" {
				continue
			}
			if l, ok := cfg.RuleSet.MatchLang(v); ok { // zh_TW.UTF-8 gives zh-Hant if declared
				return l
			}
			return cfg.Lang
		}
	}
	return cfg.Lang
}

// idleWiped records an idle wipe.
func (ss *session) idleWiped() {
	ss.mu.Lock()
	ss.lastEvent = outIdleWipe
	ss.mu.Unlock()
	ss.srv.log.printf("session %d: idle wipe", ss.id)
}

// idleCountdown is how long "are you still there?" waits, as for the local kiosk.
func idleCountdown(idle time.Duration) time.Duration {
	if idle < time.Minute {
		return idle / 2
	}
	return 30 * time.Second
}

// program makes the session's program (the bubbletea middleware's ProgramHandler): the
// session's own renderer and styles, its own kiosk or screening.
func (s *Server) program(sess ssh.Session) *tea.Program {
	// The session is found by its SSH session, not through the context: the context is the
	// connection's, shared by every session a client opens on it.
	s.mu.Lock()
	ss, ok := s.sessions[sess]
	s.mu.Unlock()
	if !ok {
		return nil
	}
	// The session's input is read by one pump: first by the renderer's terminal query
	// (background colour), which gives up after queryWait, then by the program.
	in := newPump(sess)
	st := ui.NewStyles(bm.MakeRenderer(&querySession{Session: sess, in: in, deadline: time.Now().Add(queryWait)}))
	pty, _, _ := sess.Pty()
	cfg := s.cfg
	var model tea.Model
	var filter func(tea.Model, tea.Msg) tea.Msg
	switch cfg.Mode {
	case ModeScreening:
		m := newScreeningModel(cfg.RuleSet, screeningConfig{
			Lang: ss.lang(), Styles: st, Clinic: cfg.Clinic, ShowResult: true,
			Idle: cfg.IdleTimeout, Countdown: idleCountdown(cfg.IdleTimeout),
			Save: ss.save, IdleWiped: ss.idleWiped,
			Width: min(pty.Window.Width, maxWidth), Height: min(pty.Window.Height, maxHeight),
		})
		ss.mu.Lock()
		ss.scr = m
		ss.mu.Unlock()
		model, filter = m, screeningFilter
	default:
		k := kiosk.New(kiosk.Options{
			RuleSet:       cfg.RuleSet,
			Styles:        st,
			Lang:          cfg.Lang,
			Details:       cfg.Details,
			ShowResult:    cfg.ShowResult,
			IdleTimeout:   cfg.IdleTimeout,
			IdleCountdown: idleCountdown(cfg.IdleTimeout),
			Guard:         cfg.Guard,
			Save:          ss.save,
			SaveIn: func(dir string, res *screening.Result, meta export.Meta) (string, error) {
				o := outbox.New(dir)
				if _, err := o.Prepare(time.Now()); err != nil {
					return "", err
				}
				id, err := o.Save(res, meta)
				if err == nil {
					s.log.printf("session %d: staff saved a result in another folder: %s", ss.id, id)
				}
				return id, err
			},
			Where:     cfg.Outbox,
			Clinic:    cfg.Clinic,
			IdleWiped: func() tea.Msg { ss.idleWiped(); return nil },
			// exoscreen kiosk-unlock --outbox DIR releases the lockout here too: the guard is
			// the server's, so one request releases it for every session.
			UnlockRequested: func() time.Time { return kiosk.ReadUnlockRequest(cfg.Outbox) },
		})
		ss.mu.Lock()
		ss.kiosk = k
		ss.mu.Unlock()
		model, filter = k, kiosk.Filter
	}
	env := append(sess.Environ(), "TERM="+pty.Term)
	opts := append(bm.MakeOptions(sess),
		// The session's input, watched for its end: a client that closed its session (or
		// its input) ends the program after a save in progress.
		tea.WithInput(&eofReader{r: in, onEOF: ss.terminate}),
		tea.WithAltScreen(), tea.WithoutSignalHandler(), tea.WithFPS(fps),
		tea.WithEnvironment(env), tea.WithFilter(clampSize(filter)))
	p := tea.NewProgram(model, opts...)
	ss.mu.Lock()
	ss.prog = p
	closing := ss.closing
	ss.mu.Unlock()
	if closing {
		go p.Send(kiosk.TerminateMsg{})
	}
	// A client that went away: finish a save in progress, then end the program (the
	// middleware's own Quit is dropped by the filters, which let only a clean end through).
	go func() {
		<-sess.Context().Done()
		in.stop()
		if !ss.ended.Load() {
			ss.terminate()
		}
	}()
	return p
}

// queryWait is how long a session's renderer waits for the client's terminal to say its
// background colour.
const queryWait = time.Second

// querySession is the session as the renderer's terminal query sees it: reads end at the
// deadline. (bubbletea.MakeRenderer reads the answer from the session itself and cancels
// the read after a second, but a read of an SSH session cannot be cancelled: a client whose
// terminal does not answer kept a blank screen until its first key, and lost that key.)
type querySession struct {
	ssh.Session
	in       *pump
	deadline time.Time
}

var errQueryTimeout = errors.New("the terminal did not answer")

func (q *querySession) Read(b []byte) (int, error) {
	wait := time.Until(q.deadline)
	if wait <= 0 {
		return 0, errQueryTimeout
	}
	t := time.NewTimer(wait)
	defer t.Stop()
	return q.in.read(b, t.C)
}

// The largest window a session draws for: a client claiming a larger one gets this size
// (a window of 10000x10000 cells would cost the server memory and time on every frame).
const (
	maxWidth  = 400
	maxHeight = 200
)

// clampSize wraps a program filter: window sizes are kept within maxWidth x maxHeight.
func clampSize(f func(tea.Model, tea.Msg) tea.Msg) func(tea.Model, tea.Msg) tea.Msg {
	return func(m tea.Model, msg tea.Msg) tea.Msg {
		if ws, ok := msg.(tea.WindowSizeMsg); ok {
			ws.Width = min(max(ws.Width, 1), maxWidth)
			ws.Height = min(max(ws.Height, 1), maxHeight)
			msg = ws
		}
		return f(m, msg)
	}
}

// lineMode runs the line-by-line screening (ui/accessible) for a client without a pty, on
// the session's reader and writer: the language, the patient details (kiosk mode), then the
// questions. It returns the exit status of the session.
func (ss *session) lineMode() int {
	s, sess := ss.srv, ss.sess
	lang := ss.lang()
	if _, ok := s.cfg.RuleSet.Language(lang); !ok {
		lang = s.cfg.RuleSet.Clinic()
	}
	var msg strings.Builder // wrapped: nothing tells the width of a client without a pty
	for _, para := range strings.Split(tr(lang, "nopty"), "\n") {
		for _, l := range linebreak.Lines(para, linebreak.Measure) {
			msg.WriteString(l + "\n")
		}
	}
	io.WriteString(sess, msg.String()+"\n") //nolint:errcheck

	ctx, cancel := context.WithCancel(sess.Context())
	defer cancel()
	ss.mu.Lock()
	ss.cancel = cancel
	closing := ss.closing
	ss.mu.Unlock()
	if closing {
		cancel()
	}
	var idle atomic.Bool
	limit := s.cfg.IdleTimeout + idleCountdown(s.cfg.IdleTimeout)
	timer := time.AfterFunc(limit, func() { idle.Store(true); cancel() })
	defer timer.Stop()
	in := newPump(&activityReader{r: sess, on: func() { timer.Reset(limit) }})
	defer in.stop()

	// In the kiosk mode without --show-result the patient does not see the result: the
	// summary accessible prints after saving goes nowhere.
	out := &gateWriter{w: sess}
	hide := s.cfg.Mode == ModeKiosk && !s.cfg.ShowResult
	var savedID string
	lang, patient, err := ss.lineIntro(ctx, in, lang)
	if err == nil {
		_, _, err = accessible.Run(ctx, s.cfg.RuleSet, accessible.Options{
			Lang: lang,
			In:   in,
			Out:  out,
			Meta: export.Meta{Clinic: s.cfg.Clinic, Patient: patient},
			Save: func(res *screening.Result, m export.Meta) error {
				id, err := ss.save(res, m)
				if err != nil {
					return err
				}
				savedID = id
				if hide {
					out.off()
				}
				return nil
			},
		})
	}
	var serr *accessible.SaveError
	ss.mu.Lock()
	ss.quit = err != nil && !idle.Load()
	ss.mu.Unlock()
	switch {
	case err == nil:
		io.WriteString(sess, "\n"+tr(lang, "line.saved", savedID)+"\n") //nolint:errcheck
		return 0
	case errors.As(err, &serr):
		io.WriteString(sess, "\n"+tr(lang, "line.saveFailed")+"\n") //nolint:errcheck
		return 1
	case idle.Load():
		ss.idleWiped()
		io.WriteString(sess, "\n"+tr(lang, "line.idle")+"\n") //nolint:errcheck
		return 1
	case errors.Is(err, context.Canceled):
		return 1 // closing (said by gate) or the client went away
	case errors.Is(err, io.EOF):
		err = accessible.ErrInputEnded
	}
	io.WriteString(sess, "\n"+accessible.Message(err, lang)+"\n") //nolint:errcheck
	return 1
}

// lineIntro asks for the language and, in the kiosk mode, the patient details, as the
// kiosk's welcome and details screens do.
func (ss *session) lineIntro(ctx context.Context, in *pump, lang screening.Lang) (screening.Lang, *export.Patient, error) {
	w := ss.sess
	rs := ss.srv.cfg.RuleSet
	for {
		io.WriteString(w, langPrompt(rs, lang)) //nolint:errcheck
		line, err := in.line(ctx)
		if err != nil {
			return lang, nil, err
		}
		if l, ok := pickLang(rs, lang, line); ok {
			lang = l
			break
		}
	}
	if ss.srv.cfg.Mode != ModeKiosk || len(ss.srv.cfg.Details) == 0 {
		return lang, nil, nil
	}
	io.WriteString(w, "\n"+tr(lang, "line.details")+"\n") //nolint:errcheck
	p := &export.Patient{}
	for _, f := range ss.srv.cfg.Details {
		for {
			io.WriteString(w, f.Label(lang)+" ("+f.Hint(lang)+"): ") //nolint:errcheck
			line, err := in.line(ctx)
			if err != nil {
				return lang, nil, err
			}
			v, msg := f.Validate(line, time.Now())
			if msg != "" {
				io.WriteString(w, kiosk.ValidateMessage(lang, msg)+"\n") //nolint:errcheck
				continue
			}
			switch f {
			case kiosk.Reception:
				p.ReceptionNumber = v
			case kiosk.Name:
				p.Name = v
			case kiosk.DateOfBirth:
				p.DateOfBirth = v
			}
			break
		}
	}
	io.WriteString(w, "\n") //nolint:errcheck
	return lang, p, nil
}

// langPrompt asks for the language in lang, offering every language of rs by number and by
// its name in itself (1 日本語, 2 English, 3 简体中文 ...); Enter keeps lang, whose number is
// in brackets.
func langPrompt(rs *screening.RuleSet, lang screening.Lang) string {
	tags := rs.Langs()
	items := make([]string, len(tags))
	def := 1
	for i, t := range tags {
		l, _ := rs.Language(t)
		items[i] = strconv.Itoa(i+1) + " " + l.Name
		if t == lang {
			def = i + 1
		}
	}
	return tr(lang, "line.lang", strings.Join(items, ", "), def)
}

// pickLang reads the answer to langPrompt: empty keeps lang; a number (half- or full-width),
// a declared tag or locale (ko, zh-TW) or a language's name picks that language.
func pickLang(rs *screening.RuleSet, lang screening.Lang, line string) (screening.Lang, bool) {
	s := strings.TrimSpace(norm.NFKC.String(line)) // full-width digits and letters as ASCII
	if s == "" {
		return lang, true
	}
	tags := rs.Langs()
	if n, err := strconv.Atoi(s); err == nil {
		if n >= 1 && n <= len(tags) {
			return tags[n-1], true
		}
		return lang, false
	}
	for _, t := range tags {
		if l, _ := rs.Language(t); strings.EqualFold(s, l.Name) || strings.EqualFold(s, string(t)) {
			return t, true
		}
	}
	if a, ok := langAliases[strings.ToLower(s)]; ok {
		s = a
	}
	if _, err := screening.ParseLang(s); err == nil {
		if l, ok := rs.MatchLang(s); ok {
			return l, true
		}
	}
	return lang, false
}

// langAliases are other names patients type for a language.
var langAliases = map[string]string{"english": "en", "にほんご": "ja", "中文": "zh-Hans", "한국어": "ko"}

// pump reads a session's input in one goroutine, so that a line can be awaited with a
// context, and then hands the rest to the screening as an io.Reader (nothing read twice,
// nothing lost between the two).
type pump struct {
	ch   chan []byte // chunks read; closed at the end of the input
	done chan struct{}
	buf  []byte
	once sync.Once
}

// maxLine is the longest line the line mode takes for a detail.
const maxLine = 1024

func newPump(r io.Reader) *pump {
	p := &pump{ch: make(chan []byte), done: make(chan struct{})}
	go func() {
		defer close(p.ch)
		b := make([]byte, 4096)
		for {
			n, err := r.Read(b)
			if n > 0 {
				c := make([]byte, n)
				copy(c, b[:n])
				select {
				case p.ch <- c:
				case <-p.done:
					return
				}
			}
			if err != nil {
				return
			}
		}
	}()
	return p
}

func (p *pump) stop() { p.once.Do(func() { close(p.done) }) }

// line waits for the next line (without its line ending).
func (p *pump) line(ctx context.Context) (string, error) {
	for {
		if i := bytes.IndexByte(p.buf, '\n'); i >= 0 {
			line := strings.TrimRight(string(p.buf[:i]), "\r")
			p.buf = p.buf[i+1:]
			if len(line) > maxLine {
				return "", nil // an over-long line counts as nothing typed, ended or not
			}
			return line, nil
		}
		if len(p.buf) > maxLine {
			p.buf = p.buf[:0]
			return "", nil // an over-long line counts as nothing typed
		}
		select {
		case <-ctx.Done():
			return "", ctx.Err()
		case c, ok := <-p.ch:
			if !ok {
				return "", io.EOF
			}
			p.buf = append(p.buf, c...)
		}
	}
}

// Read gives what is left of the input.
func (p *pump) Read(b []byte) (int, error) { return p.read(b, nil) }

// read is Read that gives up with errQueryTimeout when timeout fires.
func (p *pump) read(b []byte, timeout <-chan time.Time) (int, error) {
	if len(p.buf) == 0 {
		select {
		case c, ok := <-p.ch:
			if !ok {
				return 0, io.EOF
			}
			p.buf = c
		case <-p.done:
			return 0, io.EOF
		case <-timeout:
			return 0, errQueryTimeout
		}
	}
	n := copy(b, p.buf)
	p.buf = p.buf[n:]
	return n, nil
}

// eofReader calls onEOF once when r ends.
type eofReader struct {
	r     io.Reader
	onEOF func()
	once  sync.Once
}

func (e *eofReader) Read(p []byte) (int, error) {
	n, err := e.r.Read(p)
	if err != nil {
		e.once.Do(e.onEOF)
	}
	return n, err
}

// activityReader calls on after every read that returned something.
type activityReader struct {
	r  io.Reader
	on func()
}

func (a *activityReader) Read(p []byte) (int, error) {
	n, err := a.r.Read(p)
	if n > 0 {
		a.on()
	}
	return n, err
}

// gateWriter passes writes through until off is called; then it drops them.
type gateWriter struct {
	mu  sync.Mutex
	w   io.Writer
	cut bool
}

func (g *gateWriter) Write(p []byte) (int, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.cut {
		return len(p), nil
	}
	return g.w.Write(p)
}

func (g *gateWriter) off() {
	g.mu.Lock()
	g.cut = true
	g.mu.Unlock()
}
