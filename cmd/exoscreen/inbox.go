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
	"github.com/exoscreen/exoscreen/screening"
	"github.com/exoscreen/exoscreen/screening/export"
	"github.com/exoscreen/exoscreen/screening/outbox"
	"github.com/exoscreen/exoscreen/ui"
	"github.com/exoscreen/exoscreen/ui/inbox"
)

func init() {
	usageText[screening.EN]["inbox"] = `Usage: exoscreen inbox --outbox DIR [flags]

The staff view of kiosk results. In a terminal it is a live list, newest first (time,
reception number or name, verdict, findings to confirm, reviewed); new results appear as
kiosks write them. enter opens a result's summary; r marks it reviewed (or not); e writes
its text to a file; p prints it; d deletes it (after y). Files that are not readable results
are listed with the reason.

Flags:
  --outbox DIR           the kiosks' outbox folder (default $EXOSCREEN_OUTBOX)
  --format text|json     list without the screen, for scripts (text: tab-separated)
  --print-command CMD    command that prints text from its standard input (default: lp)
  --lang ja|en           language
`
	usageText[screening.JA]["inbox"] = `使い方: exoscreen inbox --outbox DIR [フラグ]

キオスクの問診結果をスタッフが見る画面です。端末では新しい順の一覧(日時、受付番号か
氏名、判定、要確認の数、確認済み)を表示し、キオスクが結果を書くとすぐに加わります。
enter で要約を開き、r で確認済み(の取り消し)、e でテキストをファイルに書き出し、p で
印刷、d で削除(y で確定)します。結果として読めないファイルは理由つきで一覧に出ます。

フラグ:
  --outbox DIR           キオスクの結果フォルダー(既定は $EXOSCREEN_OUTBOX)
  --format text|json     画面を使わずに一覧を出力します(スクリプト用。text はタブ区切り)
  --print-command CMD    標準入力のテキストを印刷するコマンド(既定: lp)
  --lang ja|en           表示言語
`
	usageText[screening.EN]["kiosk-unlock"] = `Usage: exoscreen kiosk-unlock --outbox DIR

Releases the staff PIN lockout of the kiosks writing to DIR (three wrong PINs lock the
prompt, each further lockout doubles up to 15 minutes). Run it as the kiosks' OS user, from
another terminal or over SSH; the kiosks accept the PIN again as soon as staff press F12.

Flags:
  --outbox DIR           the kiosks' outbox folder (default $EXOSCREEN_OUTBOX)
  --lang ja|en           language
`
	usageText[screening.JA]["kiosk-unlock"] = `使い方: exoscreen kiosk-unlock --outbox DIR

DIR に結果を書くキオスクの暗証番号ロック(3 回まちがえると入力できなくなり、その後は
1 回ごとに 2 倍、最長 15 分)を解除します。キオスクと同じ OS ユーザーで、別の端末や SSH
から実行してください。スタッフが F12 を押すと、すぐに暗証番号を入力できます。

フラグ:
  --outbox DIR           キオスクの結果フォルダー(既定は $EXOSCREEN_OUTBOX)
  --lang ja|en           表示言語
`
	usageText[screening.EN][""] += `
Front-desk kiosk (see README):
  exoscreen --kiosk --outbox DIR [--details reception,name,dob|none] [--show-result]
            [--idle-timeout 2m] [--staff-pin-file FILE] [--clinic NAME]
  exoscreen inbox --outbox DIR [--format text|json]
  exoscreen kiosk-unlock --outbox DIR    release the staff PIN lockout
`
	usageText[screening.JA][""] += `
受付キオスク(README を参照):
  exoscreen --kiosk --outbox DIR [--details reception,name,dob|none] [--show-result]
            [--idle-timeout 2m] [--staff-pin-file FILE] [--clinic NAME]
  exoscreen inbox --outbox DIR [--format text|json]
  exoscreen kiosk-unlock --outbox DIR    暗証番号のロックを解除します
`
}

// inbox is the staff view of kiosk results: a live TUI, or a listing with --format.
func (e *env) inbox(args []string) int {
	var c common
	fs := newFlags("inbox", &c)
	dir := fs.String("outbox", os.Getenv("EXOSCREEN_OUTBOX"), "the kiosks' outbox `DIR` (default $EXOSCREEN_OUTBOX)")
	format := fs.String("format", "", "list without the screen: text or json")
	printCmd := fs.String("print-command", "lp", "command that prints text from its standard input")
	pos, err := parse(fs, args)
	if err != nil {
		return e.usageError("inbox", c.lang, err)
	}
	if len(pos) > 0 {
		return e.usageError("inbox", c.lang, fmt.Errorf("unexpected argument %q", pos[0]))
	}
	if *dir == "" {
		return e.usageError("inbox", c.lang, errors.New("--outbox DIR is required"))
	}
	switch *format {
	case "", "text", "json":
	default:
		return e.usageError("inbox", c.lang, fmt.Errorf("unknown --format %q (want text or json)", *format))
	}
	box := outbox.New(*dir)
	if *format == "" && (!fileIsTerminal(e.stdin) || !fileIsTerminal(e.stdout)) {
		*format = "text"
	}
	if *format != "" {
		entries, err := box.List(time.Now())
		if err != nil {
			fmt.Fprintf(e.stderr, "exoscreen inbox: %s\n", export.Sanitize(err.Error()))
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
		fmt.Fprintf(e.stderr, "exoscreen inbox: %s\n", export.Sanitize(err.Error()))
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
		fmt.Fprintf(e.stderr, "exoscreen inbox: %v\n", err)
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
	ID                string             `json:"id,omitempty"`
	File              string             `json:"file"`
	Time              string             `json:"time,omitempty"`
	Patient           *screening.Patient `json:"patient,omitempty"`
	Verdict           *screening.Class   `json:"verdict,omitempty"`
	NeedsConfirmation int                `json:"needs_confirmation"`
	Lang              screening.Lang     `json:"lang,omitempty"`
	Reviewed          bool               `json:"reviewed"`
	ReviewedAt        string             `json:"reviewed_at,omitempty"`
	HasSummary        bool               `json:"has_summary"`
	Problem           *inboxProblem      `json:"problem,omitempty"`
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
