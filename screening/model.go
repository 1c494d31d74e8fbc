package screening

// RuleSet is a loaded, validated rule set: the questionnaire, its rules, sources and notices.
// A RuleSet is never changed after Load returns it, so it is safe for concurrent use.
type RuleSet struct {
	ID      string
	Version string
	SHA256  string // of the content files, see Load
	// Checked is the date the content was last checked against its sources (ruleset.yaml
	// "checked"; YYYY, YYYY-MM or YYYY-MM-DD, may be empty): "as of" in a notice means it.
	Checked    string
	Name       Text
	Disclaimer Text
	Notices    []*Notice
	Sources    []*Source // in file order
	Sections   []*Section
	Questions  []*Question // every question in questionnaire order
	// Languages are the languages ruleset.yaml declares, in order (empty: ja and en); use
	// Langs, Language and Clinic.
	Languages []Language
	// ClinicLang is ruleset.yaml's clinic_language (empty: ja); use Clinic.
	ClinicLang Lang

	sourceByKey  map[string]*Source
	questionByID map[string]*Question
}

// Source is a publication a rule or notice cites.
type Source struct {
	Key       string
	Title     Text
	Publisher Text
	Date      string // YYYY, YYYY-MM or YYYY-MM-DD; may be empty
	URL       string // may be empty
	Note      Text   // may be empty
}

// Notice is a paragraph printed with every result.
type Notice struct {
	ID   string
	Text Text
	// Sources may be empty: a notice that rests on no source says so in its text.
	Sources []*Source
}

// Section groups questions under a heading.
type Section struct {
	ID        string
	Title     Text
	Questions []*Question
}

// Kind is the type of answer a question takes.
type Kind string

// The kinds of question.
const (
	Single  Kind = "single"  // one option
	Multi   Kind = "multi"   // any number of options
	Integer Kind = "integer" // a whole number in [Min, Max], or unsure if AllowUnsure
	Free    Kind = "text"    // free text, recorded for the physician
)

// UnsureCode is the option code (and integer answer) meaning "I don't know" (わからない).
const UnsureCode = "unsure"

// Question is one item of the questionnaire.
type Question struct {
	ID       string
	Index    int // position in RuleSet.Questions
	Section  *Section
	Kind     Kind
	Text     Text
	Help     Text // may be empty
	Optional bool // a shown question may be left unanswered
	// ShownWhen is nil for a question that is always shown.
	ShownWhen *Condition
	Options   []*Option // Single and Multi
	// Min, Max bound an Integer question; AllowUnsure lets it be answered unsure.
	Min, Max    int
	AllowUnsure bool
	Unit        Text
	Rules       []*Rule
	Line        int // where the question starts in its file

	optionIndex map[string]int
	kc          kindCode // Kind, noted by buildTables
	// Placement tables built by Load for a valid rule set (see buildTables): the rule that
	// places each option (Single), each integer from Min (Integer) and unsure, or every answer.
	byOption []*Rule
	byInt    []*Rule
	byUnsure *Rule
	byAll    *Rule // the rule that places every answer, if one does
}

// Option returns the option with the given code, or nil.
func (q *Question) Option(code string) *Option {
	i, ok := q.optionIndex[code]
	if !ok {
		return nil
	}
	return q.Options[i]
}

// Option is one choice of a Single or Multi question.
type Option struct {
	Code string
	Text Text
	Help Text
}

// Operator compares an answer in a condition, as FHIR enableWhen.operator.
type Operator string

// The operators of FHIR enableWhen.
const (
	OpExists Operator = "exists"
	OpEq     Operator = "="
	OpNe     Operator = "!="
	OpGt     Operator = ">"
	OpLt     Operator = "<"
	OpGe     Operator = ">="
	OpLe     Operator = "<="
)

// Behavior combines the items of a condition, as FHIR enableBehavior.
type Behavior string

// The enableBehavior values.
const (
	All Behavior = "all"
	Any Behavior = "any"
)

// Condition is a FHIR-enableWhen-style test over earlier answers. It is used both for
// "shown when" and for matching a rule to its question's answer.
type Condition struct {
	Behavior Behavior
	Items    []ConditionItem
}

// ConditionItem is one enableWhen entry: Question Operator Answer.
type ConditionItem struct {
	Question *Question
	Operator Operator
	// The compared answer; which field is meaningful depends on Question.Kind and Operator:
	// Code for single/multi options, Int for integers, Unsure for "= unsure" on integers,
	// Exists for the exists operator.
	Code   string
	Int    int
	Unsure bool
	Exists bool

	oc    opCode // Operator, noted by buildTables
	byOpt []bool // Single: whether the answer option i matches, noted by buildTables
}

// Rule places the answers of its question that match When.
type Rule struct {
	Question          *Question
	When              *Condition // nil matches every answer
	Class             Class
	NeedsConfirmation bool
	Sources           []*Source
	SourceKeys        []string // the keys of Sources, shared by every finding of this rule
	Reason            Text
	Line              int
}

// Source returns the source with the given key, or nil.
func (rs *RuleSet) Source(key string) *Source { return rs.sourceByKey[key] }

// Question returns the question with the given id, or nil.
func (rs *RuleSet) Question(id string) *Question { return rs.questionByID[id] }
