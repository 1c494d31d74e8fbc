package ui

import (
	"strconv"

	tea "github.com/charmbracelet/bubbletea"
)

// pick is the keys that answer a choice with its option n: the number key, then enter.
func pick(n int) []tea.Msg { return []tea.Msg{runes(strconv.Itoa(n)), kEnter} }

// firsts is the keys that answer n choices in a row with their first option.
func firsts(n int) []tea.Msg {
	var out []tea.Msg
	for range n {
		out = append(out, pick(1)...)
	}
	return out
}

// msgs joins keys and lists of keys into one list.
func msgs(parts ...any) []tea.Msg {
	var out []tea.Msg
	for _, p := range parts {
		switch p := p.(type) {
		case tea.Msg:
			if l, ok := p.([]tea.Msg); ok {
				out = append(out, l...)
			} else {
				out = append(out, p)
			}
		}
	}
	return out
}

// sendAll sends keys to a teatest model one by one.
func sendAll(send func(tea.Msg), keys []tea.Msg) {
	for _, k := range keys {
		send(k)
	}
}
