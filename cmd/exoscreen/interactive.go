package main

import (
	"errors"
	"fmt"
	"os"
	"runtime"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/exoscreen/exoscreen/internal/atomicfile"
	"github.com/exoscreen/exoscreen/ui"
	"github.com/exoscreen/exoscreen/ui/accessible"
)

// main runs exoscreen without a command: the interactive screening in the terminal (ui.App),
// or the line-by-line accessible mode with --accessible, TERM=dumb, or when stdin or stdout
// is not a terminal.
func (e *env) main(o *options, pos []string) int {
	c, kf := &o.common, &o.kioskFlags
	exportPath, accessibleMode := &o.export, &o.accessible
	if len(pos) > 0 { // parseArgs refuses them (the screening takes no arguments)
		return e.usageError("", c.lang, fmt.Errorf("unknown command %q", pos[0]))
	}
	rs, err := c.loadRules()
	if err != nil {
		return e.loadError("", c.lang, err)
	}
	if err := kf.misused(o.fs); err != nil {
		return e.usageError("", c.lang, err)
	}
	if kf.kiosk {
		return e.runKiosk(rs, c, kf)
	}
	if *accessibleMode || e.wantsAccessible() {
		return e.runAccessible(rs, c.lang, *exportPath)
	}
	if *exportPath != "" {
		// Refuse a path that cannot be written before anyone answers anything.
		if err := atomicfile.Check(*exportPath); err != nil {
			fmt.Fprintf(e.stderr, "exoscreen: --export: %s\n", exportProblem(err, *exportPath, c.lang))
			return exitUsage
		}
	}
	return e.runTUI(ui.NewApp(rs, ui.AppOptions{
		Lang:       c.lang,
		Styles:     ui.NewStyles(lipgloss.DefaultRenderer()),
		ExportPath: *exportPath,
	}), *exportPath)
}

// runTUI runs the interactive app full-screen on the terminal and restores the terminal
// afterwards. Exit status: 0 the screening reached its summary, 2 the person quit before the
// summary (as in accessible mode, so that a script tells an abandoned screening from a
// finished one), 1 the terminal failed, a signal (SIGINT, SIGTERM from outside) stopped it,
// or --export could not be written (the reason is printed once the terminal is restored).
func (e *env) runTUI(app *ui.App, exportPath string) int {
	in, _ := e.stdin.(*os.File)
	out, _ := e.stdout.(*os.File)
	if os.Getenv("GOMAXPROCS") == "" {
		// One person's screen needs no parallelism, and with one P the 60 Hz frame ticker
		// wakes fewer threads: idle CPU on a question drops from 1.0-1.2% to 0.6-0.7% of a
		// core, measured with scripts/tui-walkthrough.sh --figures).
		runtime.GOMAXPROCS(1)
	}
	p := tea.NewProgram(app, tea.WithAltScreen(), tea.WithInput(in), tea.WithOutput(out))
	_, err := p.Run()
	if err == nil && !app.Ended() {
		err = tea.ErrInterrupted // SIGTERM: the program stopped without the person quitting
	}
	if err != nil {
		// The terminal is restored by now. SIGINT from outside (ctrl+c itself is a key here)
		// ends the program without the usual question: say that nothing was kept.
		if errors.Is(err, tea.ErrInterrupted) {
			msg := usageMessages.Get(app.Lang(), map[bool]string{true: "interrupted", false: "interruptedLost"}[app.Finished()])
			fmt.Fprintf(e.stderr, "exoscreen: %s\n", msg)
		} else {
			fmt.Fprintf(e.stderr, "exoscreen: %v\n", err)
		}
		return exitFail
	}
	if err := app.ExportError(); err != nil {
		fmt.Fprintf(e.stderr, "exoscreen: --export: %s\n", exportProblem(err, exportPath, app.Lang()))
		return exitFail
	}
	if !app.Finished() {
		fmt.Fprintf(e.stderr, "exoscreen: %s\n", accessible.Message(accessible.ErrQuit, app.Lang()))
	}
	return tuiExit(app.Finished())
}

// tuiExit is the exit status of a full-screen screening the person ended: 0 when it reached
// its summary, 2 when it was quit before.
func tuiExit(finished bool) int {
	if !finished {
		return exitUsage
	}
	return exitOK
}
