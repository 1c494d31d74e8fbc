package screening

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// contentFiles are the files of a rule set, in the order their digests enter the SHA-256.
var contentFiles = []string{"ruleset.yaml", "sources.yaml", "questions.yaml"}

// maxContentFile bounds each content file; a rule set is a few dozen kilobytes.
const maxContentFile = 4 << 20

var (
	idPattern     = regexp.MustCompile(`^[a-z][a-z0-9_-]*$`)
	qidPattern    = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
	codePattern   = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`)
	datePattern   = regexp.MustCompile(`^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$`)
	urlPattern    = regexp.MustCompile(`^https?://[^\s]+$`)
	rulesetFields = []string{"id", "version", "checked", "name", "disclaimer", "notices", "languages", "clinic_language"}
)

// LoadDir loads and validates the rule set in dir; problems name files by their path.
// It always reads the YAML files (a compiled form in dir is ignored).
func LoadDir(dir string) (*RuleSet, error) {
	return load(os.DirFS(dir), func(name string) string { return filepath.Join(dir, name) }, false)
}

// Load loads and validates the rule set at the root of fsys (such as content.FS). A rule set
// with any problem is refused with a *LoadError listing all of them. When fsys also holds a
// compiled form (CompiledFile) made from these very YAML files (same SHA-256), Load reads
// that instead of parsing the YAML: the same rule set, without the cost.
func Load(fsys fs.FS) (*RuleSet, error) {
	return load(fsys, func(name string) string { return name }, true)
}

func load(fsys fs.FS, display func(string) string, compiled bool) (*RuleSet, error) {
	var problems []Problem
	files := make(map[string][]byte, len(contentFiles))
	sum := sha256.New()
	for _, name := range contentFiles {
		r := reporter{file: display(name), problems: &problems}
		data, err := readContent(fsys, name)
		if err != nil {
			msg := err.Error()
			if errors.Is(err, fs.ErrNotExist) {
				r.msg(nil, "", "fileMissing")
			} else {
				r.msg(nil, "", "cannotRead", msg)
			}
			continue
		}
		// sha256sum-compatible manifest: `sha256sum ruleset.yaml sources.yaml questions.yaml | sha256sum`.
		fileSum := sha256.Sum256(data)
		fmt.Fprintf(sum, "%x  %s\n", fileSum, name)
		files[name] = data
	}
	digest := hex.EncodeToString(sum.Sum(nil))
	if compiled && len(problems) == 0 {
		// The compiled form skips the YAML, not the rules' checks: lint (coverage, unsure)
		// runs on it as on a rule set read from YAML (50 us), and any problem sends Load to
		// the YAML, which reports it with its line. The checks of the YAML's structure ran
		// when it was compiled (TestCompiledContent runs them again on every test run).
		if rs := loadCompiled(fsys, digest); rs != nil {
			var lp []Problem
			lint(rs, reporter{file: display("questions.yaml"), problems: &lp}, nil)
			if len(lp) == 0 {
				return rs, nil
			}
		}
	}
	docs := make(map[string]*yaml.Node, len(contentFiles))
	for _, name := range contentFiles {
		data, ok := files[name]
		if !ok {
			continue
		}
		doc, err := parseYAML(data)
		if err != nil {
			r := reporter{file: display(name), problems: &problems}
			line, msg := yamlErrorLine(err)
			r.msg(&yaml.Node{Line: line}, "", "notYAML", msg)
			continue
		}
		docs[name] = doc
	}
	if len(problems) > 0 {
		return nil, &LoadError{Problems: problems}
	}
	rs := &RuleSet{SHA256: digest}
	b := &builder{rs: rs, problems: &problems, display: display}
	b.languages(docs["ruleset.yaml"])
	b.sources(docs["sources.yaml"])
	b.ruleset(docs["ruleset.yaml"])
	b.questions(docs["questions.yaml"])
	b.unusedSources()
	// Coverage is checked on every question that was built without a problem of its own (a
	// broken condition or class would give false gaps), so that one run of lint lists a gap
	// next to, say, an unused source.
	lint(rs, reporter{file: display("questions.yaml"), problems: &problems}, b.broken)
	if len(problems) > 0 {
		// Problems in reading order: by file (as contentFiles), then by line.
		order := map[string]int{}
		for i, name := range contentFiles {
			order[display(name)] = i
		}
		slices.SortStableFunc(problems, func(a, b Problem) int {
			if c := order[a.File] - order[b.File]; c != 0 {
				return c
			}
			return a.Line - b.Line
		})
		return nil, &LoadError{Problems: problems}
	}
	rs.buildTables()
	return rs, nil
}

