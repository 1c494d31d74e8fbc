package screening

import (
	"fmt"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Problem is one thing wrong with a rule set, located by file, line and field.
type Problem struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Field   string `json:"field"`
	Message Text   `json:"message"`
}

// Text renders the problem for a person, e.g.
// `questions.yaml:42: questions.pregnancy.rules: no rule places the answer "possible"`.
func (p Problem) Text(lang Lang) string {
	loc := p.File
	if p.Line > 0 {
		loc += ":" + strconv.Itoa(p.Line)
	}
	if p.Field != "" {
		return loc + ": " + p.Field + ": " + p.Message.In(lang)
	}
	return loc + ": " + p.Message.In(lang)
}

// LoadError is returned by Load for a rule set that must not be used; it lists every problem.
type LoadError struct {
	Problems []Problem
}

func (e *LoadError) Error() string { return e.Message(EN) }

// Message lists every problem, one a line, in lang.
func (e *LoadError) Message(lang Lang) string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.Text(lang)
	}
	return strings.Join(lines, "\n")
}

// reporter collects problems for one file.
type reporter struct {
	file     string
	problems *[]Problem
	langs    []Lang // the rule set's declared languages, ja and en if none (nil in a reporter that reads no text)
}

// msg adds a problem whose message is key of loadMessages, formatted with args.
func (r reporter) msg(n *yaml.Node, field, key string, args ...any) {
	r.addText(n, field, loadText(key, args...))
}

// addText adds a problem whose message is given in any number of languages.
func (r reporter) addText(n *yaml.Node, field string, msg Text) {
	line := 0
	if n != nil {
		line = n.Line
	}
	*r.problems = append(*r.problems, Problem{File: r.file, Line: line, Field: field, Message: msg})
}

// mapping is a YAML mapping whose keys were checked against the allowed ones.
type mapping struct {
	r     reporter
	node  *yaml.Node
	field string
	vals  map[string]*yaml.Node
}

// kindName says what n is, in every language (an argument of loadMessages).
func kindName(n *yaml.Node) Text {
	switch n.Kind {
	case yaml.MappingNode:
		return loadText("kindMapping")
	case yaml.SequenceNode:
		return loadText("kindList")
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return loadText("kindNull")
		}
		return loadText("kindValue", n.Value)
	case yaml.AliasNode:
		return loadText("kindAlias")
	}
	return loadText("kindOther")
}

// asMapping checks that n is a mapping with only the allowed keys, each once.
func (r reporter) asMapping(n *yaml.Node, field string, allowed ...string) *mapping {
	m := &mapping{r: r, node: n, field: field, vals: map[string]*yaml.Node{}}
	if n == nil {
		return m
	}
	if n.Kind != yaml.MappingNode {
		r.msg(n, field, "expectedMapping", kindName(n))
		return m
	}
	for i := 0; i < len(n.Content); i += 2 { // keys and values, in pairs
		k, v := n.Content[i], n.Content[i+1]
		key := k.Value
		known := false
		for _, a := range allowed {
			if a == key {
				known = true
				break
			}
		}
		switch {
		case !known:
			r.msg(k, join(field, key), "unknownKey", strings.Join(allowed, ", "))
		case m.vals[key] != nil:
			r.msg(k, join(field, key), "keyTwice")
		default:
			m.vals[key] = v
		}
	}
	return m
}

func join(field, key string) string {
	if field == "" {
		return key
	}
	return field + "." + key
}

// at returns the node under key, or nil; a required key that is missing is reported.
func (m *mapping) at(key string, required bool) *yaml.Node {
	v := m.vals[key]
	if v == nil && required && m.node != nil && m.node.Kind == yaml.MappingNode {
		m.r.msg(m.node, join(m.field, key), "requiredKey")
	}
	return v
}

