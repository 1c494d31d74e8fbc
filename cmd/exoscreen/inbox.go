package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"time"
	"unicode/utf8"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/exoscreen/exoscreen/internal/fserr"
	"github.com/exoscreen/exoscreen/internal/outbox"
	"github.com/exoscreen/exoscreen/screening"
	"github.com/exoscreen/exoscreen/screening/export"
	"github.com/exoscreen/exoscreen/ui"
	"github.com/exoscreen/exoscreen/ui/inbox"
)

// inboxFormats are the values of inbox's --format: without one the inbox is a screen.
var inboxFormats = []outputFormat{
	{"text", screening.Text{
		JA:     "タブ区切りの一覧",
		EN:     "a tab-separated list",
		ZhHans: "以制表符分隔的列表",
		ZhHant: "以定位字元分隔的列表",
		KO:     "탭으로 구분한 목록",
	}},
	{"json", screening.Text{
		JA:     "JSON の配列",
		EN:     "a JSON array",
		ZhHans: "JSON 数组",
		ZhHant: "JSON 陣列",
		KO:     "JSON 배열",
	}},
}

func inboxFormatList() []outputFormat { return inboxFormats }

// inbox is the staff view of kiosk results: a live TUI, or a listing with --format.
func (e *env) inbox(o *options, pos []string) int {
	c := &o.common
	dir, format, printCmd := &o.outbox, &o.format, &o.printCommand
	if len(pos) > 0 {
		return e.usageError("inbox", c.lang, usage("noArgs", commandTitle("inbox"), pos[0]))
	}
	if *dir == "" {
		return e.usageError("inbox", c.lang, startErr("needsOutbox", "inbox"))
	}
	box := outbox.New(*dir)
	if *format == "" && (!fileIsTerminal(e.stdin) || !fileIsTerminal(e.stdout)) {
		*format = "text"
	}
	if *format != "" {
		entries, err := box.List(time.Now())
		if err != nil {
			e.sayErr("exoscreen inbox", c.lang, startErr("outboxRead", export.Sanitize(*dir), fserr.ReadDirCause(err)))
			return exitFail
		}
		w := bufio.NewWriter(e.stdout)
		if *format == "json" {
			err = writeInboxJSON(w, entries, c.lang)
		} else {
			writeInboxText(w, entries, c.lang)
		}
		if ferr := w.Flush(); err == nil {
			err = ferr
		}
		if err != nil {
			fmt.Fprintf(e.stderr, "exoscreen inbox: %v\n", err)
			return exitFail
		}
		return exitOK
	}
	if _, err := os.Stat(*dir); err != nil {
		e.sayErr("exoscreen inbox", c.lang, startErr("outboxRead", export.Sanitize(*dir), fserr.ReadDirCause(err)))
		return exitFail
	}
	opt := inbox.Options{Outbox: box, Lang: c.lang, Styles: ui.NewStyles(lipgloss.DefaultRenderer())}
	if argv := strings.Fields(*printCmd); len(argv) > 0 {
		if _, err := exec.LookPath(argv[0]); err == nil {
			opt.PrintName = *printCmd
			opt.Print = func(ctx context.Context, text string) error {
				cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
				cmd.WaitDelay = time.Second // a child that keeps the output open does not hang us
				cmd.Stdin = strings.NewReader(text)
				var out bytes.Buffer
				cmd.Stdout, cmd.Stderr = &out, &out
				if err := cmd.Run(); err != nil {
					return fmt.Errorf("%s: %v: %s", argv[0], err, strings.TrimSpace(out.String()))
				}
				return nil
			}
		}
	}
	in, _ := e.stdin.(*os.File)
	out, _ := e.stdout.(*os.File)
	p := tea.NewProgram(inbox.New(opt), tea.WithAltScreen(), tea.WithInput(in), tea.WithOutput(out))
	if _, err := p.Run(); err != nil && !errors.Is(err, tea.ErrProgramKilled) {
		e.sayErr("exoscreen inbox", c.lang, startErr("screenFailed", export.Sanitize(err.Error())))
		return exitFail
	}
	return exitOK
}

