package kiosk

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/exoscreen/exoscreen/internal/linebreak"
	"github.com/exoscreen/exoscreen/screening"
	"github.com/exoscreen/exoscreen/screening/export"
	"github.com/exoscreen/exoscreen/ui"
)

// Field is a patient detail the kiosk can ask for. None of them enters the rules.
type Field string

// The patient details a clinic can ask for.
const (
	Reception   Field = "reception"
	Name        Field = "name"
	DateOfBirth Field = "dob"
)

// ParseFields reads a comma-separated list of fields ("reception,name,dob"); "none" or an
// empty string asks for nothing.
func ParseFields(s string) ([]Field, error) {
	s = strings.TrimSpace(s)
	if s == "" || s == "none" {
		return nil, nil
	}
	var out []Field
	seen := map[Field]bool{}
	for _, p := range strings.Split(s, ",") {
		f := Field(strings.ToLower(strings.TrimSpace(p)))
		switch f {
		case Reception, Name, DateOfBirth:
		case "birth", "date_of_birth", "birthdate":
			f = DateOfBirth
		default:
			return nil, fmt.Errorf("unknown patient detail %q (want reception, name, dob or none)", p)
		}
		if seen[f] {
			return nil, fmt.Errorf("patient detail %q given twice", p)
		}
		seen[f] = true
		out = append(out, f)
	}
	return out, nil
}

var receptionPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9-]{0,19}$`)

// normalize folds full-width ASCII (typed with a Japanese input method on) to ASCII and trims
// surrounding space, including the ideographic space.
func normalize(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r >= '！' && r <= '～':
			return r - '！' + '!'
		case r == '\u3000':
			return ' '
		case r == 'ー' || r == '－' || r == '‐' || r == '−':
			return '-'
		}
		return r
	}, s)
	return strings.TrimSpace(s)
}

// Validate checks the value typed into f and returns it cleaned up, or the key of the message
// that says what is wrong. now is used to refuse dates of birth in the future.
func (f Field) Validate(s string, now time.Time) (string, string) {
	switch f {
	case Reception:
		s = normalize(s)
		if s == "" {
			return "", "err.required"
		}
		if !receptionPattern.MatchString(s) {
			return "", "err.reception"
		}
		return s, ""
	case Name:
		s = strings.TrimSpace(strings.ReplaceAll(s, "\u3000", " "))
		if s == "" {
			return "", "err.required"
		}
		if utf8.RuneCountInString(s) > 60 {
			return "", "err.name.long"
		}
		for _, r := range s {
			if r == utf8.RuneError || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Co, r) {
				return "", "err.name.chars"
			}
		}
		return strings.Join(strings.Fields(s), " "), ""
	case DateOfBirth:
		return validateDOB(s, now)
	}
	return "", "err.required"
}

var dobPattern = regexp.MustCompile(`^([0-9]{4})[-/. ]?([0-9]{1,2})[-/. ]?([0-9]{1,2})$`)

func validateDOB(s string, now time.Time) (string, string) {
	s = normalize(s)
	s = strings.NewReplacer("年", "-", "月", "-", "日", "").Replace(s)
	if s == "" {
		return "", "err.required"
	}
	m := dobPattern.FindStringSubmatch(s)
	digitsOnly := strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' }) < 0
	if m == nil || (digitsOnly && len(s) != 8) {
		return "", "err.dob.format"
	}
	var y, mo, d int
	fmt.Sscan(m[1], &y)
	fmt.Sscan(m[2], &mo)
	fmt.Sscan(m[3], &d)
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || int(t.Month()) != mo || t.Day() != d {
		return "", "err.dob.date"
	}
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	if t.After(today) || t.Before(today.AddDate(-130, 0, 0)) {
		return "", "err.dob.range"
	}
	return t.Format("2006-01-02"), ""
}

// details is the patient-details screen: one input per field the clinic asks for.
type details struct {
	fields []Field
	inputs []textinput.Model
	errs   []string // message key per field
	focus  int
}

func newDetails(fields []Field, st *ui.Styles) *details {
	d := &details{fields: fields, inputs: make([]textinput.Model, len(fields)), errs: make([]string, len(fields))}
	for i, f := range fields {
		in := textinput.New()
		in.Prompt = "> "
		in.PromptStyle = st.Cursor
		in.TextStyle = st.Text
		in.Cursor.Style = st.Cursor
		in.Width = 40
		switch f {
		case Reception:
			in.CharLimit = 20
		case Name:
			in.CharLimit = 60
		case DateOfBirth:
			in.CharLimit = 12 // no placeholder: on a terminal without colour it looks typed in
		}
		d.inputs[i] = in
	}
	return d
}

// focusCmd focuses the current input and blurs the others.
func (d *details) focusCmd() tea.Cmd {
	var cmd tea.Cmd
	for i := range d.inputs {
		if i == d.focus {
			cmd = d.inputs[i].Focus()
		} else {
			d.inputs[i].Blur()
		}
	}
	return cmd
}

// patient validates every field; ok is false when one is wrong (its message is set and the
// focus moves to it).
func (d *details) patient(now time.Time) (export.Patient, bool) {
	var p export.Patient
	ok := true
	for i := len(d.fields) - 1; i >= 0; i-- {
		v, msg := d.fields[i].Validate(d.inputs[i].Value(), now)
		d.errs[i] = msg
		if msg != "" {
			ok = false
			d.focus = i
			continue
		}
		switch d.fields[i] {
		case Reception:
			p.ReceptionNumber = v
		case Name:
			p.Name = v
		case DateOfBirth:
			p.DateOfBirth = v
		}
	}
	return p, ok
}

// update handles a key on the details screen; done is true when every field is valid.
func (d *details) update(msg tea.Msg, keys *ui.KioskKeys, now time.Time) (cmd tea.Cmd, done bool, p export.Patient) {
	if km, ok := msg.(tea.KeyMsg); ok {
		switch {
		case key.Matches(km, keys.FieldNext):
			d.focus = (d.focus + 1) % len(d.inputs)
			return d.focusCmd(), false, p
		case key.Matches(km, keys.FieldPrev):
			d.focus = (d.focus + len(d.inputs) - 1) % len(d.inputs)
			return d.focusCmd(), false, p
		case key.Matches(km, keys.FieldEnter):
			if _, msg := d.fields[d.focus].Validate(d.inputs[d.focus].Value(), now); msg != "" {
				d.errs[d.focus] = msg
				return nil, false, p
			}
			d.errs[d.focus] = ""
			if d.focus < len(d.inputs)-1 {
				d.focus++
				return d.focusCmd(), false, p
			}
			p, ok := d.patient(now)
			if !ok {
				return d.focusCmd(), false, p
			}
			return nil, true, p
		}
		d.errs[d.focus] = ""
		if km.Type == tea.KeyRunes {
			// Typed or pasted format characters (bidi overrides and the like) never reach
			// the field; control characters are dropped by the input itself.
			km.Runes = slices.DeleteFunc(slices.Clone(km.Runes), func(r rune) bool {
				return unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Co, r)
			})
			msg = km
		}
	}
	var c tea.Cmd
	d.inputs[d.focus], c = d.inputs[d.focus].Update(msg)
	return c, false, p
}

// detailsTap puts the focus on the field tapped at row y (its label, help or input).
func (m *Model) detailsTap(y int) tea.Cmd {
	d := m.det
	lines := strings.Split(ansi.Strip(m.View()), "\n")
	rows := make([]int, len(d.fields)) // the row of each field's label
	for i, f := range d.fields {
		rows[i] = -1
		for r, l := range lines {
			if strings.TrimSpace(l) == tr(m.lang, "details."+string(f)) {
				rows[i] = r
				break
			}
		}
	}
	for i := len(rows) - 1; i >= 0; i-- {
		if rows[i] >= 0 && y >= rows[i] && (i == len(rows)-1 || rows[i+1] < 0 || y < rows[i+1]) {
			if y > rows[i]+5 {
				return nil // below the last field (the keys hint)
			}
			d.focus = i
			return d.focusCmd()
		}
	}
	return nil
}

func (d *details) view(lang screening.Lang, keys *ui.KioskKeys, st *ui.Styles, width int) string {
	var b strings.Builder
	b.WriteString(st.Title.Render(tr(lang, "details.title")))
	b.WriteString("\n\n")
	ww := min(width-4, linebreak.Measure)
	wrap := st.Renderer.NewStyle().Width(ww)
	for i, f := range d.fields {
		label := tr(lang, "details."+string(f))
		if i == d.focus {
			label = st.Cursor.Render(label)
		} else {
			label = st.Title.Render(label)
		}
		b.WriteString(label + "\n")
		b.WriteString(st.Help.Inherit(wrap).Render(wrapPlain(tr(lang, "details."+string(f)+".h"), ww)) + "\n")
		b.WriteString(d.inputs[i].View() + "\n")
		if d.errs[i] != "" {
			b.WriteString(st.Error.Render("! "+tr(lang, d.errs[i])) + "\n")
		} else {
			b.WriteString("\n")
		}
		b.WriteString("\n")
	}
	b.WriteString(st.Help.Inherit(wrap).Render(wrapPlain(ui.HelpSentence(keys.FieldEnter), ww)))
	return lipgloss.JoinVertical(lipgloss.Left, b.String())
}