func readContent(fsys fs.FS, name string) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var buf bytes.Buffer
	if st, err := f.Stat(); err == nil { // one allocation, not a doubling series
		buf.Grow(int(min(max(st.Size(), 0), maxContentFile)) + bytes.MinRead)
	}
	n, err := buf.ReadFrom(io.LimitReader(f, maxContentFile+1))
	if err != nil {
		return nil, err
	}
	if n > maxContentFile {
		return nil, fmt.Errorf("larger than %d bytes", maxContentFile)
	}
	return buf.Bytes(), nil
}

// parseYAML parses one YAML document into its root mapping node.
func parseYAML(data []byte) (doc *yaml.Node, err error) {
	defer func() {
		// The YAML library is well tested, but a content file is outside input: never panic.
		if p := recover(); p != nil {
			doc, err = nil, fmt.Errorf("%v", p)
		}
	}()
	var root yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&root); err != nil {
		if err.Error() == "EOF" {
			return &yaml.Node{Kind: yaml.MappingNode, Line: 1}, nil
		}
		return nil, err
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, fmt.Errorf("line %d: a content file holds one YAML document, found another after ---", extra.Line)
	}
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		return root.Content[0], nil
	}
	return &root, nil
}

var yamlLineRE = regexp.MustCompile(`line (\d+):?\s*`)

// yamlParserProblems are the messages of the YAML library's parser (as opposed to its
// scanner). The library reports a parser error's line 0-based (one too low) and leaves out
// "line 0" altogether, while scanner errors are reported 1-based; yamlErrorLine corrects it.
var yamlParserProblems = []string{
	"did not find expected <stream-start>",
	"did not find expected <document start>",
	"found undefined tag handle",
	"did not find expected node content",
	"did not find expected '-' indicator",
	"did not find expected key",
	"did not find expected ',' or ']'",
	"did not find expected ',' or '}'",
	"found duplicate %YAML directive",
	"found incompatible YAML document",
	"found duplicate %TAG directive",
}

// yamlErrorLine pulls the (1-based) line number out of a YAML parser message.
func yamlErrorLine(err error) (int, string) {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 0
	if m := yamlLineRE.FindStringSubmatchIndex(msg); m != nil {
		line, _ = strconv.Atoi(msg[m[2]:m[3]])
		msg = strings.TrimSpace(msg[:m[0]] + msg[m[1]:])
	}
	if slices.Contains(yamlParserProblems, msg) {
		line++
	} else if line == 0 && (strings.HasPrefix(msg, "found ") || strings.HasPrefix(msg, "did not find ") || strings.HasPrefix(msg, "could not find ")) {
		line = 1 // a scanner error on the first line
	}
	return line, msg
}

// builder turns the parsed YAML documents into a RuleSet, reporting every problem.
type builder struct {
	rs         *RuleSet
	problems   *[]Problem
	display    func(string) string
	langs      []Lang // the declared languages, read first
	usedSource map[string]bool
	srcNodes   map[string]*yaml.Node
	broken     map[*Question]bool // questions with a problem of their own: not linted
}

func (b *builder) reporter(name string) reporter {
	return reporter{file: b.display(name), problems: b.problems, langs: b.langs}
}

func (b *builder) sources(doc *yaml.Node) {
	r := b.reporter("sources.yaml")
	b.rs.sourceByKey = map[string]*Source{}
	b.usedSource = map[string]bool{}
	b.srcNodes = map[string]*yaml.Node{}
	top := r.asMapping(doc, "", "sources")
	for i, n := range top.list("sources", true) {
		field := fmt.Sprintf("sources[%d]", i)
		m := r.asMapping(n, field, "key", "title", "publisher", "date", "url", "note")
		s := &Source{Key: m.str("key", true)}
		if s.Key != "" {
			field = "sources." + s.Key
			m.field = field
		}
		s.Title = m.text("title", true)
		s.Publisher = m.text("publisher", true)
		s.Date = m.str("date", false)
		s.URL = m.str("url", false)
		s.Note = m.text("note", false)
		switch {
		case s.Key == "":
		case !idPattern.MatchString(s.Key):
			r.msg(m.vals["key"], field+".key", "sourceKeyForm")
		case b.rs.sourceByKey[s.Key] != nil:
			r.msg(m.vals["key"], field+".key", "dupSourceKey", strconv.Quote(s.Key))
		default:
			b.rs.sourceByKey[s.Key] = s
			b.srcNodes[s.Key] = m.vals["key"]
		}
		if s.Date != "" && !datePattern.MatchString(s.Date) {
			r.msg(m.vals["date"], field+".date", "dateForm")
		}
		if s.URL != "" && !urlPattern.MatchString(s.URL) {
			r.msg(m.vals["url"], field+".url", "urlForm")
		}
		b.rs.Sources = append(b.rs.Sources, s)
	}
}

