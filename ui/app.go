// Package ui is the interactive terminal screening of exoscreen, built on bubbletea, huh and
// lipgloss: a welcome screen with the choice of language, the questionnaire (Screening) with
// its review, and the summary (Summary) with saving to a file. Every word the screens show is
// in the chosen language; every question comes from the rule set.
//
// The parts are models of their own so that other front ends (the front-desk kiosk, an SSH
// server) can put them together differently: NewScreening, NewSummary, NewStyles, NewKeys.
// The screen parts every front end shares are here too, one file each: Styles (styles.go),
// the keymaps (keys.go: Keys, KioskKeys, InboxKeys), Frame (frame.go) and Common, the
// defaults of every constructor (common.go).
package ui

import (
	"errors"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/exoscreen/exoscreen/screening"
)

// AppOptions configure the interactive App.
type AppOptions struct {
	// Lang is the language the welcome screen starts in; the person can switch it there. The
	// defaults of Lang, Styles, Now, Width and Height are those of Common.
	Lang screening.Lang
	// Styles as for ScreeningOptions.
	Styles *Styles
	// ExportPath, when set, is where the text summary is written as soon as the screening is
	// complete, without asking (--export FILE).
	ExportPath string
	// Now is the clock (time.Now when nil).
	Now func() time.Time
	// Width and Height are the size until a tea.WindowSizeMsg arrives (80x24 when zero).
	Width, Height int
}

type appState int

const (
	stateWelcome appState = iota
	stateScreening
	stateSummary
)

// App is the interactive screening: welcome (language) -> Screening -> Summary (+ save) ->
// quit. Ctrl+C quits at once while nothing has been answered, and asks first afterwards.
type App struct {
	rs  *screening.RuleSet
	opt AppOptions
	st  *Styles

	state     appState
	welcome   *welcome
	screening *Screening
	summary   *Summary
	quit      *quitDialog

	width, height int
	finished      bool
	exportErr     error
	quitting      bool // the app itself ended the program
}

// NewApp returns the interactive app for rs.
func NewApp(rs *screening.RuleSet, opt AppOptions) *App {
	c := Common{Styles: opt.Styles, Lang: opt.Lang, Now: opt.Now, Width: opt.Width, Height: opt.Height}.Defaults(rs)
	opt.Styles, opt.Lang, opt.Now = c.Styles, c.Lang, c.Now
	a := &App{rs: rs, opt: opt, st: c.Styles, width: c.Width, height: c.Height}
	a.welcome = &welcome{rs: rs, lang: opt.Lang, st: a.st}
	return a
}

// Finished reports whether the screening was completed (the summary was reached).
func (a *App) Finished() bool { return a.finished }

// errExportUnfinished is the automatic save's error while it runs: quitting before it is
// done must not be taken for a saved result.
var errExportUnfinished = errors.New("the summary was still being saved")

// ExportError is the error of the automatic save (--export), if it failed or did not finish.
func (a *App) ExportError() error { return a.exportErr }

// Lang is the language chosen.
func (a *App) Lang() screening.Lang {
	if a.screening != nil {
		return a.screening.Lang()
	}
	return a.welcome.lang
}

// Init turns on the mouse (where the terminal reports it: clicks, a touch screen's taps and
// the wheel); the welcome screen is static. Bubble Tea turns the mouse off again on exit.
func (a *App) Init() tea.Cmd { return tea.EnableMouseCellMotion }

