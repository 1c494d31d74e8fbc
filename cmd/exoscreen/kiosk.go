package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/exoscreen/exoscreen/screening"
	"github.com/exoscreen/exoscreen/screening/export"
	"github.com/exoscreen/exoscreen/screening/outbox"
	"github.com/exoscreen/exoscreen/ui"
	"github.com/exoscreen/exoscreen/ui/kiosk"
)

// kioskFPS is the kiosk's frame rate: a reset reaches the screen within one frame (25 ms),
// and the renderer's ticks are most of what a kiosk idling on its welcome screen costs
// (about half of it at bubbletea's default 60).
const kioskFPS = 40

// pinEnv is the environment variable holding the staff PIN.
const pinEnv = "EXOSCREEN_STAFF_PIN"

// kioskFlags are the values of the flags of `exoscreen --kiosk` (defined in flags.go).
type kioskFlags struct {
	kiosk      bool
	outbox     string
	showResult bool
	idle       time.Duration
	details    string
	pinFile    string
	clinicName string // --clinic, shared with the other commands that print summaries
}

// clinic is the --clinic flag.
func (k *kioskFlags) clinic() string { return k.clinicName }

// misused reports whether a kiosk-only flag was given without --kiosk.
func (k *kioskFlags) misused(fs *flag.FlagSet) error {
	if k.kiosk {
		return nil
	}
	var bad []string
	fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "outbox", "show-result", "idle-timeout", "details", "staff-pin-file":
			bad = append(bad, "--"+f.Name)
		}
	})
	if len(bad) > 0 {
		return fmt.Errorf("%s only work with --kiosk", strings.Join(bad, ", "))
	}
	return nil
}

// readPIN reads the staff PIN from the file or the environment. A PIN file must be private
// to its owner (mode 0600 or stricter), like an SSH key.
func readPIN(file string) (string, error) {
	if file == "" {
		pin, ok := os.LookupEnv(pinEnv)
		if !ok || pin == "" {
			return "", fmt.Errorf("a kiosk needs a staff PIN: set %s or give --staff-pin-file FILE", pinEnv)
		}
		// Programs the kiosk might start never see it.
		os.Unsetenv(pinEnv)
		return strings.TrimSpace(pin), nil
	}
	f, err := os.Open(file)
	if err != nil {
		return "", fmt.Errorf("--staff-pin-file: %w", err)
	}
	defer f.Close()
	fi, err := f.Stat() // the file opened, not whatever the name points to later
	if err != nil {
		return "", fmt.Errorf("--staff-pin-file: %w", err)
	}
	if !fi.Mode().IsRegular() {
		return "", fmt.Errorf("--staff-pin-file: %s is not a regular file", file)
	}
	if fi.Mode().Perm()&0o077 != 0 {
		return "", fmt.Errorf("--staff-pin-file: %s has mode %04o; make it private with chmod 600", file, fi.Mode().Perm())
	}
	b, err := io.ReadAll(io.LimitReader(f, 1024))
	if err != nil {
		return "", fmt.Errorf("--staff-pin-file: %w", err)
	}
	line, _, _ := strings.Cut(string(b), "\n")
	return strings.TrimSpace(line), nil
}

// runKiosk runs the front-desk kiosk until staff quit it with the PIN or a signal (SIGTERM,
// SIGHUP) ends it.
func (e *env) runKiosk(rs *screening.RuleSet, c *common, k *kioskFlags) int {
	if k.outbox == "" {
		return e.usageError("", c.lang, errors.New("--kiosk needs --outbox DIR"))
	}
	fields, err := kiosk.ParseFields(k.details)
	if err != nil {
		return e.usageError("", c.lang, fmt.Errorf("--details: %w", err))
	}
	if k.idle < time.Second {
		return e.usageError("", c.lang, fmt.Errorf("--idle-timeout %v is too short (at least 1s)", k.idle))
	}
	pin, err := readPIN(k.pinFile)
	if err != nil {
		return e.usageError("", c.lang, err)
	}
	guard, err := kiosk.NewGuard(pin)
	if err != nil {
		return e.usageError("", c.lang, err)
	}
	in, _ := e.stdin.(*os.File)
	out, _ := e.stdout.(*os.File)
	if !fileIsTerminal(e.stdin) || !fileIsTerminal(e.stdout) {
		fmt.Fprintln(e.stderr, "exoscreen --kiosk: the kiosk needs a terminal (stdin and stdout)")
		return exitUsage
	}
	box := outbox.New(k.outbox)
	warn, err := box.Prepare(time.Now())
	if err != nil {
		fmt.Fprintf(e.stderr, "exoscreen --kiosk: the outbox cannot be written: %v\n", err)
		return exitFail
	}
	if warn != "" {
		fmt.Fprintf(e.stderr, "exoscreen --kiosk: warning: %s\n", warn)
	}

	countdown := 30 * time.Second
	if k.idle < time.Minute {
		countdown = k.idle / 2 // a short timeout (trying the kiosk out) gets a short countdown
	}
	m := kiosk.New(kiosk.Options{
		RuleSet:       rs,
		Styles:        ui.NewStyles(lipgloss.DefaultRenderer()),
		Lang:          c.lang,
		Details:       fields,
		ShowResult:    k.showResult,
		IdleTimeout:   k.idle,
		IdleCountdown: countdown,
		Guard:         guard,
		Save:          box.Save,
		SaveIn: func(dir string, res *screening.Result, meta export.Meta) (string, error) {
			o := outbox.New(dir)
			if _, err := o.Prepare(time.Now()); err != nil {
				return "", err
			}
			return o.Save(res, meta)
		},
		Where:  k.outbox,
		Clinic: k.clinic(),
	})

	// Lockdown: the terminal is in raw mode, so ctrl+c, ctrl+z and ctrl+\ arrive as keys the
	// kiosk ignores; the same signals sent from elsewhere are ignored too. SIGTERM and SIGHUP
	// end the kiosk cleanly.
	signal.Ignore(syscall.SIGINT, syscall.SIGQUIT, syscall.SIGTSTP)
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, syscall.SIGTERM, syscall.SIGHUP)
	defer signal.Stop(sigs)

	p := tea.NewProgram(m, tea.WithAltScreen(), tea.WithInput(in), tea.WithOutput(out),
		tea.WithFilter(kiosk.Filter), tea.WithoutSignalHandler(), tea.WithFPS(kioskFPS))
	go func() {
		for range sigs {
			p.Send(kiosk.TerminateMsg{})
		}
	}()
	if _, err := p.Run(); err != nil && !errors.Is(err, tea.ErrProgramKilled) {
		fmt.Fprintf(e.stderr, "exoscreen --kiosk: %v\n", err)
		return exitFail
	}
	if m.Pending() {
		fmt.Fprintln(e.stderr, "exoscreen --kiosk: one finished screening could not be saved and was discarded")
		return exitFail
	}
	return exitOK
}