// sourceList resolves cited source keys.
// A rule must cite at least one source; a notice may cite none (required false), when it
// rests on no source and says so in its text.
func (b *builder) sourceList(r reporter, m *mapping, key string, required bool) ([]*Source, []string) {
	keys, nodes := m.scalars(key, required)
	var out []*Source
	var outKeys []string
	for i, k := range keys {
		s := b.rs.sourceByKey[k]
		if s == nil {
			r.msg(nodes[i], fmt.Sprintf("%s[%d]", join(m.field, key), i), "unknownSourceKey", strconv.Quote(k))
			continue
		}
		dup := false
		for _, o := range outKeys {
			dup = dup || o == k
		}
		if dup {
			r.msg(nodes[i], fmt.Sprintf("%s[%d]", join(m.field, key), i), "sourceCitedTwice", strconv.Quote(k))
			continue
		}
		b.usedSource[k] = true
		out = append(out, s)
		outKeys = append(outKeys, k)
	}
	return out, outKeys
}

func (b *builder) ruleset(doc *yaml.Node) {
	r := b.reporter("ruleset.yaml")
	m := r.asMapping(doc, "", rulesetFields...)
	b.rs.ID = m.str("id", true)
	if b.rs.ID != "" && !idPattern.MatchString(b.rs.ID) {
		r.msg(m.vals["id"], "id", "idForm")
	}
	b.rs.Version = m.str("version", true)
	b.rs.Checked = m.str("checked", false)
	if b.rs.Checked != "" && !datePattern.MatchString(b.rs.Checked) {
		r.msg(m.vals["checked"], "checked", "dateForm")
	}
	b.rs.Name = m.text("name", true)
	b.rs.Disclaimer = m.text("disclaimer", true)
	seen := map[string]bool{}
	for i, n := range m.list("notices", false) {
		field := fmt.Sprintf("notices[%d]", i)
		nm := r.asMapping(n, field, "id", "text", "sources")
		no := &Notice{ID: nm.str("id", true)}
		if no.ID != "" {
			if seen[no.ID] {
				r.msg(nm.vals["id"], field+".id", "dupNoticeID", strconv.Quote(no.ID))
			}
			seen[no.ID] = true
			nm.field = "notices." + no.ID
		}
		no.Text = nm.text("text", true)
		no.Sources, _ = b.sourceList(r, nm, "sources", false)
		b.rs.Notices = append(b.rs.Notices, no)
	}
}

// pendingCond is a condition whose references are resolved once all questions are known.
type pendingCond struct {
	q     *Question
	node  *yaml.Node
	field string
	rule  *Rule // nil for shown_when
}

func (b *builder) questions(doc *yaml.Node) {
	r := b.reporter("questions.yaml")
	rs := b.rs
	rs.questionByID = map[string]*Question{}
	b.broken = map[*Question]bool{}
	top := r.asMapping(doc, "", "sections")
	sectionIDs := map[string]bool{}
	var pending []pendingCond
	for si, sn := range top.list("sections", true) {
		field := fmt.Sprintf("sections[%d]", si)
		sm := r.asMapping(sn, field, "id", "title", "questions")
		sec := &Section{ID: sm.str("id", true)}
		if sec.ID != "" {
			if !idPattern.MatchString(sec.ID) {
				r.msg(sm.vals["id"], field+".id", "sectionIDForm")
			}
			if sectionIDs[sec.ID] {
				r.msg(sm.vals["id"], field+".id", "dupSectionID", strconv.Quote(sec.ID))
			}
			sectionIDs[sec.ID] = true
			sm.field = "sections." + sec.ID
		}
		sec.Title = sm.text("title", true)
		for qi, qn := range sm.list("questions", true) {
			before := len(*b.problems)
			q, conds := b.question(r, qn, fmt.Sprintf("%s.questions[%d]", sm.field, qi))
			if len(*b.problems) > before {
				b.broken[q] = true
			}
			q.Section = sec
			q.Index = len(rs.Questions)
			sec.Questions = append(sec.Questions, q)
			rs.Questions = append(rs.Questions, q)
			pending = append(pending, conds...)
		}
		rs.Sections = append(rs.Sections, sec)
	}
	for _, p := range pending {
		before := len(*b.problems)
		c := b.condition(r, p)
		if len(*b.problems) > before {
			b.broken[p.q] = true
		}
		if p.rule != nil {
			p.rule.When = c
		} else {
			p.q.ShownWhen = c
		}
	}
}