// str reads a non-empty string scalar.
func (m *mapping) str(key string, required bool) string {
	v := m.at(key, required)
	if v == nil {
		return ""
	}
	if v.Kind != yaml.ScalarNode || v.Tag == "!!null" {
		m.r.msg(v, join(m.field, key), "expectedText", kindName(v))
		return ""
	}
	s := strings.TrimSpace(v.Value)
	if s == "" && required {
		m.r.msg(v, join(m.field, key), "notEmpty")
	}
	return s
}

// boolean reads true or false (false when absent).
func (m *mapping) boolean(key string) bool {
	v := m.at(key, false)
	if v == nil {
		return false
	}
	if v.Kind == yaml.ScalarNode && v.Tag == "!!bool" {
		return strings.EqualFold(v.Value, "true")
	}
	m.r.msg(v, join(m.field, key), "expectedBool", strconv.Quote(v.Value))
	return false
}

// integer reads a whole number.
func (m *mapping) integer(key string, required bool) (int, bool) {
	v := m.at(key, required)
	if v == nil {
		return 0, false
	}
	n, err := strconv.Atoi(v.Value)
	if v.Kind != yaml.ScalarNode || v.Tag != "!!int" || err != nil {
		m.r.msg(v, join(m.field, key), "expectedInt", strconv.Quote(v.Value))
		return 0, false
	}
	return n, true
}

// list reads a sequence (nil when absent).
func (m *mapping) list(key string, required bool) []*yaml.Node {
	v := m.at(key, required)
	if v == nil {
		return nil
	}
	if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		v = &yaml.Node{Kind: yaml.SequenceNode, Line: v.Line, Column: v.Column} // "key:" with nothing: an empty list
	}
	if v.Kind != yaml.SequenceNode {
		m.r.msg(v, join(m.field, key), "expectedList", kindName(v))
		return nil
	}
	if len(v.Content) == 0 && required {
		m.r.msg(v, join(m.field, key), "notEmpty")
	}
	return v.Content
}

// text reads a translated text {ja: ..., en: ..., zh-Hans: ...}: a mapping from language tag to
// string. Every declared language is required; a well-formed tag not (yet) declared is kept.
func (m *mapping) text(key string, required bool) Text {
	v := m.at(key, required)
	if v == nil {
		return Text{}
	}
	field := join(m.field, key)
	if v.Kind != yaml.MappingNode {
		m.r.asMapping(v, field) // reports what it is instead
		return Text{}
	}
	langs := m.r.langs // the builder's: never nil (ja and en when none are declared)
	t := make(Text, len(langs))
	nodes := map[string]*yaml.Node{}
	for i := 0; i < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		switch {
		case !knownLangTag(langs, k.Value):
			m.r.addText(k, join(field, k.Value), unknownTagMessage(k.Value, langs))
		case nodes[k.Value] != nil:
			m.r.msg(k, join(field, k.Value), "keyTwice")
		default:
			nodes[k.Value] = val
			if val.Kind != yaml.ScalarNode || val.Tag == "!!null" {
				m.r.msg(val, join(field, k.Value), "expectedText", kindName(val))
				continue
			}
			t[Lang(k.Value)] = strings.TrimSpace(val.Value)
		}
	}
	for _, l := range missingIn(t, langs) {
		node := nodes[string(l)]
		if node == nil {
			node = v
		}
		m.r.addText(node, join(field, string(l)), missingTextMessage(l))
	}
	return t
}

// scalars reads a list of strings.
func (m *mapping) scalars(key string, required bool) ([]string, []*yaml.Node) {
	items := m.list(key, required)
	out := make([]string, 0, len(items))
	nodes := make([]*yaml.Node, 0, len(items))
	for i, it := range items {
		if it.Kind != yaml.ScalarNode || it.Value == "" {
			m.r.msg(it, fmt.Sprintf("%s[%d]", join(m.field, key), i), "expectedText", kindName(it))
			continue
		}
		out = append(out, it.Value)
		nodes = append(nodes, it)
	}
	return out, nodes
}
