// Package answersets makes random complete answer sets for the benchmarks of tools/bench.
package answersets

import (
	"math/rand/v2"
	"strconv"
	"strings"

	"github.com/exoscreen/exoscreen/screening"
)

// Random makes n complete, valid answer sets at random (seeded): every shown question
// gets one of its possible answers, the rules' bounds and their neighbours often.
func Random(rs *screening.RuleSet, n int, seed uint64) []*screening.Answers {
	rng := rand.New(rand.NewPCG(seed, 7))
	out := make([]*screening.Answers, 0, n)
	for range n {
		a := rs.NewAnswers()
		for _, q := range rs.Questions {
			if !a.IsShown(q) {
				continue
			}
			d := Domain(q)
			if err := a.Set(q, d[rng.IntN(len(d))]); err != nil {
				panic(err)
			}
		}
		out = append(out, a)
	}
	return out
}

// Domain lists answers worth trying for q.
func Domain(q *screening.Question) []screening.Value {
	var out []screening.Value
	switch q.Kind {
	case screening.Single:
		for _, o := range q.Options {
			out = append(out, screening.CodeValue(o.Code))
		}
	case screening.Multi:
		if q.Optional {
			out = append(out, screening.Value{}, screening.CodesValue())
		}
		var all []string
		for k, o := range q.Options {
			out = append(out, screening.CodesValue(o.Code))
			all = append(all, o.Code)
			if k > 0 {
				out = append(out, screening.CodesValue(q.Options[k-1].Code, o.Code))
			}
		}
		out = append(out, screening.CodesValue(all...))
	case screening.Integer:
		nums := []int{q.Min, q.Max, (q.Min + q.Max) / 2}
		for _, r := range q.Rules {
			if r.When == nil {
				continue
			}
			for _, it := range r.When.Items {
				nums = append(nums, it.Int-1, it.Int, it.Int+1)
			}
		}
		for _, n := range nums {
			if n >= q.Min && n <= q.Max {
				out = append(out, screening.IntValue(n))
			}
		}
		if q.AllowUnsure {
			out = append(out, screening.UnsureInt())
		}
	case screening.Free:
		if q.Optional {
			out = append(out, screening.Value{}, screening.TextValue(""))
		}
		out = append(out, screening.TextValue("aspirin"))
	}
	return out
}

// JSON writes a as one line of the answers JSON a clinic system sends (docs/spec/interfaces.md): the
// answered questions in questionnaire order.
func JSON(a *screening.Answers) string {
	var sb strings.Builder
	sb.WriteByte('{')
	first := true
	for _, q := range a.RuleSet().Questions {
		v := a.Get(q)
		if !v.Set {
			continue
		}
		if !first {
			sb.WriteString(", ")
		}
		first = false
		sb.WriteString(strconv.Quote(q.ID) + ": ")
		switch q.Kind {
		case screening.Single:
			sb.WriteString(strconv.Quote(v.Code))
		case screening.Multi:
			sb.WriteByte('[')
			for i, c := range v.Codes {
				if i > 0 {
					sb.WriteString(", ")
				}
				sb.WriteString(strconv.Quote(c))
			}
			sb.WriteByte(']')
		case screening.Integer:
			if v.Unsure {
				sb.WriteString(`"unsure"`)
			} else {
				sb.WriteString(strconv.Itoa(v.Int))
			}
		case screening.Free:
			sb.WriteString(strconv.Quote(v.Text))
		}
	}
	sb.WriteByte('}')
	return sb.String()
}
