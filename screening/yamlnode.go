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
	langs    []Lang // the rule set's declared languages (nil: ja and en)
}

func (r reporter) add(n *yaml.Node, field string, en, ja string) {
	r.addText(n, field, Text{JA: ja, EN: en})
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

func kindName(n *yaml.Node) (en, ja string) {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping", "マッピング"
	case yaml.SequenceNode:
		return "a list", "リスト"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "nothing", "空の値"
		}
		return fmt.Sprintf("the value %q", n.Value), fmt.Sprintf("値 %q", n.Value)
	case yaml.AliasNode:
		return "an alias", "エイリアス"
	}
	return "something else", "その他"
}

// asMapping checks that n is a mapping with only the allowed keys, each once.
func (r reporter) asMapping(n *yaml.Node, field string, allowed ...string) *mapping {
	m := &mapping{r: r, node: n, field: field, vals: map[string]*yaml.Node{}}
	if n == nil {
		return m
	}
	if n.Kind != yaml.MappingNode {
		en, ja := kindName(n)
		r.add(n, field, "expected a mapping (key: value), found "+en, "マッピング（キー: 値）が必要ですが、"+ja+"です")
		return m
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
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
			r.add(k, join(field, key), "unknown key (allowed here: "+strings.Join(allowed, ", ")+")",
				"不明なキーです（使えるキー: "+strings.Join(allowed, ", ")+"）")
		case m.vals[key] != nil:
			r.add(k, join(field, key), "key given twice", "キーが2回書かれています")
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
		m.r.add(m.node, join(m.field, key), "required key is missing", "必須のキーがありません")
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
		en, ja := kindName(v)
		m.r.add(v, join(m.field, key), "expected a text value, found "+en, "文字列が必要ですが、"+ja+"です")
		return ""
	}
	s := strings.TrimSpace(v.Value)
	if s == "" && required {
		m.r.add(v, join(m.field, key), "must not be empty", "空にはできません")
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
	m.r.add(v, join(m.field, key), "expected true or false, found "+strconv.Quote(v.Value), "true か false が必要ですが、"+strconv.Quote(v.Value)+"です")
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
		m.r.add(v, join(m.field, key), "expected a whole number, found "+strconv.Quote(v.Value), "整数が必要ですが、"+strconv.Quote(v.Value)+"です")
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
		en, ja := kindName(v)
		m.r.add(v, join(m.field, key), "expected a list, found "+en, "リストが必要ですが、"+ja+"です")
		return nil
	}
	if len(v.Content) == 0 && required {
		m.r.add(v, join(m.field, key), "must not be empty", "空にはできません")
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
	langs := m.r.langs
	if langs == nil {
		langs = []Lang{JA, EN} // a rule set that declares no languages
	}
	t := make(Text, len(langs))
	nodes := map[string]*yaml.Node{}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		switch {
		case !knownLangTag(langs, k.Value):
			m.r.addText(k, join(field, k.Value), unknownTagMessage(k.Value, langs))
		case nodes[k.Value] != nil:
			m.r.add(k, join(field, k.Value), "key given twice", "キーが2回書かれています")
		default:
			nodes[k.Value] = val
			if val.Kind != yaml.ScalarNode || val.Tag == "!!null" {
				en, ja := kindName(val)
				m.r.add(val, join(field, k.Value), "expected a text value, found "+en, "文字列が必要ですが、"+ja+"です")
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
			en, ja := kindName(it)
			m.r.add(it, fmt.Sprintf("%s[%d]", join(m.field, key), i), "expected a text value, found "+en, "文字列が必要ですが、"+ja+"です")
			continue
		}
		out = append(out, it.Value)
		nodes = append(nodes, it)
	}
	return out, nodes
}