var questionFields = []string{"id", "kind", "text", "help", "optional", "shown_when", "options", "min", "max", "unit", "unsure", "rules"}

func (b *builder) question(r reporter, n *yaml.Node, field string) (*Question, []pendingCond) {
	m := r.asMapping(n, field, questionFields...)
	q := &Question{ID: m.str("id", true), Line: n.Line, optionIndex: map[string]int{}}
	if q.ID != "" {
		switch {
		case !qidPattern.MatchString(q.ID):
			r.msg(m.vals["id"], field+".id", "questionIDForm")
		case b.rs.questionByID[q.ID] != nil:
			r.msg(m.vals["id"], field+".id", "dupQuestionID", strconv.Quote(q.ID))
		default:
			b.rs.questionByID[q.ID] = q
		}
		field = "questions." + q.ID
		m.field = field
	}
	kind := m.str("kind", true)
	switch Kind(kind) {
	case Single, Multi, Integer, Free:
		q.Kind = Kind(kind)
	case "":
	default:
		r.msg(m.vals["kind"], field+".kind", "unknownKind", strconv.Quote(kind))
	}
	q.Text = m.text("text", true)
	q.Help = m.text("help", false)
	q.Optional = m.boolean("optional")

	options := m.list("options", q.Kind == Single || q.Kind == Multi)
	if len(options) > 0 && (q.Kind == Integer || q.Kind == Free) {
		r.msg(m.vals["options"], field+".options", "optionsOnlyChoice")
	}
	for i, on := range options {
		ofield := fmt.Sprintf("%s.options[%d]", field, i)
		om := r.asMapping(on, ofield, "code", "text", "help")
		o := &Option{Code: om.str("code", true)}
		valid := false
		if o.Code != "" {
			switch _, dup := q.optionIndex[o.Code]; {
			case !codePattern.MatchString(o.Code):
				r.msg(om.vals["code"], ofield+".code", "optionCodeForm")
			case dup:
				r.msg(om.vals["code"], ofield+".code", "dupOptionCode", strconv.Quote(o.Code))
			default:
				valid = true
			}
			om.field = field + ".options." + o.Code
		}
		o.Text = om.text("text", true)
		o.Help = om.text("help", false)
		if valid {
			q.optionIndex[o.Code] = len(q.Options)
			q.Options = append(q.Options, o)
		}
	}

	isInt := q.Kind == Integer
	minV, okMin := m.integer("min", isInt)
	maxV, okMax := m.integer("max", isInt)
	q.Min, q.Max = minV, maxV
	q.Unit = m.text("unit", false)
	q.AllowUnsure = m.boolean("unsure")
	if !isInt {
		for _, k := range []string{"min", "max", "unit", "unsure"} {
			if m.vals[k] != nil {
				r.msg(m.vals[k], field+"."+k, "onlyInteger", k)
			}
		}
	} else if okMin && okMax {
		if minV > maxV {
			r.msg(m.vals["max"], field+".max", "maxBelowMin")
		} else if maxV-minV > maxIntegerSpan {
			r.msg(m.vals["max"], field+".max", "rangeTooWide", maxIntegerSpan)
		}
	}
	if q.Kind == Single && len(q.Options) > 0 && q.Option(UnsureCode) == nil {
		r.msg(m.vals["options"], field+".options", "needsUnsure")
	}
	if q.Kind == Multi && len(q.Options) > maxMultiOptions {
		r.msg(m.vals["options"], field+".options", "tooManyOptions", maxMultiOptions)
	}

	var conds []pendingCond
	if sw := m.at("shown_when", false); sw != nil {
		conds = append(conds, pendingCond{q: q, node: sw, field: field + ".shown_when"})
	}
	// No rules at all is not reported here: the coverage check then names every answer left
	// unplaced, which tells a clinic what is missing.
	for i, rn := range m.list("rules", false) {
		rfield := fmt.Sprintf("%s.rules[%d]", field, i)
		rm := r.asMapping(rn, rfield, "when", "class", "needs_confirmation", "sources", "reason")
		rule := &Rule{Question: q, Line: rn.Line}
		cls := rm.str("class", true)
		if c, ok := parseClass(cls); ok {
			rule.Class = c
		} else if cls != "" {
			r.msg(rm.vals["class"], rfield+".class", "unknownClass", strconv.Quote(cls))
		}
		rule.NeedsConfirmation = rm.boolean("needs_confirmation")
		rule.Sources, rule.SourceKeys = b.sourceList(r, rm, "sources", true)
		rule.Reason = rm.text("reason", true)
		if w := rm.at("when", false); w != nil {
			conds = append(conds, pendingCond{q: q, node: w, field: rfield + ".when", rule: rule})
		}
		q.Rules = append(q.Rules, rule)
	}
	return q, conds
}

