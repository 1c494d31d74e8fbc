package ui

import (
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/exoscreen/exoscreen/screening"
)

// Common are the parts every front end is built with: the interactive screening (NewApp,
// NewScreening, NewSummary), the kiosk, the inbox, the accessible mode and the SSH server's
// sessions. Their defaults are filled here once, by Defaults; each constructor takes what it
// uses, and keeps only the defaults that are its own (the kiosk's timers, the inbox's poll).
type Common struct {
	// Styles are the styles to draw with; nil: NewStyles(lipgloss.DefaultRenderer()). Over
	// SSH, the session's: NewStyles(bubbletea.MakeRenderer(session)).
	Styles *Styles
	// Lang is the language of the screens; "", or one the rule set does not speak: the rule
	// set's clinic language (ja without a rule set).
	Lang screening.Lang
	// Now is the clock; nil: time.Now.
	Now func() time.Time
	// Width and Height are the screen size until a tea.WindowSizeMsg arrives; 80x24 when
	// zero.
	Width, Height int
}

// Defaults returns c with every field that is not set given its default. rs is the rule set
// the screens show (nil: none; then only an empty Lang is replaced).
func (c Common) Defaults(rs *screening.RuleSet) Common {
	if c.Styles == nil {
		c.Styles = NewStyles(lipgloss.DefaultRenderer())
	}
	c.Lang = LangFor(rs, c.Lang)
	if c.Now == nil {
		c.Now = time.Now
	}
	if c.Width <= 0 {
		c.Width = 80
	}
	if c.Height <= 0 {
		c.Height = 24
	}
	return c
}

// LangFor is the language the screens of rs speak when lang is asked for: lang when rs
// declares it; "", or a language rs does not speak, gives rs's clinic language (ja without a
// rule set). Defaults uses it; so does the accessible mode, which draws with no styles.
func LangFor(rs *screening.RuleSet, lang screening.Lang) screening.Lang {
	if _, ok := rs.Language(lang); lang == "" || rs != nil && !ok {
		return rs.Clinic()
	}
	return lang
}
