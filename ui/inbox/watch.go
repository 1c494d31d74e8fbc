package inbox

import (
	"errors"
	"path/filepath"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/fsnotify/fsnotify"
)

// settle is how long the watcher waits after a change for more (a kiosk writes a result's
// two files one after the other), so that one burst of changes is one reading.
const settle = 150 * time.Millisecond

type (
	// watchMsg says whether the folder is watched (w) or must be polled (err).
	watchMsg struct {
		w   *watcher
		err error
	}
	// changedMsg: something in the folder changed.
	changedMsg struct{}
	// watchEndedMsg: the notifications stopped (an error): poll from now on.
	watchEndedMsg struct{}
)

// errNetworkFS: a network share gets no notifications of other computers' changes.
var errNetworkFS = errors.New("a network file system: polled")

// watcher is the file-change notifications of the outbox folder.
type watcher struct {
	w   *fsnotify.Watcher
	dir string
}

// startWatch watches dir in a tea.Cmd; the answer is a watchMsg.
func startWatch(dir string) tea.Cmd {
	return func() tea.Msg {
		if networkFS(dir) {
			return watchMsg{err: errNetworkFS}
		}
		w, err := fsnotify.NewWatcher()
		if err != nil {
			return watchMsg{err: err}
		}
		if err := w.Add(dir); err != nil {
			w.Close()
			return watchMsg{err: err}
		}
		return watchMsg{w: &watcher{w: w, dir: filepath.Clean(dir)}}
	}
}

// wait is a tea.Cmd that blocks until the folder changes (a file that is not hidden: the
// writers' temporary files do not count), waits for the burst to settle and answers
// changedMsg; watchEndedMsg when the notifications fail or the folder itself is removed or
// renamed. Nothing runs while nothing changes.
func (w *watcher) wait() tea.Cmd {
	return func() tea.Msg {
		for {
			select {
			case ev, ok := <-w.w.Events:
				if !ok {
					return nil // closed: the inbox quit
				}
				if filepath.Clean(ev.Name) == w.dir && ev.Op&(fsnotify.Remove|fsnotify.Rename) != 0 {
					// The folder itself went away: a new one of the same name would not be
					// watched. Poll from now on.
					w.close()
					return watchEndedMsg{}
				}
				if strings.HasPrefix(filepath.Base(ev.Name), ".") || ev.Op == fsnotify.Chmod {
					continue
				}
				w.drain()
				return changedMsg{}
			case _, ok := <-w.w.Errors:
				if !ok {
					return nil
				}
				w.close()
				return watchEndedMsg{}
			}
		}
	}
}

// drain swallows the events of the next settle period.
func (w *watcher) drain() {
	t := time.NewTimer(settle)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			return
		case _, ok := <-w.w.Events:
			if !ok {
				return
			}
		}
	}
}

func (w *watcher) close() { w.w.Close() }