const (
	maxIntegerSpan  = 100000
	maxMultiOptions = 12
)

// condition resolves a shown_when or when mapping.
func (b *builder) condition(r reporter, p pendingCond) *Condition {
	m := r.asMapping(p.node, p.field, "behavior", "conditions")
	c := &Condition{Behavior: All}
	switch beh := m.str("behavior", false); beh {
	case "", "all":
	case "any":
		c.Behavior = Any
	default:
		r.msg(m.vals["behavior"], p.field+".behavior", "unknownBehavior", strconv.Quote(beh))
	}
	for i, n := range m.list("conditions", true) {
		field := fmt.Sprintf("%s.conditions[%d]", p.field, i)
		it, ok := b.conditionItem(r, p, n, field)
		if ok {
			c.Items = append(c.Items, it)
		}
	}
	if len(c.Items) == 0 {
		return nil
	}
	return c
}

func (b *builder) conditionItem(r reporter, p pendingCond, n *yaml.Node, field string) (ConditionItem, bool) {
	allowed := []string{"question", "operator", "answer"}
	if p.rule != nil {
		allowed = []string{"operator", "answer"}
	}
	m := r.asMapping(n, field, allowed...)
	var it ConditionItem
	if p.rule != nil {
		it.Question = p.q
	} else {
		id := m.str("question", true)
		if id == "" {
			return it, false
		}
		target := b.rs.questionByID[id]
		switch {
		case target == nil:
			r.msg(m.vals["question"], field+".question", "unknownQuestion", strconv.Quote(id))
			return it, false
		case target == p.q:
			r.msg(m.vals["question"], field+".question", "selfDepend")
			return it, false
		case target.Index >= p.q.Index:
			r.msg(m.vals["question"], field+".question", "forwardRef", strconv.Quote(id))
			return it, false
		}
		it.Question = target
	}
	op := Operator(m.str("operator", true))
	it.Operator = op
	ans := m.at("answer", true)
	if op == "" || ans == nil {
		return it, false
	}
	q := it.Question
	bad := func(key string, args ...any) (ConditionItem, bool) {
		r.msg(ans, field+".answer", key, args...)
		return it, false
	}
	if ans.Kind != yaml.ScalarNode {
		return bad("singleValue", kindName(ans))
	}
	val := ans.Value
	switch op {
	case OpExists:
		if ans.Tag != "!!bool" {
			return bad("existsBool")
		}
		it.Exists = strings.EqualFold(val, "true")
		return it, true
	case OpEq, OpNe, OpGt, OpLt, OpGe, OpLe:
	default:
		r.msg(m.vals["operator"], field+".operator", "unknownOperator", strconv.Quote(string(op)))
		return it, false
	}
	ordered := op != OpEq && op != OpNe
	switch q.Kind {
	case Single, Multi:
		if ordered {
			r.msg(m.vals["operator"], field+".operator", "orderedOnChoice", string(op), q.ID)
			return it, false
		}
		if q.Option(val) == nil {
			return bad("notAnOption", strconv.Quote(val), q.ID, strings.Join(optionCodes(q), ", "))
		}
		it.Code = val
	case Integer:
		if val == UnsureCode {
			if ordered || !q.AllowUnsure {
				return bad("unsureOperator")
			}
			it.Unsure = true
			return it, true
		}
		v, err := strconv.Atoi(val)
		if ans.Tag != "!!int" || err != nil {
			return bad("integerExpected", q.ID)
		}
		it.Int = v
	case Free:
		return bad("textOnlyExists", q.ID)
	}
	return it, true
}

func optionCodes(q *Question) []string {
	out := make([]string, len(q.Options))
	for i, o := range q.Options {
		out[i] = o.Code
	}
	return out
}

func (b *builder) unusedSources() {
	r := b.reporter("sources.yaml")
	for _, s := range b.rs.Sources {
		if n := b.srcNodes[s.Key]; n != nil && !b.usedSource[s.Key] {
			r.msg(n, "sources."+s.Key, "sourceUnused")
		}
	}
}
