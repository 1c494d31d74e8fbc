package screening

import (
	"fmt"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// lint checks what needs the whole rule set: every possible answer of every question is
// placed by a rule (coverage), and "unsure" is placed at least as strictly as any answer it
// could stand for, flagged needs_confirmation. Questions in skip are left out.
func lint(rs *RuleSet, r reporter, skip map[*Question]bool) {
	for _, q := range rs.Questions {
		if skip[q] {
			continue
		}
		at := &yaml.Node{Line: q.Line}
		field := "questions." + q.ID + ".rules"
		var gaps []string
		var strictest Class
		var unsureRule *Rule
		forEachAnswer(q, func(v Value) {
			rule := q.place(v)
			switch {
			case rule == nil:
				gaps = append(gaps, describeAnswer(q, v))
			case v.IsUnsure():
				unsureRule = rule
			case rule.Class > strictest:
				strictest = rule.Class
			}
		})
		if len(gaps) > 0 {
			gaps = collapseRanges(q, gaps)
			list := strings.Join(gaps[:min(len(gaps), maxGapsListed)], ", ")
			var answers any = list
			if more := len(gaps) - maxGapsListed; more > 0 {
				answers = loadText("gapsMore", list, more)
			}
			r.msg(at, field, "coverageGap", answers)
		}
		if unsureRule == nil {
			continue
		}
		if unsureRule.Class < strictest {
			r.msg(&yaml.Node{Line: unsureRule.Line}, field, "unsureMilder", unsureRule.Class, strictest)
		}
		if !unsureRule.NeedsConfirmation {
			r.msg(&yaml.Node{Line: unsureRule.Line}, field, "unsureConfirm")
		}
	}
}

// maxGapsListed is how many uncovered answers a coverage message lists by name.
const maxGapsListed = 8

// forEachAnswer calls f with every answer q can take (every subset of a multi question's
// options, every integer in range, a sample of text), and "no answer" where q is optional.
func forEachAnswer(q *Question, f func(Value)) {
	if q.Optional {
		f(Value{})
	}
	switch q.Kind {
	case Single:
		for _, o := range q.Options {
			f(CodeValue(o.Code))
		}
	case Multi:
		n := len(q.Options)
		if q.Optional {
			f(CodesValue())
		}
		for mask := 1; mask < 1<<n; mask++ {
			codes := make([]string, 0, n)
			for i, o := range q.Options {
				if mask&(1<<i) != 0 {
					codes = append(codes, o.Code)
				}
			}
			f(CodesValue(codes...))
		}
	case Integer:
		for i := q.Min; i <= q.Max; i++ {
			f(IntValue(i))
		}
		if q.AllowUnsure {
			f(UnsureInt())
		}
	case Free:
		if q.Optional {
			f(TextValue(""))
		}
		f(TextValue("any text"))
	}
}

// describeAnswer writes an answer the way an answers file would.
func describeAnswer(q *Question, v Value) string {
	switch {
	case !v.Set:
		return "(no answer)"
	case q.Kind == Single:
		return strconv.Quote(v.Code)
	case q.Kind == Multi:
		parts := make([]string, len(v.Codes))
		for i, c := range v.Codes {
			parts[i] = strconv.Quote(c)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case q.Kind == Integer && v.Unsure:
		return strconv.Quote(UnsureCode)
	case q.Kind == Integer:
		return strconv.Itoa(v.Int)
	case v.Text == "":
		return `""`
	}
	return "(any text)"
}

// collapseRanges folds runs of consecutive integers ("3", "4", "5") into "3 to 5".
func collapseRanges(q *Question, gaps []string) []string {
	if q.Kind != Integer {
		return gaps
	}
	var out []string
	start, prev := 0, 0
	open := false
	flush := func() {
		if !open {
			return
		}
		if start == prev {
			out = append(out, strconv.Itoa(start))
		} else {
			out = append(out, fmt.Sprintf("%d to %d", start, prev))
		}
		open = false
	}
	for _, g := range gaps {
		n, err := strconv.Atoi(g)
		if err != nil {
			flush()
			out = append(out, g)
			continue
		}
		if open && n == prev+1 {
			prev = n
			continue
		}
		flush()
		start, prev, open = n, n, true
	}
	flush()
	return out
}
