// Package screening is exoscreen's domain: the rule set, the answers and the rules engine that
// places them. It is pure Go with no terminal, file-writing or network code, so the terminal
// screens, the kiosk, `exoscreen evaluate` and the tests all screen the same way.
//
// The flow is answers → engine → result:
//
//   - Load (an fs.FS such as the embedded content/) or LoadDir (a clinic's own folder) reads a
//     rule set (ruleset.yaml, sources.yaml, questions.yaml; docs/spec/rules.md is the clinical
//     contract) and refuses it, with a LoadError naming file, line and field, unless every
//     answer every question can take is placed by a rule and "unsure" is never placed as none.
//     A RuleSet never changes once loaded.
//   - Answers hold one Value per question. RuleSet.NewAnswers starts an empty set that a screen
//     fills with Answers.Set; RuleSet.ParseAnswers and RuleSet.ReadAnswers read the answers file
//     of docs/spec/interfaces.md (one object or JSON Lines), refusing bad input with
//     AnswerErrors that name the line, the question and what was expected. Answers.IsShown and
//     Answers.Prune apply the shown_when conditions: a question that is not shown has no answer.
//   - RuleSet.Evaluate (or EvaluateInto, which allocates nothing) places every shown question's
//     answer as Absolute, Relative or None with the rule, reason and sources behind it, and
//     refuses an incomplete set: nothing is guessed, and unsure is never none.
//   - A Result (verdict and findings) is rendered by package screening/export (text, JSON,
//     FHIR); the screens only show it.
//
// Every text a person reads is a Text: one string per language (Lang, a BCP 47 tag). The
// screens' fixed texts are in package internal/i18n, the reception details a record carries
// (Patient) in screening/export: neither enters the rules.
package screening
