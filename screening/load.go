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
				r.add(nil, "", "file is missing", "ファイルがありません")
			} else {
				r.add(nil, "", "cannot read: "+msg, "読み込めません: "+msg)
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
			r.add(&yaml.Node{Line: line}, "", "not valid YAML: "+msg, "YAMLとして読めません: "+msg)
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
	if st, err := f.Stat(); err == nil && st.Size() >= 0 && st.Size() <= maxContentFile {
		buf.Grow(int(st.Size()) + bytes.MinRead) // one allocation, not a doubling series
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
			r.add(m.vals["key"], field+".key", "a key uses lower-case letters, digits and '-'", "キーは英小文字・数字・'-'で書きます")
		case b.rs.sourceByKey[s.Key] != nil:
			r.add(m.vals["key"], field+".key", "duplicate source key "+strconv.Quote(s.Key), "出典キー "+strconv.Quote(s.Key)+" が重複しています")
		default:
			b.rs.sourceByKey[s.Key] = s
			b.srcNodes[s.Key] = m.vals["key"]
		}
		if s.Date != "" && !datePattern.MatchString(s.Date) {
			r.add(m.vals["date"], field+".date", "expected YYYY, YYYY-MM or YYYY-MM-DD", "YYYY、YYYY-MM、YYYY-MM-DD のいずれかで書きます")
		}
		if s.URL != "" && !urlPattern.MatchString(s.URL) {
			r.add(m.vals["url"], field+".url", "expected an http:// or https:// address", "http:// か https:// で始まるアドレスが必要です")
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
			r.add(nodes[i], fmt.Sprintf("%s[%d]", join(m.field, key), i), "unknown source key "+strconv.Quote(k)+" (not in sources.yaml)",
				"出典キー "+strconv.Quote(k)+" は sources.yaml にありません")
			continue
		}
		dup := false
		for _, o := range outKeys {
			dup = dup || o == k
		}
		if dup {
			r.add(nodes[i], fmt.Sprintf("%s[%d]", join(m.field, key), i), "source "+strconv.Quote(k)+" cited twice", "出典 "+strconv.Quote(k)+" が2回書かれています")
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
		r.add(m.vals["id"], "id", "an id uses lower-case letters, digits and '-'", "IDは英小文字・数字・'-'で書きます")
	}
	b.rs.Version = m.str("version", true)
	b.rs.Checked = m.str("checked", false)
	if b.rs.Checked != "" && !datePattern.MatchString(b.rs.Checked) {
		r.add(m.vals["checked"], "checked", "expected YYYY, YYYY-MM or YYYY-MM-DD", "YYYY、YYYY-MM、YYYY-MM-DD のいずれかで書きます")
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
				r.add(nm.vals["id"], field+".id", "duplicate notice id "+strconv.Quote(no.ID), "お知らせID "+strconv.Quote(no.ID)+" が重複しています")
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
				r.add(sm.vals["id"], field+".id", "an id uses lower-case letters, digits, '_' and '-'", "IDは英小文字・数字・'_'・'-'で書きます")
			}
			if sectionIDs[sec.ID] {
				r.add(sm.vals["id"], field+".id", "duplicate section id "+strconv.Quote(sec.ID), "セクションID "+strconv.Quote(sec.ID)+" が重複しています")
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
			r.add(m.vals["id"], field+".id", "a question id uses lower-case letters, digits and '_'", "質問IDは英小文字・数字・'_'で書きます")
		case b.rs.questionByID[q.ID] != nil:
			r.add(m.vals["id"], field+".id", "duplicate question id "+strconv.Quote(q.ID), "質問ID "+strconv.Quote(q.ID)+" が重複しています")
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
		r.add(m.vals["kind"], field+".kind", "unknown kind "+strconv.Quote(kind)+" (want single, multi, integer or text)",
			"種類 "+strconv.Quote(kind)+" はありません（single、multi、integer、text のいずれか）")
	}
	q.Text = m.text("text", true)
	q.Help = m.text("help", false)
	q.Optional = m.boolean("optional")

	options := m.list("options", q.Kind == Single || q.Kind == Multi)
	if len(options) > 0 && (q.Kind == Integer || q.Kind == Free) {
		r.add(m.vals["options"], field+".options", "only single and multi questions have options", "選択肢を持てるのは single と multi の質問だけです")
	}
	for i, on := range options {
		ofield := fmt.Sprintf("%s.options[%d]", field, i)
		om := r.asMapping(on, ofield, "code", "text", "help")
		o := &Option{Code: om.str("code", true)}
		valid := false
		if o.Code != "" {
			switch _, dup := q.optionIndex[o.Code]; {
			case !codePattern.MatchString(o.Code):
				r.add(om.vals["code"], ofield+".code", "an option code uses lower-case letters, digits, '_' and '-'", "選択肢コードは英小文字・数字・'_'・'-'で書きます")
			case dup:
				r.add(om.vals["code"], ofield+".code", "duplicate option code "+strconv.Quote(o.Code), "選択肢コード "+strconv.Quote(o.Code)+" が重複しています")
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
				r.add(m.vals[k], field+"."+k, "only integer questions have "+k, k+" を持てるのは integer の質問だけです")
			}
		}
	} else if okMin && okMax {
		if minV > maxV {
			r.add(m.vals["max"], field+".max", "max is below min", "max が min より小さくなっています")
		} else if maxV-minV > maxIntegerSpan {
			r.add(m.vals["max"], field+".max", fmt.Sprintf("the range may span at most %d numbers", maxIntegerSpan), fmt.Sprintf("範囲は最大 %d までです", maxIntegerSpan))
		}
	}
	if q.Kind == Single && len(q.Options) > 0 && q.Option(UnsureCode) == nil {
		r.add(m.vals["options"], field+".options", `a single-choice question needs an option "unsure" (わかりません): unsure is never none`,
			`単一選択の質問には選択肢 "unsure"（わかりません）が必要です`)
	}
	if q.Kind == Multi && len(q.Options) > maxMultiOptions {
		r.add(m.vals["options"], field+".options", fmt.Sprintf("a multi question may have at most %d options", maxMultiOptions),
			fmt.Sprintf("複数選択の質問の選択肢は最大 %d 個です", maxMultiOptions))
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
			r.add(rm.vals["class"], rfield+".class", "unknown class "+strconv.Quote(cls)+" (want absolute, relative or none)",
				"区分 "+strconv.Quote(cls)+" はありません（absolute、relative、none のいずれか）")
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
		r.add(m.vals["behavior"], p.field+".behavior", "unknown behavior "+strconv.Quote(beh)+" (want all or any)",
			"behavior "+strconv.Quote(beh)+" は使えません（all か any）")
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
			r.add(m.vals["question"], field+".question", "unknown question "+strconv.Quote(id), "質問 "+strconv.Quote(id)+" はありません")
			return it, false
		case target == p.q:
			r.add(m.vals["question"], field+".question", "a question cannot depend on its own answer", "質問が自分自身の回答に依存しています")
			return it, false
		case target.Index >= p.q.Index:
			r.add(m.vals["question"], field+".question", "refers forward to "+strconv.Quote(id)+": conditions may only name earlier questions",
				"後の質問 "+strconv.Quote(id)+" を参照しています。条件には前の質問だけを使えます")
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
	bad := func(en, ja string) (ConditionItem, bool) {
		r.add(ans, field+".answer", en, ja)
		return it, false
	}
	if ans.Kind != yaml.ScalarNode {
		en, ja := kindName(ans)
		return bad("expected a single value, found "+en, "値が1つ必要ですが、"+ja+"です")
	}
	val := ans.Value
	switch op {
	case OpExists:
		if ans.Tag != "!!bool" {
			return bad("exists takes true or false", "exists には true か false を書きます")
		}
		it.Exists = strings.EqualFold(val, "true")
		return it, true
	case OpEq, OpNe, OpGt, OpLt, OpGe, OpLe:
	default:
		r.add(m.vals["operator"], field+".operator", "unknown operator "+strconv.Quote(string(op))+" (want exists, =, !=, >, <, >= or <=)",
			"演算子 "+strconv.Quote(string(op))+" は使えません（exists、=、!=、>、<、>=、<=）")
		return it, false
	}
	ordered := op != OpEq && op != OpNe
	switch q.Kind {
	case Single, Multi:
		if ordered {
			r.add(m.vals["operator"], field+".operator", string(op)+" compares numbers; "+q.ID+" is a choice question (use = or !=)",
				string(op)+" は数値の比較です。"+q.ID+" は選択式の質問です（= か != を使います）")
			return it, false
		}
		if q.Option(val) == nil {
			return bad(strconv.Quote(val)+" is not an option of "+q.ID+" (options: "+strings.Join(optionCodes(q), ", ")+")",
				strconv.Quote(val)+" は "+q.ID+" の選択肢にありません（選択肢: "+strings.Join(optionCodes(q), ", ")+"）")
		}
		it.Code = val
	case Integer:
		if val == UnsureCode {
			if ordered || !q.AllowUnsure {
				return bad(`"unsure" can only be tested with = or != on a question that allows it`,
					`"unsure" は unsure を許す質問で = か != とだけ使えます`)
			}
			it.Unsure = true
			return it, true
		}
		v, err := strconv.Atoi(val)
		if ans.Tag != "!!int" || err != nil {
			return bad(q.ID+" is an integer question: expected a whole number", q.ID+" は整数の質問です。整数が必要です")
		}
		it.Int = v
	case Free:
		return bad(q.ID+" is a text question: only exists can test it", q.ID+" は自由記述の質問です。exists だけが使えます")
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
			r.add(n, "sources."+s.Key, "source is never cited by a rule or notice (a typo elsewhere?)",
				"この出典はどのルールやお知らせにも使われていません（どこかの書き間違い？）")
		}
	}
}