// writeInboxText lists entries one a line, tab-separated: time (RFC 3339, UTC), ID, verdict
// code, findings to confirm, reviewed (yes/no), label; or for a file that cannot be read:
// time, file name, "unreadable", the reason. Every field is sanitised.
func writeInboxText(w io.Writer, entries []outbox.Entry, lang screening.Lang) {
	clean := func(s string) string { return strings.ReplaceAll(export.Sanitize(s), "\t", " ") }
	for _, e := range entries {
		t := "-"
		if !e.Time.IsZero() {
			t = e.Time.UTC().Format(time.RFC3339)
		}
		if e.Problem != nil {
			fmt.Fprintf(w, "%s\t%s\tunreadable\t%s\n", t, clean(e.Name), clean(e.Problem.Message(lang)))
			continue
		}
		reviewed := "no"
		if e.Reviewed {
			reviewed = "yes"
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%d\t%s\t%s\n", t, e.ID, e.Verdict, e.NeedsConfirmation, reviewed, clean(e.Label()))
	}
}

// inboxJSON is one entry of `inbox --format json`.
type inboxJSON struct {
	ID                string           `json:"id,omitempty"`
	File              string           `json:"file"`
	Time              string           `json:"time,omitempty"`
	Patient           *export.Patient  `json:"patient,omitempty"`
	Verdict           *screening.Class `json:"verdict,omitempty"`
	NeedsConfirmation int              `json:"needs_confirmation"`
	Lang              screening.Lang   `json:"lang,omitempty"`
	Reviewed          bool             `json:"reviewed"`
	ReviewedAt        string           `json:"reviewed_at,omitempty"`
	HasSummary        bool             `json:"has_summary"`
	Problem           *inboxProblem    `json:"problem,omitempty"`
}

type inboxProblem struct {
	Kind    string `json:"kind"`
	Message string `json:"message"`
}

var problemKinds = map[outbox.ProblemKind]string{
	outbox.NotResult: "not_result", outbox.Corrupt: "corrupt", outbox.TooLarge: "too_large",
	outbox.NotRegular: "not_regular", outbox.OrphanSummary: "orphan_summary", outbox.Unreadable: "unreadable",
	outbox.Missing: "missing",
}

// writeInboxJSON writes the entries as one JSON array. Strings keep their value; characters a
// terminal could act on are written as \u escapes, so printing the output is safe.
func writeInboxJSON(w io.Writer, entries []outbox.Entry, lang screening.Lang) error {
	out := make([]inboxJSON, 0, len(entries))
	for _, e := range entries {
		j := inboxJSON{ID: e.ID, File: e.Name, NeedsConfirmation: e.NeedsConfirmation, Lang: e.Lang, Reviewed: e.Reviewed, HasSummary: e.HasSummary}
		if !e.Time.IsZero() {
			j.Time = e.Time.UTC().Format(time.RFC3339)
		}
		if !e.ReviewedAt.IsZero() {
			j.ReviewedAt = e.ReviewedAt.UTC().Format(time.RFC3339)
		}
		if e.Problem != nil {
			j.Problem = &inboxProblem{Kind: problemKinds[e.Problem.Kind], Message: e.Problem.Message(lang)}
		} else {
			v := e.Verdict
			j.Verdict = &v
			if !e.Patient.IsZero() {
				p := e.Patient
				j.Patient = &p
			}
		}
		out = append(out, j)
	}
	b, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(escapeJSON(b), '\n'))
	return err
}

// escapeJSON rewrites the characters encoding/json leaves as they are but a terminal may act
// on (DEL, C1 controls, bidi controls, invalid UTF-8) as \u escapes. They only occur inside
// strings, so the JSON keeps its value.
func escapeJSON(b []byte) []byte {
	var out []byte
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		// encoding/json escapes every control below 0x20 already; what it lets through
		// starts at DEL.
		if r >= 0x7f && (export.Sanitize(string(r)) != string(r) || r == utf8.RuneError && size == 1) {
			if out == nil {
				out = append(make([]byte, 0, len(b)+16), b[:i]...)
			}
			out = append(out, `\u`...)
			out = append(out, []byte(fmt.Sprintf("%04x", r))...)
		} else if out != nil {
			out = append(out, b[i:i+size]...)
		}
		i += size
	}
	if out == nil {
		return b
	}
	return out
}