// Update handles a message.
func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.width, a.height = msg.Width, msg.Height
		return a, Resize(msg, a.screening, a.summary)

	case tea.KeyMsg:
		if msg.Type == tea.KeyRunes && len(msg.Runes) > 1 && !msg.Paste && a.splitBurst() {
			// Keys typed in one burst ("q" "y") arrive as one message: handle each.
			var cmds []tea.Cmd
			for _, r := range msg.Runes {
				_, c := a.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
				cmds = append(cmds, c)
			}
			return a, tea.Batch(cmds...)
		}
		if a.quit != nil {
			decided, quit := a.quit.update(msg)
			if decided {
				a.quit = nil
				if quit {
					return a, a.end()
				}
			}
			return a, nil
		}
		if msg.Type == tea.KeyCtrlC {
			return a, a.requestQuit()
		}

	case QuitRequestMsg:
		return a, a.requestQuit()

	case LeftAtStartMsg:
		a.state = stateWelcome
		a.welcome.lang = a.screening.Lang()
		return a, nil

	case FinishedMsg:
		a.finished = true
		a.state = stateSummary
		a.summary = NewSummary(msg.Result, SummaryOptions{
			Lang: a.screening.Lang(), Styles: a.st, Started: msg.Started, Finished: msg.Finished,
			Width: a.width, Height: a.height,
		})
		if a.opt.ExportPath != "" {
			a.exportErr = errExportUnfinished // until the write comes back
			return a, tea.Batch(a.summary.Init(), a.summary.Export(a.opt.ExportPath))
		}
		return a, a.summary.Init()

	case exportResultMsg:
		if msg.auto {
			a.exportErr = msg.err
		}
	}

	switch a.state {
	case stateWelcome:
		if km, ok := msg.(tea.KeyMsg); ok && key.Matches(km, a.welcome.keys().Leave) {
			return a, a.requestQuit() // q and esc leave the first screen
		}
		start := false
		switch msg := msg.(type) {
		case tea.KeyMsg:
			start = a.welcome.update(msg)
		case tea.MouseMsg:
			start = a.welcome.mouse(msg)
		}
		if start {
			a.state = stateScreening
			if a.screening == nil {
				a.screening = NewScreening(a.rs, ScreeningOptions{
					Lang: a.welcome.lang, Styles: a.st, Now: a.opt.Now, Width: a.width, Height: a.height,
				})
				return a, a.screening.Init()
			}
			return a, a.screening.SetLang(a.welcome.lang)
		}
		return a, nil
	case stateScreening:
		_, cmd := a.screening.Update(msg)
		return a, cmd
	default:
		if km, ok := msg.(tea.KeyMsg); ok && a.summary.quitKey(km) {
			// At once, not through QuitRequestMsg: a "y" typed right after "q" must reach the
			// dialog.
			return a, a.requestQuit()
		}
		_, cmd := a.summary.Update(msg)
		return a, cmd
	}
}

// splitBurst reports whether the screen shown takes single keys (not text), so that several
// runes in one key message are keys of their own.
func (a *App) splitBurst() bool {
	switch {
	case a.quit != nil, a.state == stateWelcome:
		return true
	case a.state == stateSummary:
		return a.summary.exporting == nil
	}
	return false // the Screening splits its own
}

// requestQuit quits at once when nothing would be lost, and asks otherwise.
func (a *App) requestQuit() tea.Cmd {
	lang := a.Lang()
	switch {
	case a.state == stateSummary && a.summary.Saved() != "":
		return a.end()
	case a.state == stateSummary:
		a.quit = newQuitDialog(lang, a.st, tr(lang, "quit.resultNot"))
	case a.screening != nil && a.screening.HasAnswers():
		a.quit = newQuitDialog(lang, a.st, tr(lang, "quit.unsaved"))
	default:
		return a.end()
	}
	return nil
}

// end quits the program.
func (a *App) end() tea.Cmd {
	a.quitting = true
	return tea.Quit
}

// Ended reports whether the app ended the program itself (the person quit); false after
// Program.Run returns means something else stopped it (a signal).
func (a *App) Ended() bool { return a.quitting }

// View draws the current screen.
func (a *App) View() string {
	if a.quit != nil {
		return a.quit.view(a.width, a.height)
	}
	switch a.state {
	case stateWelcome:
		return a.welcome.view(a.width, a.height)
	case stateScreening:
		return a.screening.View()
	default:
		return a.summary.View()
	}
}

// Resize passes a new window size to the screening and the summary of a front end, those of
// them that exist (nil when not), and returns their commands.
func Resize(msg tea.WindowSizeMsg, sc *Screening, su *Summary) tea.Cmd {
	var cmds []tea.Cmd
	if sc != nil {
		_, c := sc.Update(msg)
		cmds = append(cmds, c)
	}
	if su != nil {
		_, c := su.Update(msg)
		cmds = append(cmds, c)
	}
	return tea.Batch(cmds...)
}
